import type { AgentTool } from './types'

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
  private readonly steps: { time: number; order: number; label: string }[] = []
  private readonly stepKeys = new Set<string>()

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

  /** Adds a step; `key` (the tool call id) keeps a call repeated by split or resumed lines once. */
  addStep(time: number, label: string, key: string | null): void {
    if (key !== null) {
      if (this.stepKeys.has(key)) return
      this.stepKeys.add(key)
    }
    this.steps.push({ time: Number.isFinite(time) ? time : this.end, order: this.steps.length, label })
  }

  /** Labels in timestamp order (file order on ties). */
  labels(): string[] {
    return [...this.steps].sort((a, b) => a.time - b.time || a.order - b.order).map((step) => step.label)
  }
}

const LAST_FOUR_DIGIT_YEAR = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/** Epoch milliseconds of an ISO timestamp, or NaN; years outside 1970–9999 are not real log times. */
export function parseTime(value: unknown): number {
  const time = typeof value === 'string' ? Date.parse(value) : NaN
  return time >= 0 && time <= LAST_FOUR_DIGIT_YEAR ? time : NaN
}
