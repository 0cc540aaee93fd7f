import { describe, expect, it } from 'vitest'
import type { TokenCounts } from '../../../records/common'
import { createStepLabeller } from '../../../steps/labelStep'
import type { LogIssue } from '../types'
import { codexRolloutReader, type CodexRollout } from './codexRollout'

const THREAD = '019b0000-0000-7000-8000-0000000000d1'
const OTHER_THREAD = '019b0000-0000-7000-8000-0000000000d2'

function sessionMeta(id: string, second: number): string {
  return JSON.stringify({ timestamp: at(second), type: 'session_meta', payload: { id, timestamp: at(second), cwd: '/r', source: 'cli', model_provider: 'openai' } })
}

/** A token_count event carrying the thread's cumulative totals (total_tokens = input + output unless given). */
function tokenCount(second: number, input: number, cached: number, output: number, totalTokens = input + output): string {
  const total_token_usage = { input_tokens: input, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: 0, total_tokens: totalTokens }
  return JSON.stringify({ timestamp: at(second), type: 'event_msg', payload: { type: 'token_count', info: { total_token_usage, model_context_window: 272000 } } })
}

function at(second: number): string {
  return new Date(Date.UTC(2026, 2, 1, 9, 0, second)).toISOString()
}

function readRollout(lines: string[]): { rollout: CodexRollout; issues: LogIssue[] } {
  const issues: LogIssue[] = []
  let rollout: CodexRollout | null = null
  const reader = codexRolloutReader(`rollout-2026-03-01T10-00-00-${THREAD}.jsonl`, createStepLabeller(), (issue) => issues.push(issue), (done) => (rollout = done))
  const encoder = new TextEncoder()
  lines.forEach((line, index) => reader.line(encoder.encode(line), index + 1, true))
  reader.finish()
  return { rollout: rollout!, issues }
}

function summed(rollout: CodexRollout): Pick<TokenCounts, 'input' | 'cacheRead' | 'output'> {
  const sum = { input: 0, cacheRead: 0, output: 0 }
  for (const { tokens } of rollout.usage) {
    sum.input += tokens.input
    sum.cacheRead += tokens.cacheRead
    sum.output += tokens.output
  }
  return sum
}

describe('codexRolloutReader: cumulative token totals', () => {
  it('ignores a stale snapshot below the running total instead of counting from zero again', () => {
    const { rollout, issues } = readRollout([
      sessionMeta(THREAD, 0),
      tokenCount(1, 10000, 8000, 500),
      tokenCount(2, 25000, 20000, 900),
      tokenCount(3, 25000, 20000, 900), // re-emitted unchanged
      tokenCount(4, 10000, 8000, 500), // an older snapshot written again, out of order
      tokenCount(5, 31000, 24000, 1300),
    ])
    expect(issues).toEqual([])
    // What the thread's final total says it used: (31000 − 24000) uncached, 24000 cached, 1300 out.
    expect(summed(rollout)).toEqual({ input: 7000, cacheRead: 24000, output: 1300 })
    expect(rollout.usage).toHaveLength(3)
  })

  it('ignores a fork replay’s stale snapshot that lands after the replayed second', () => {
    const child = JSON.stringify({ timestamp: at(0), type: 'session_meta', payload: { id: OTHER_THREAD, forked_from_id: THREAD, timestamp: at(0), cwd: '/r' } })
    const { rollout } = readRollout([
      child,
      sessionMeta(THREAD, 0),
      tokenCount(0, 10000, 8000, 500), // the parent's history, replayed and re-stamped
      tokenCount(0, 25000, 20000, 900),
      tokenCount(1, 10000, 8000, 500), // a replayed snapshot written a second later
      tokenCount(7, 31000, 24000, 1300),
    ])
    // The child's own request only: 31000/24000/1300 less the parent's 25000/20000/900.
    expect(summed(rollout)).toEqual({ input: 2000, cacheRead: 4000, output: 400 })
  })

  it('starts the count over at a new session_meta: another thread’s counter', () => {
    const { rollout } = readRollout([
      sessionMeta(THREAD, 0),
      tokenCount(1, 25000, 20000, 900),
      sessionMeta(OTHER_THREAD, 10),
      tokenCount(11, 4000, 1000, 100),
    ])
    expect(summed(rollout)).toEqual({ input: 5000 + 3000, cacheRead: 21000, output: 1000 })
  })

  it('counts on after a session_meta whose thread resumes with its restored, higher total', () => {
    const { rollout } = readRollout([
      sessionMeta(THREAD, 0),
      tokenCount(1, 25000, 20000, 900),
      sessionMeta(THREAD, 600),
      tokenCount(601, 31000, 24000, 1300),
    ])
    expect(summed(rollout)).toEqual({ input: 7000, cacheRead: 24000, output: 1300 })
  })

  it('counts on from a context-window fill, which zeroes the per-kind totals (older Codex)', () => {
    const { rollout } = readRollout([
      sessionMeta(THREAD, 0),
      tokenCount(1, 300000, 250000, 5000),
      tokenCount(2, 0, 0, 0, 272000), // TokenUsageInfo::fill_to_context_window
      tokenCount(3, 50000, 40000, 1000, 272000 + 51000),
    ])
    expect(summed(rollout)).toEqual({ input: 50000 + 10000, cacheRead: 290000, output: 6000 })
  })
})

describe('codexRolloutReader: implausible counts', () => {
  it('reports a snapshot with a count no thread reaches, negative or not finite as a bad line, and counts on from the good ones', () => {
    const huge = tokenCount(2, 1, 0, 1).replace('"output_tokens":1', '"output_tokens":18446744073709551617')
    const negative = tokenCount(3, 1, 0, 1).replace('"input_tokens":1', '"input_tokens":-5')
    const infinite = tokenCount(4, 1, 0, 1).replace('"output_tokens":1', '"output_tokens":1e999')
    const { rollout, issues } = readRollout([sessionMeta(THREAD, 0), tokenCount(1, 1000, 0, 100), huge, negative, infinite, tokenCount(5, 3000, 0, 300)])
    expect(issues).toEqual([
      { path: expect.any(String), line: 3, message: 'implausible token count: output_tokens is 18446744073709552000; line not counted' },
      { path: expect.any(String), line: 4, message: 'implausible token count: input_tokens is -5; line not counted' },
      { path: expect.any(String), line: 5, message: 'implausible token count: output_tokens is Infinity; line not counted' },
    ])
    expect(summed(rollout)).toEqual({ input: 3000, cacheRead: 0, output: 300 })
  })
})
