import type { StepCall } from '../../../records/run'
import type { StepLabeller, ToolCall } from '../../../steps/labelStep'

/** A tool call as a step keeps it, with its label (null: not a step). */
export interface LabelledCall {
  call: StepCall
  label: string | null
}

/** Past this many distinct calls the memo starts again (a machine's logs hold a few thousand). */
const MAX_REMEMBERED = 20_000

const memos = new WeakMap<StepLabeller, Map<string, LabelledCall>>()

/**
 * labeller.reduce then labelCall, remembered per labeller by everything they read (tool,
 * command, paths, model): most calls repeat (the same test command, edits of the same files),
 * and reducing a command to its words and matching the rules was a tenth of a reader
 * thread's time. Equal calls come back as one object, which nothing changes.
 */
export function labelledCall(labeller: StepLabeller, call: ToolCall, model?: string): LabelledCall {
  let memo = memos.get(labeller)
  if (!memo) memos.set(labeller, (memo = new Map()))
  const key = memoKey(call, model)
  let labelled = memo.get(key)
  if (!labelled) {
    if (memo.size >= MAX_REMEMBERED) memo.clear()
    const reduced = labeller.reduce(call, model)
    labelled = { call: reduced, label: labeller.labelCall(reduced) }
    memo.set(key, labelled)
  }
  return labelled
}

/**
 * The fields' lengths, then the fields: no two calls share a key whatever their text holds
 * (JSON.stringify of the same took twice as long, on every tool call).
 */
function memoKey({ tool, command, paths }: ToolCall, model: string | undefined): string {
  let lengths = `${tool.length},${model === undefined ? -1 : model.length},${command === undefined ? -1 : command.length}`
  let joined = `${tool}${model ?? ''}${command ?? ''}`
  // A loop, not map and join: no array made on every tool call, and none whose kind changes under optimised code.
  if (paths) {
    lengths += ';'
    for (let i = 0; i < paths.length; i++) {
      lengths += i === 0 ? `${paths[i].length}` : `,${paths[i].length}`
      joined += paths[i]
    }
  }
  return `${lengths}:${joined}`
}
