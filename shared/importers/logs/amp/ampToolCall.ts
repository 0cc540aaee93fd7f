import type { ToolCall } from '../../../steps/labelStep'
import { isObject, text, type JsonObject } from '../jsonFields'

/**
 * Amp's built-in tools under the names the step rules know (Claude Code's): Amp's own names
 * are mostly lower-case twins of them. A tool not listed (oracle, mermaid, an MCP server's
 * tool…) keeps its own name.
 */
const RULE_NAMES: Record<string, string> = {
  Bash: 'Bash',
  edit_file: 'Edit',
  create_file: 'Write',
  undo_edit: 'Edit',
  Read: 'Read',
  read_file: 'Read',
  list_directory: 'LS',
  glob: 'Glob',
  Grep: 'Grep',
  finder: 'Grep',
  codebase_search_agent: 'Grep',
  web_search: 'WebSearch',
  read_web_page: 'WebFetch',
  todo_write: 'TodoWrite',
  Task: 'Task',
}

/** What an Amp `tool_use` block says about its step: the tool, a shell command, the file it writes. */
export function ampToolCall(block: JsonObject): ToolCall | null {
  const name = text(block.name)
  if (!name) return null
  const tool = RULE_NAMES[name] ?? name
  const input = isObject(block.input) ? block.input : {}
  if (tool === 'Bash') {
    const command = text(input.cmd) ?? text(input.command)
    return command === null ? { tool } : { tool, command }
  }
  if (tool === 'Edit' || tool === 'Write') {
    const path = text(input.path)
    return { tool, paths: path === null ? [] : [path] }
  }
  return { tool }
}
