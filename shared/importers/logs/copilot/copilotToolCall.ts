import type { ToolCall } from '../../../steps/labelStep'
import { isObject, text, type JsonObject } from '../jsonFields'

/** Copilot CLI tools that run a shell command (`arguments.command`). */
const SHELL_TOOLS = new Set(['bash', 'powershell'])
/** Tools that write the file named by `arguments.path`. */
const FILE_TOOLS = new Set(['edit', 'create', 'str_replace_editor'])

/**
 * What a Copilot CLI `tool.execution_start` says about its step: the tool's own name, the
 * command of a shell call, the file of an edit. MCP tools are named as Claude Code names them
 * (`mcp__server__tool`) so the team's MCP rule sees them.
 */
export function copilotToolCall(data: JsonObject): ToolCall | null {
  const name = text(data.toolName)
  if (!name) return null
  const args = isObject(data.arguments) ? data.arguments : {}
  const server = text(data.mcpServerName)
  if (server) return { tool: `mcp__${server}__${text(data.mcpToolName) ?? name}` }
  if (SHELL_TOOLS.has(name)) {
    const command = text(args.command)
    return command === null ? { tool: name } : { tool: name, command }
  }
  // Early versions had one `str_replace_editor` tool whose `view` command is today's `view` tool.
  if (name === 'str_replace_editor' && args.command === 'view') return { tool: 'view' }
  if (FILE_TOOLS.has(name)) {
    const path = text(args.path)
    return path === null ? { tool: name } : { tool: name, paths: [path] }
  }
  return { tool: name }
}
