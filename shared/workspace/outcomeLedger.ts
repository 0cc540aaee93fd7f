import { Incident, OutcomeMetric, PullRequest } from '../records/outcome'
import type { Ledger } from './ledger'
import type { RecordProblem } from './problems'

export interface LedgerOutcomes {
  pullRequests: PullRequest[]
  incidents: Incident[]
  metrics: OutcomeMetric[]
  problems: RecordProblem[]
}

/** How far along a pull request is: a later export of the same PR says more, never less. */
const PR_PROGRESS: Record<PullRequest['state'], number> = { open: 0, closed: 1, merged: 2 }

/**
 * Every outcome record once. The same PR or incident exported again later (it merged, it was
 * resolved) is one record: the furthest-along copy wins, and on a tie the later import.
 * A metric's later value for the same day, metric and scope replaces the earlier.
 */
export function readLedgerOutcomes(ledger: Ledger): LedgerOutcomes {
  const pulls = ledger.recordsOfKind('pullRequests', PullRequest)
  const incidents = ledger.recordsOfKind('incidents', Incident)
  const metrics = ledger.recordsOfKind('metrics', OutcomeMetric)
  return {
    pullRequests: latestById(pulls.records, (a, b) => PR_PROGRESS[a.state] - PR_PROGRESS[b.state]),
    incidents: latestById(incidents.records, (a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null)),
    metrics: latestById(metrics.records, () => 0),
    problems: [...pulls.problems, ...incidents.problems, ...metrics.problems],
  }
}

/** One record per id from records in import order: a later one replaces an earlier unless it is less far along. */
function latestById<T extends { id: string }>(records: readonly T[], progress: (a: T, b: T) => number): T[] {
  const byId = new Map<string, T>()
  for (const record of records) {
    const held = byId.get(record.id)
    if (!held || progress(record, held) >= 0) byId.set(record.id, record)
  }
  return [...byId.values()]
}
