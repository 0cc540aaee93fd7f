import type { ToolCall } from '../../../steps/labelStep'
import { patchPaths } from '../codex/codexToolCall'
import { isObject, text, type JsonObject } from '../jsonFields'

/**
 * What one `tool_use` block of a Droid assistant message says about its step: the tool's name,
 * the command of `Execute`, the files `Edit`/`MultiEdit`/`Create` write or `ApplyPatch` names in
 * its patch. Nothing else of the input is read.
 */
export function droidToolCall(block: JsonObject): ToolCall | null {
  const tool = text(block.name)
  if (!tool) return null
  const input = isObject(block.input) ? block.input : {}
  if (tool === 'Execute') {
    const command = text(input.command)
    return command === null ? { tool } : { tool, command }
  }
  if (tool === 'ApplyPatch') {
    const patch = typeof block.input === 'string' ? block.input : (text(input.input) ?? text(input.patch) ?? '')
    return { tool, paths: patchPaths(patch) }
  }
  const path = text(input.file_path)
  return path === null ? { tool } : { tool, paths: [path] }
}
