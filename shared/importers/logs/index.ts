/**
 * Coding-agent session logs → runs. The API the Runs view, the desktop import and the CLI use:
 * `importAgentLogs(files, importOptionsFromSettings(settings) + { knownRequestKeys })` with
 * files as `{path, chunks}` byte streams (File.stream() in the browser, fs reads in Node).
 * Underneath, `readAgentLogFile` reads one file into plain data and `AgentLogAssembler`
 * merges files in path order, which lets the CLI read files on several threads.
 */
export { importAgentLogs, importOptionsFromSettings } from './importAgentLogs'
export type { AgentLogImport, ImportAgentLogsOptions, ImportedLogFile } from './importAgentLogs'
export { knownRequestKeys } from './requestKeys'
export type { AgentTool, LogFileSource, LogIssue } from './types'
