import { groupBy } from '../../../shared/analysis/groupBy'
import type { OutcomeLinks } from '../../../shared/analysis/outcomes/linkOutcomes'
import type { OutcomeLink } from '../../../shared/analysis/outcomes/outcomeLink'
import { runCost, sumDecimals } from '../../../shared/analysis/outcomes/outcomeStats'
import { decimalText } from '../../../shared/money/decimal'
import type { Incident, PullRequest } from '../../../shared/records/outcome'
import type { Run } from '../../../shared/records/run'

export interface LinkedRun {
  run: Run
  link: OutcomeLink
}

export type OutcomeRow =
  | { kind: 'pullRequest'; outcome: PullRequest; runs: LinkedRun[]; costUSD: string }
  | { kind: 'incident'; outcome: Incident; runs: LinkedRun[]; costUSD: string }

/**
 * The outcomes a portfolio's runs (of a period) reach, each with the runs that link to it, why,
 * and what those runs cost; plus the links people removed, so they can be put back.
 */
export function outcomeRows(runs: readonly Run[], links: OutcomeLinks): { rows: OutcomeRow[]; removed: LinkedRun[] } {
  const runById = new Map(runs.map((run) => [run.id, run]))
  const byOutcome = groupBy(
    runs.flatMap((run) => (links.byRun.get(run.id) ?? []).map((link): LinkedRun => ({ run, link }))),
    ({ link }) => link.outcomeId,
  )
  const rows: OutcomeRow[] = []
  for (const [id, linked] of byOutcome) {
    const costUSD = decimalText(sumDecimals(linked.map(({ run }) => runCost(run))))
    const pull = links.pullRequests.get(id)
    const incident = links.incidents.get(id)
    if (pull) rows.push({ kind: 'pullRequest', outcome: pull, runs: linked, costUSD })
    else if (incident) rows.push({ kind: 'incident', outcome: incident, runs: linked, costUSD })
  }
  rows.sort((a, b) => b.outcome.createdAt.localeCompare(a.outcome.createdAt))
  const removed = links.removed.flatMap((link) => {
    const run = runById.get(link.runId)
    return run ? [{ run, link }] : []
  })
  return { rows, removed }
}
