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

/** labeller.labelCall, remembered per distinct call (the model never changes a label). */
export function cachedLabels(labeller: StepLabeller): (call: StepCall) => string | null {
  const cache = new Map<string, string | null>()
  return (call) => {
    const command = call.command === undefined ? '\u0001' : call.command.length === 1 ? call.command[0] : call.command.join('\u0002')
    const key = `${call.tool}\u0000${call.pathLabel ?? ''}\u0000${command}`
    let label = cache.get(key)
    if (label === undefined) cache.set(key, (label = labeller.labelCall(call)))
    return label
  }
}
