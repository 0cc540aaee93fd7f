import { SessionTrack, type SessionStep } from './sessionTrack'
import type { AgentTool } from './agentTools'
import { totalTokens, type UsageRecord } from './usageRecord'

/**
 * One agent session as a reader hands it over, as plain data (it may be read on another
 * thread): what the run builder needs and nothing of the prompts, code or tool input.
 * Every reader but Claude Code's (whose requests are deduplicated across files by
 * ClaudeCodeLogs) gives its sessions in this form.
 */
export interface AgentSession {
  tool: AgentTool
  /** The agent's own session id: the run's id. */
  id: string
  /** Who bills the requests ("anthropic", "openai", "google", …), for reconciliation. */
  provider: string
  cwd: string | null
  /** Repository name from a git remote, when the log records one. */
  remoteRepo: string | null
  branch: string | null
  /** Timestamps that bound the session (NaN and ±Infinity are ignored). */
  times: number[]
  steps: SessionStep[]
  /**
   * Deduplicated requests. A record's `key` (the agent's message or request id) lets the same
   * request in two copies of the session (two files, a resumed session) count once.
   */
  usage: UsageRecord[]
  /**
   * The session this one is a child of, when the agent records subagents as sessions of their
   * own: its usage and steps join the parent's run when the parent is imported too.
   */
  parentId: string | null
  /** When the session names its project only by a key (Gemini CLI's project hash): its folder comes from a SessionPlace with this key. */
  placeKey?: string
}

/** The session as the run builder takes it. */
export function sessionTrackOf(session: AgentSession): SessionTrack {
  const track = new SessionTrack(session.id, session.tool)
  for (const time of session.times) track.seeTime(time)
  track.cwd = session.cwd
  track.remoteRepo = session.remoteRepo
  track.branch = session.branch
  track.provider = session.provider
  for (const step of session.steps) track.addStep(step)
  return track
}

/**
 * Two copies of one session (the same file in two folders, a session file and its archived
 * copy, two stores of one agent, or two files that each hold part of a session, as Droid's
 * transcript and settings): requests with a key are counted once across both, the copy that
 * counts more tokens for a key winning (a later snapshot of a running total, a finished
 * request); when either copy has requests without a key, nothing tells them apart, so the
 * fuller copy wins. Who bills the requests is said by the copy that has them.
 */
export function mergeSessionCopies(kept: AgentSession, other: AgentSession): AgentSession {
  const allKeyed = (session: AgentSession) => session.usage.every((record) => record.key !== null)
  if (!allKeyed(kept) || !allKeyed(other)) return other.usage.length > kept.usage.length ? other : kept
  const keys = new Set(kept.usage.map((record) => record.key))
  const others = new Map(other.usage.map((record) => [record.key, record]))
  const fuller = (record: UsageRecord) => {
    const copy = others.get(record.key)
    return copy && totalTokens(copy.tokens) > totalTokens(record.tokens) ? copy : record
  }
  const stepKeys = new Set(kept.steps.flatMap((step) => (step.key === null ? [] : [step.key])))
  return {
    ...kept,
    provider: kept.usage.length === 0 && other.usage.length > 0 ? other.provider : kept.provider,
    cwd: kept.cwd ?? other.cwd,
    remoteRepo: kept.remoteRepo ?? other.remoteRepo,
    branch: kept.branch ?? other.branch,
    parentId: kept.parentId ?? other.parentId,
    times: [...kept.times, ...other.times],
    steps: [...kept.steps, ...other.steps.filter((step) => step.key === null || !stepKeys.has(step.key))],
    usage: [...kept.usage.map(fuller), ...other.usage.filter((record) => !keys.has(record.key))],
  }
}

/** A child session folded into its parent: the parent's run holds the child's requests and steps. */
export function foldChildSession(parent: AgentSession, child: AgentSession): AgentSession {
  return {
    ...parent,
    times: [...parent.times, ...child.times],
    steps: [...parent.steps, ...child.steps],
    usage: [...parent.usage, ...child.usage.map((record) => ({ ...record, sessionId: parent.id }))],
  }
}
