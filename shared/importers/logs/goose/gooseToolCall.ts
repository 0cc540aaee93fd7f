import type { StepLabeller, ToolCall } from '../../../steps/labelStep'
import { isObject, text, type JsonObject } from '../jsonFields'
import type { SessionStep } from '../sessionTrack'

/**
 * Extensions that ship with Goose. Any other extension is an MCP server the user added, and
 * its tools (`github__create_issue`) are MCP calls to the step rules.
 */
const BUILT_IN = new Set(['developer', 'todo', 'platform', 'computercontroller', 'memory', 'dynamic_task', 'subagent', 'subrecipe', 'chatrecall', 'extensionmanager', 'skills', 'autovisualiser', 'tutorial'])

/** Goose's built-in tools under the names the step rules know (Claude Code's). */
const RULE_NAMES: Record<string, string> = {
  shell: 'Bash',
  write: 'Write',
  edit: 'Edit',
  tree: 'LS',
  list_windows: 'LS',
  analyze: 'Read',
  web_search: 'WebSearch',
  web_scrape: 'WebFetch',
  todo_write: 'TodoWrite',
  write_todo: 'TodoWrite',
  create_task: 'Task',
  execute_task: 'Task',
  delegate: 'Task',
}

/** `text_editor` does what its `command` says. */
const EDITOR_COMMANDS: Record<string, string> = { view: 'Read', write: 'Write', str_replace: 'Edit', insert: 'Edit', undo_edit: 'Edit', edit: 'Edit' }

/**
 * What a Goose `toolRequest` content item says about its step. Tool names are
 * `<extension>__<tool>` (`developer__shell`); a request Goose could not parse (status "error")
 * is not a step.
 */
export function gooseToolCall(request: JsonObject): ToolCall | null {
  const toolCall = isObject(request.toolCall) ? request.toolCall : null
  const value = toolCall?.status === 'success' && isObject(toolCall.value) ? toolCall.value : null
  const name = text(value?.name)
  if (!value || !name) return null
  const args = isObject(value.arguments) ? value.arguments : {}
  const split = name.indexOf('__')
  const extension = split > 0 ? name.slice(0, split) : null
  const tool = split > 0 ? name.slice(split + 2) : name
  if (extension !== null && !BUILT_IN.has(extension)) return { tool: `mcp__${extension}__${tool}` }
  if (extension === 'todo' && /write/.test(tool)) return { tool: 'TodoWrite' }
  const ruleName = tool === 'text_editor' ? (EDITOR_COMMANDS[text(args.command) ?? ''] ?? 'Edit') : (RULE_NAMES[tool] ?? name)
  return callWithArguments(ruleName, args)
}

function callWithArguments(tool: string, args: JsonObject): ToolCall {
  if (tool === 'Bash') {
    const command = text(args.command)
    return command === null ? { tool } : { tool, command }
  }
  if (tool === 'Edit' || tool === 'Write') {
    const path = text(args.path)
    return { tool, paths: path === null ? [] : [path] }
  }
  return { tool }
}

/** The steps of one assistant message's content (Goose's MessageContent list). */
export function gooseToolSteps(content: unknown, time: number, model: string | null, labeller: StepLabeller): SessionStep[] {
  if (!Array.isArray(content)) return []
  const steps: SessionStep[] = []
  for (const item of content) {
    if (!isObject(item) || item.type !== 'toolRequest') continue
    const toolCall = gooseToolCall(item)
    const call = toolCall && labeller.reduce(toolCall, model ?? undefined)
    const label = call && labeller.labelCall(call)
    if (label) steps.push({ time, label, key: text(item.id), call })
  }
  return steps
}
