import type { Run, StepCall } from '../records/run'

/** The code point of the character that stands for the first distinct call: '0', then on. */
const FIRST = 0x30

/** Two calls that keep the same facts. */
export function sameStepCall(a: StepCall, b: StepCall): boolean {
  return callKey(a) === callKey(b)
}

/** A run's calls as it stores them: each distinct call once, and the order as one character per call. */
export function packCalls(calls: readonly StepCall[]): Pick<Run, 'calls' | 'callOrder'> {
  const index = new Map<string, number>()
  const distinct: StepCall[] = []
  let order = ''
  for (const call of calls) {
    const key = callKey(call)
    let at = index.get(key)
    if (at === undefined) {
      index.set(key, (at = distinct.length))
      distinct.push(call)
    }
    order += String.fromCodePoint(FIRST + at)
  }
  return { calls: distinct, callOrder: order }
}

/** The calls in order again; a character that indexes no call (a damaged record) is skipped. */
export function unpackCalls(run: Pick<Run, 'calls' | 'callOrder'>): StepCall[] {
  const calls = run.calls ?? []
  const unpacked: StepCall[] = []
  for (const char of run.callOrder ?? '') {
    const call = calls[char.codePointAt(0)! - FIRST]
    if (call) unpacked.push(call)
  }
  return unpacked
}

/** What tells calls apart: every kept fact. */
export function callKey(call: StepCall): string {
  return [call.tool, call.pathLabel ?? '', call.model ?? '', call.command === undefined ? '\u0001' : call.command.join('\u0002')].join('\u0000')
}
