import type { JsonObject } from '../jsonFields'
import { isImplausible, MAX_THREAD_TOKENS, readTokenCounts, type ImplausibleCount } from '../tokenCounts'

/** One `total_token_usage` snapshot: what a thread has used so far. */
export interface Totals {
  input: number
  cached: number
  output: number
  reasoning: number
  total: number
}

const TOTAL_FIELDS = ['input_tokens', 'cached_input_tokens', 'output_tokens', 'reasoning_output_tokens', 'total_tokens'] as const

/** A `total_token_usage` snapshot, or which count is implausible (see tokenCounts.ts). */
export function readTotals(value: JsonObject): Totals | ImplausibleCount {
  const counts = readTokenCounts(value, TOTAL_FIELDS, MAX_THREAD_TOKENS)
  if (isImplausible(counts)) return counts
  const { input_tokens: input, output_tokens: output } = counts
  return { input, cached: counts.cached_input_tokens, output, reasoning: counts.reasoning_output_tokens, total: counts.total_tokens || input + output }
}

/**
 * What each `total_token_usage` snapshot of a rollout adds: its positive deltas over the highest
 * snapshot so far (the baseline).
 *
 * The counter is cumulative per thread and survives resume and fork (Codex restores it from the
 * rollout's last token_count), so a snapshot below the baseline is not a restart: it is an older
 * event written again (a fork's replay, an out-of-order re-emit). It adds nothing and leaves the
 * baseline where it is; counting from it would count everything above it twice. Equal totals are
 * a re-emit and add nothing either. Only two things restart the count:
 * - a lower total first thing after a `session_meta` line (`newRecord`): another thread's
 *   record begins, with its own counter (a higher one is the same thread resumed: it counts on);
 * - a context-window fill: older Codex (`TokenUsageInfo::fill_to_context_window`) overwrote the
 *   totals with `total_tokens` = the window and zero for every kind, then kept adding to that.
 */
export class CumulativeUsage {
  private baseline: Totals | null = null
  private afterNewRecord = false

  /** A `session_meta` line: the next snapshot may be another thread's counter. */
  newRecord(): void {
    this.afterNewRecord = true
  }

  /** What `current` adds; null when it adds nothing (a re-emit, a stale snapshot, a fill). */
  advance(current: Totals): Totals | null {
    let base = this.baseline
    const restarts = this.afterNewRecord
    this.afterNewRecord = false
    if (base && current.total < base.total) {
      if (restarts) base = null
      else if (!isWindowFill(current)) return null
    }
    this.baseline = current
    const delta: Totals = {
      input: Math.max(0, current.input - (base?.input ?? 0)),
      cached: Math.max(0, current.cached - (base?.cached ?? 0)),
      output: Math.max(0, current.output - (base?.output ?? 0)),
      reasoning: Math.max(0, current.reasoning - (base?.reasoning ?? 0)),
      total: 0,
    }
    return delta.input + delta.output > 0 ? delta : null
  }
}

function isWindowFill(totals: Totals): boolean {
  return totals.total > 0 && totals.input === 0 && totals.output === 0
}
