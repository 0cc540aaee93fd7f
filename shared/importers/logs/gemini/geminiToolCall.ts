import type { ToolCall } from '../../../steps/labelStep'
import { isObject, text, type JsonObject } from '../jsonFields'

/** Gemini CLI tools that write the file named by `args.file_path`. */
const FILE_TOOLS = new Set(['write_file', 'replace'])

/**
 * What a Gemini CLI tool call record (`toolCalls[]` of a `gemini` message) says about its step:
 * the tool's own name, the command of `run_shell_command`, the file of a write. MCP tools
 * (`mcp_<server>_<tool>`) are named as Claude Code names them so the team's MCP rule sees them.
 */
export function geminiToolCall(record: JsonObject): ToolCall | null {
  const name = text(record.name)
  if (!name) return null
  const args = isObject(record.args) ? record.args : {}
  if (name.startsWith('mcp_')) return { tool: `mcp__${name.slice('mcp_'.length)}` }
  if (name === 'run_shell_command') {
    const command = text(args.command)
    return command === null ? { tool: name } : { tool: name, command }
  }
  if (FILE_TOOLS.has(name)) {
    const path = text(args.file_path)
    return path === null ? { tool: name } : { tool: name, paths: [path] }
  }
  return { tool: name }
}
