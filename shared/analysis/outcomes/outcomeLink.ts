/** Why a run is linked to an outcome: the rule that matched, in words a reviewer can check. */
export type LinkRule =
  | 'branch-in-window'
  | 'incident-named-in-evidence'
  | 'incident-named-in-branch'
  | 'incident-named-in-note'
  | 'ran-in-service-repo-during-incident'
  | 'added-by-person'

export interface OutcomeLink {
  runId: string
  outcomeId: string
  kind: 'pullRequest' | 'incident'
  rule: LinkRule
  /** Weak links (a run in the incident's repository while it was open) are counted apart. */
  strength: 'strong' | 'weak'
  reason: string
}

export const DAY_MS = 86_400_000

/** "3 days before", "5 hours after": how far `time` is from `reference`, for a link's reason. */
export function describeOffset(time: number, reference: number): string {
  const ms = Math.abs(time - reference)
  const side = time < reference ? 'before' : 'after'
  if (ms < 3_600_000) return `${Math.max(1, Math.round(ms / 60_000))} min ${side}`
  if (ms < 2 * DAY_MS) return `${Math.round(ms / 3_600_000)} h ${side}`
  return `${Math.round(ms / DAY_MS)} days ${side}`
}
