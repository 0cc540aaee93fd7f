import type { ToolCall } from '../../../steps/labelStep'
import { isObject, text, type JsonObject } from '../jsonFields'

/** Tools that write a file named by `file_path` (current names and the Gemini-era `replace`). */
const FILE_WRITERS = new Set(['edit', 'write_file', 'replace'])

/**
 * What one `functionCall` part of a Qwen Code assistant message says about its step: its tool
 * name, the command of `run_shell_command`, the file an edit writes. Nothing else is read.
 */
export function qwenToolCall(functionCall: JsonObject): ToolCall | null {
  const tool = text(functionCall.name)
  if (!tool) return null
  const args = isObject(functionCall.args) ? functionCall.args : {}
  if (tool === 'run_shell_command') {
    const command = text(args.command)
    return command === null ? { tool } : { tool, command }
  }
  const path = FILE_WRITERS.has(tool) ? text(args.file_path) : null
  return path === null ? { tool } : { tool, paths: [path] }
}
