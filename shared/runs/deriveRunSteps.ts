import type { StepCall } from '../records/run'
import type { StepLabeller } from '../steps/labelStep'
import { callKey } from './packedCalls'

/**
 * A run's steps from its kept calls under the given rules: each call labelled (a call no rule
 * labels is no step), consecutive repeats once, each step with the model of its first call.
 * Labels are cached per distinct call, as a workspace repeats the same few hundred calls.
 */
export function stepsFromCalls(calls: readonly StepCall[], labelOf: (call: StepCall) => string | null): { steps: string[]; stepModels: (string | null)[] } {
  const steps: string[] = []
  const stepModels: (string | null)[] = []
  for (const call of calls) {
    const label = labelOf(call)
    if (label === null || label === steps[steps.length - 1]) continue
    steps.push(label)
    stepModels.push(call.model ?? null)
  }
  return { steps, stepModels }
}

/** labeller.labelCall, remembered per distinct call. */
export function cachedLabels(labeller: StepLabeller): (call: StepCall) => string | null {
  const cache = new Map<string, string | null>()
  return (call) => {
    const key = callKey(call)
    let label = cache.get(key)
    if (label === undefined) cache.set(key, (label = labeller.labelCall(call)))
    return label
  }
}
