import { z } from 'zod'
import { DecimalString, IsoInstant, TokenCounts } from './common'

export const RunModelUsage = z.object({
  model: z.string(),
  tokens: TokenCounts,
  costUSD: DecimalString,
  priced: z.boolean(),
})
export type RunModelUsage = z.infer<typeof RunModelUsage>

/**
 * What a step keeps of its tool call: the tool, the command's program and subcommand words
 * (`["cd", "pytest"]`, never arguments, paths or prompts: see shared/steps/commandWords.ts),
 * the label path rules gave its files at import (paths are never kept) and the model that made
 * the call. Enough to label the step again when the team changes a rule.
 */
export const StepCall = z.object({
  tool: z.string(),
  command: z.array(z.string()).optional(),
  pathLabel: z.string().optional(),
  model: z.string().optional(),
})
export type StepCall = z.infer<typeof StepCall>

/**
 * Tokens of one model on one UTC day whose requests passed the same long-context thresholds:
 * what a run's cost is computed from, with any price table (prices change at day boundaries,
 * and a tier applies to a whole request whose input side passes the model's threshold).
 */
export const RunUsage = z.object({
  model: z.string(),
  /** UTC day, YYYY-MM-DD. */
  day: z.string(),
  /** The largest long-context threshold (input tokens) every request of the group passed; 0 for none. */
  contextAbove: z.number().int().nonnegative(),
  tokens: TokenCounts,
})
export type RunUsage = z.infer<typeof RunUsage>

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
  /**
   * The step calls and the usage: when present, `steps` and the costs are derived from them on
   * read with the workspace's current rules and prices (shared/runs). Absent in batches
   * imported before they were kept: those keep their stored steps and costs.
   * `calls` holds each distinct call once and `callOrder` the calls in order, one character per
   * call (its code point minus 0x30 indexes `calls`): a session repeats a few calls hundreds of
   * times, and a string of them is a fifth of the size of a list (shared/runs/packedCalls.ts).
   */
  calls: z.array(StepCall).optional(),
  callOrder: z.string().optional(),
  usage: z.array(RunUsage).optional(),
  /** The model of each step, derived from `calls` on read; never stored. */
  stepModels: z.array(z.string().nullable()).optional(),
})
export type Run = z.infer<typeof Run>
