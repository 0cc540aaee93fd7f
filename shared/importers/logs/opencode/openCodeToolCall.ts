import type { ToolCall } from '../../../steps/labelStep'
import { patchPaths } from '../codex/codexToolCall'
import { isObject, text, type JsonObject } from '../jsonFields'

/**
 * What an OpenCode `tool` part says about its step: the tool's own name (`bash`, `edit`,
 * `task`…), the command of `bash`, the file of `edit`/`write`/`read`, the files a `patch` /
 * `apply_patch` names. Nothing else of the input is kept.
 */
export function openCodeToolCall(part: JsonObject): ToolCall | null {
  const tool = text(part.tool)
  if (part.type !== 'tool' || !tool) return null
  const input = isObject(part.state) && isObject(part.state.input) ? part.state.input : {}
  const command = text(input.command)
  if (command !== null) return { tool, command }
  const file = text(input.filePath)
  if (file !== null) return { tool, paths: [file] }
  const patch = text(input.patchText)
  if (patch !== null) return { tool, paths: patchPaths(patch) }
  return { tool }
}
