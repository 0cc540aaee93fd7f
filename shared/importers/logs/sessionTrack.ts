import type { StepCall } from '../../records/run'
import type { AgentTool } from './types'

/** A labelled step as a reader saw it, for SessionTrack.addStep. */
export interface SessionStep {
  time: number
  label: string
  key: string | null
  /** What the run keeps of the call (StepLabeller.reduce). */
  call: StepCall
}

/**
 * What one session's lines say besides usage: when it ran, where, on which branch, and its
 * labelled steps. Only derived values are kept: a step is its label, never the tool input.
 */
export class SessionTrack {
  start = Infinity
  end = -Infinity
  cwd: string | null = null
  /** Repository name from a git remote, when the log records one (Codex). */
  remoteRepo: string | null = null
  branch: string | null = null
  /** Who bills the requests ("anthropic", "openai", …), for reconciliation. */
  provider: string
  // Steps as three lists, not an object each: a year of transcripts holds 220,000 until the runs are built.
  private readonly stepTimes: number[] = []
  private readonly stepLabels: string[] = []
  private readonly stepCalls: StepCall[] = []
  /** Made by the first keyed addStep: Claude Code's 13,000 sessions have theirs checked across the import instead. */
  private stepKeys: Set<string> | null = null

  constructor(
    readonly id: string,
    readonly tool: AgentTool,
  ) {
    this.provider = tool === 'claude-code' ? 'anthropic' : 'openai'
  }

  seeTime(time: number): void {
    if (!Number.isFinite(time)) return
    if (time < this.start) this.start = time
    if (time > this.end) this.end = time
  }

  /** Adds a step; its `key` (the tool call id) keeps a call repeated by split or resumed lines once. */
  addStep(step: SessionStep): void {
    if (step.key !== null) {
      this.stepKeys ??= new Set()
      if (this.stepKeys.has(step.key)) return
      this.stepKeys.add(step.key)
    }
    this.addNewStep(step)
  }

  /** Adds a step whose key the caller already found new across the import (ClaudeCodeLogs keeps every key): one set of keys, not two. */
  addNewStep({ time, label, call }: Omit<SessionStep, 'key'>): void {
    this.stepTimes.push(Number.isFinite(time) ? time : this.end)
    this.stepLabels.push(label)
    this.stepCalls.push(call)
  }

  /**
   * The labels and the calls in timestamp order (file order on ties), sorted once for both; a
   * call repeated back to back is kept once (it can only repeat its label). `keyOf` tells
   * calls apart (callKey, or a memo of it: a run's calls are mostly a few objects repeated).
   */
  steps(keyOf: (call: StepCall) => string): { labels: string[]; calls: StepCall[] } {
    const labels: string[] = []
    const calls: StepCall[] = []
    for (const step of this.ordered()) {
      labels.push(this.stepLabels[step])
      const call = this.stepCalls[step]
      const previous = calls[calls.length - 1]
      // Repeated calls are often one object (labelledCall): told apart without their keys.
      if (previous === undefined || (call !== previous && keyOf(call) !== keyOf(previous))) calls.push(call)
    }
    return { labels, calls }
  }

  /** The steps' places in the lists, in timestamp order (the order added on ties). */
  private ordered(): number[] {
    const times = this.stepTimes
    return Array.from(times.keys()).sort((a, b) => times[a] - times[b] || a - b)
  }
}

/**
 * The earliest and latest of many timestamps. Canonical UTC forms ("2026-03-31T23:50:00.000Z",
 * as both agents write them) order as strings, so they are compared as read and only the two
 * ends are parsed; a timestamp is seen on every line, and Date.parse on each was measurable.
 */
export class TimeSpan {
  private first: string | null = null
  private last: string | null = null
  private earliest = Infinity
  private latest = -Infinity

  seeText(text: string | null): void {
    if (text === null) return
    if (hasCanonicalShape(text)) {
      if (this.first === null || text < this.first) this.first = text
      if (this.last === null || text > this.last) this.last = text
    } else {
      this.seeTime(parseTime(text))
    }
  }

  seeTime(time: number): void {
    if (time < this.earliest) this.earliest = time
    if (time > this.latest) this.latest = time
  }

  /** The times that bound the span, for SessionTrack.seeTime. */
  times(): number[] {
    return [this.earliest, this.latest, parseTime(this.first), parseTime(this.last)]
  }

  get empty(): boolean {
    return this.first === null && this.earliest === Infinity
  }
}

const LAST_FOUR_DIGIT_YEAR = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/** Epoch milliseconds of an ISO timestamp, or NaN; years outside 1970–9999 are not real log times. */
export function parseTime(value: unknown): number {
  const time = typeof value === 'string' ? canonicalTime(value) : NaN
  return time >= 0 && time <= LAST_FOUR_DIGIT_YEAR ? time : NaN
}

/** A time written as a number: epoch milliseconds, or seconds (below 10^12, some Kilo rows); NaN when it cannot be a log time. */
export function epochMillis(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return NaN
  const millis = value < 1e12 ? value * 1000 : value
  return millis <= LAST_FOUR_DIGIT_YEAR ? millis : NaN
}

/**
 * `Date.parse`, read by hand for the canonical "2026-03-31T23:50:00.000Z" both agents write
 * (every parsed line has one; this is three times faster). Anything else, or a date a
 * hand-read could get wrong (a day past the 28th, an hour of 24), goes to Date.parse.
 */
function canonicalTime(text: string): number {
  if (!hasCanonicalShape(text)) return Date.parse(text)
  for (let i = 0; i < SEPARATORS.length; i += 2) if (text.charCodeAt(SEPARATORS[i]) !== SEPARATORS[i + 1]) return Date.parse(text)
  const year = digits(text, 0, 4)
  const month = digits(text, 5, 2)
  const day = digits(text, 8, 2)
  const hour = digits(text, 11, 2)
  const minute = digits(text, 14, 2)
  const second = digits(text, 17, 2)
  const millisecond = digits(text, 20, 3)
  const inRange = month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59
  // Date.UTC reads years 0–99 as 1900–1999: those (never log times) go to Date.parse too.
  if (!inRange || year < 1970 || millisecond < 0) return Date.parse(text)
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond)
}

/** "2026-03-31T23:50:00.000Z": 24 chars, a T at 10 and a Z at the end (the separators are checked apart). */
function hasCanonicalShape(text: string): boolean {
  return text.length === 24 && text.charCodeAt(10) === 84 && text.charCodeAt(23) === 90
}

/** Position and char code of each separator of the canonical form: - - : : . */
const SEPARATORS = [4, 45, 7, 45, 13, 58, 16, 58, 19, 46]

/** The decimal number in text[from, from + count), or -1 when a char is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}
