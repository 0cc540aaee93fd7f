import type { Run, StepCall } from '../records/run'

/** The code point of the character that stands for the first distinct call: '0', then on. */
const FIRST = 0x30

/** A run's calls as it stores them: each distinct call once, and the order as one character per call. */
export function packCalls(calls: readonly StepCall[], keyOf: (call: StepCall) => string = callKey): Pick<Run, 'calls' | 'callOrder'> {
  const index = new Map<string, number>()
  const distinct: StepCall[] = []
  let order = ''
  for (const call of calls) {
    const key = keyOf(call)
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
  forEachCallIndex(run.callOrder ?? '', calls.length, (index) => unpacked.push(calls[index]))
  return unpacked
}

/** Visits the index of each call in a packed order, in order (char codes: no string per character). */
export function forEachCallIndex(order: string, calls: number, visit: (index: number) => void): void {
  for (let i = 0; i < order.length; i++) {
    const code = order.codePointAt(i)!
    if (code > 0xffff) i++
    const index = code - FIRST
    if (index >= 0 && index < calls) visit(index)
  }
}

/** callKey remembered per call object, for one pass over calls that are mostly a few objects repeated (StepCall objects are never changed once made). */
export function memoizedCallKey(): (call: StepCall) => string {
  const keys = new Map<StepCall, string>()
  return (call) => {
    let key = keys.get(call)
    if (key === undefined) keys.set(call, (key = callKey(call)))
    return key
  }
}

/** What tells calls apart: every kept fact. */
export function callKey(call: StepCall): string {
  return [call.tool, call.pathLabel ?? '', call.model ?? '', call.command === undefined ? '\u0001' : call.command.join('\u0002')].join('\u0000')
}
