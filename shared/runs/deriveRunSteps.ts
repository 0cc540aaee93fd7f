import type { Run, StepCall } from '../records/run'
import type { StepLabeller } from '../steps/labelStep'
import { forEachCallIndex } from './packedCalls'

/**
 * A run's steps from its kept calls under the given rules: each call labelled (a call no rule
 * labels is no step), consecutive repeats once, each step with the model of its first call.
 * Each distinct call of the run is labelled once, through a cache shared by all runs.
 */
export function stepsFromCalls(run: Pick<Run, 'calls' | 'callOrder'>, labelOf: (call: StepCall) => string | null): { steps: string[]; stepModels: (string | null)[] } {
  const calls = run.calls ?? []
  const labels = calls.map(labelOf)
  const steps: string[] = []
  const stepModels: (string | null)[] = []
  forEachCallIndex(run.callOrder ?? '', calls.length, (index) => {
    const label = labels[index]
    if (label === null || label === steps[steps.length - 1]) return
    steps.push(label)
    stepModels.push(calls[index].model ?? null)
  })
  return { steps, stepModels }
}

/**
 * labeller.labelCall, remembered per distinct call (the model never changes a label). Looked up
 * by tool, path label and command words in turn rather than by one key made of them: the
 * decoded strings are shared, so each lookup hashes nothing new, where a key made per call
 * of 100,000 runs was half the cost of labelling them.
 */
export function cachedLabels(labeller: StepLabeller): (call: StepCall) => string | null {
  const cache = new Map<string, Map<string, Map<string, string | null>>>()
  return (call) => {
    const command = call.command === undefined ? '\u0001' : call.command.length === 1 ? call.command[0] : call.command.join('\u0002')
    let byPath = cache.get(call.tool)
    if (!byPath) cache.set(call.tool, (byPath = new Map()))
    const path = call.pathLabel ?? ''
    let byCommand = byPath.get(path)
    if (!byCommand) byPath.set(path, (byCommand = new Map()))
    let label = byCommand.get(command)
    if (label === undefined) byCommand.set(command, (label = labeller.labelCall(call)))
    return label
  }
}
