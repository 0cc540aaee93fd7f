import { join } from 'node:path'
import { importAgentLogs, type AgentLogImport } from '../../shared/importers/logs/importAgentLogs'
import { failOnUnreadable } from '../../node/filesInFolder'
import { findLogFiles } from '../../node/agentLogs/discover'
import { fileLogSource } from '../../node/agentLogs/logFileSource'
import { importAgentLogFiles } from '../../cli/agentLogs/importAgentLogFiles'

/**
 * Test support: the Claude Code fixtures imported as the command imports them, on `threads`
 * threads however little there is to read (WORKFOLIO_LOG_THREADS), with the notices it gave,
 * beside what reading them on one thread gives.
 */
export async function fixtureLogsReadOnThreads(threads: number): Promise<{ result: AgentLogImport; oneThread: AgentLogImport; notices: string[] }> {
  process.env.WORKFOLIO_LOG_THREADS = String(threads)
  try {
    const paths = findLogFiles([join(__dirname, '../../test/fixtures/logs/claude')], failOnUnreadable)
    const options = { importedAt: '2026-11-29T00:00:00.000Z', pseudonymSalt: 'salt' }
    const notices: string[] = []
    const result = await importAgentLogFiles(paths, options, { notice: (message) => notices.push(message) })
    return { result, oneThread: await importAgentLogs(paths.map(fileLogSource), options), notices }
  } finally {
    delete process.env.WORKFOLIO_LOG_THREADS
  }
}
