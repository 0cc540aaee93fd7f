import { z } from 'zod'
import { DecimalString, IsoInstant, TokenCounts } from './common'

export const RunModelUsage = z.object({
  model: z.string(),
  tokens: TokenCounts,
  costUSD: DecimalString,
  priced: z.boolean(),
})
export type RunModelUsage = z.infer<typeof RunModelUsage>

/** One agent session, reduced to derived metadata: no prompt, code or tool input ever enters it. */
export const Run = z.object({
  id: z.string(),
  tool: z.string(),
  /** "anthropic" | "openai" | …, for reconciliation against billing. */
  provider: z.string(),
  repo: z.string().nullable(),
  /** Whether `repo` is the git remote's name (Codex records the remote) rather than the folder's. */
  repoFromRemote: z.boolean().optional(),
  /**
   * The working directory as a salted hash (the path itself names a person), so the sessions of
   * one folder share what one of them knows: a Codex session's remote names the Claude Code
   * sessions' repository too (shared/analysis/outcomes/repoIdentity.ts).
   */
  folder: z.string().optional(),
  branch: z.string().nullable(),
  start: IsoInstant,
  end: IsoInstant,
  models: z.array(z.string()),
  tokens: TokenCounts,
  costUSD: DecimalString,
  /** Estimated cost per UTC month of the requests, for sessions that cross a month boundary. */
  costByMonth: z.record(z.string(), DecimalString),
  byModel: z.array(RunModelUsage),
  unpricedModels: z.array(z.string()),
  steps: z.array(z.string()),
  /** Salted pseudonym, or the real name when the team turned attribution on. */
  actor: z.string().nullable(),
  requests: z.number().int().nonnegative(),
  /**
   * Hashed identities of the counted requests (Claude Code `message.id:requestId`), so a later
   * import never counts a request twice. Absent for sources without request ids (Codex).
   */
  requestKeys: z.array(z.string()).optional(),
})
export type Run = z.infer<typeof Run>
