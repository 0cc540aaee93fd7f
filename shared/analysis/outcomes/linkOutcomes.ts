import type { Annotation } from '../../records/annotation'
import type { Incident, OutcomeLinkEdit, OutcomeMetric, PullRequest, RepoAlias } from '../../records/outcome'
import type { Run } from '../../records/run'
import { linkIncidents } from './incidentLinks'
import type { OutcomeLink } from './outcomeLink'
import { linkPullRequests } from './pullRequestLinks'
import { RepoIdentity } from './repoIdentity'
import { groupBy } from '../groupBy'

/** What outcome analysis reads besides runs: imported outcomes and the team's corrections. */
export interface OutcomeInput {
  pullRequests: readonly PullRequest[]
  incidents: readonly Incident[]
  metrics: readonly OutcomeMetric[]
  linkEdits: readonly OutcomeLinkEdit[]
  repoAliases: readonly RepoAlias[]
  /** Outcome notes keyed by subject (a run id for a run's note). */
  notes: ReadonlyMap<string, Annotation>
}

export interface OutcomeLinks {
  identity: RepoIdentity
  links: readonly OutcomeLink[]
  /** Derived links a person removed, kept so they can be put back. */
  removed: readonly OutcomeLink[]
  byRun: ReadonlyMap<string, OutcomeLink[]>
  byOutcome: ReadonlyMap<string, OutcomeLink[]>
  pullRequests: ReadonlyMap<string, PullRequest>
  incidents: ReadonlyMap<string, Incident>
}

export function linkKey(runId: string, outcomeId: string): string {
  return `${runId}\u2192${outcomeId}`
}

/**
 * Every run→outcome link, derived by the rules (pullRequestLinks.ts, incidentLinks.ts), then
 * corrected by people: a removed link is dropped (and listed in `removed`), an added one is
 * kept with the rule 'added-by-person'. Pure: the same input gives the same links.
 */
export function linkOutcomes(runs: readonly Run[], input: OutcomeInput): OutcomeLinks {
  const identity = new RepoIdentity(runs, input.repoAliases)
  const derived = [...linkPullRequests(runs, input.pullRequests, identity), ...linkIncidents(runs, input.incidents, input.notes, identity)]
  const edits = new Map(input.linkEdits.map((edit) => [linkKey(edit.runId, edit.outcomeId), edit]))
  const links: OutcomeLink[] = []
  const removed: OutcomeLink[] = []
  for (const link of derived) (edits.get(linkKey(link.runId, link.outcomeId))?.action === 'remove' ? removed : links).push(link)
  const held = new Set(links.map((link) => linkKey(link.runId, link.outcomeId)))
  const runIds = new Set(runs.map((run) => run.id))
  for (const edit of edits.values()) {
    if (edit.action !== 'add' || held.has(linkKey(edit.runId, edit.outcomeId)) || !runIds.has(edit.runId)) continue
    links.push({ runId: edit.runId, outcomeId: edit.outcomeId, kind: edit.outcomeKind, rule: 'added-by-person', strength: 'strong', reason: 'Added by a person on the Outcomes tab.' })
  }
  return {
    identity,
    links,
    removed,
    byRun: groupBy(links, (link) => link.runId),
    byOutcome: groupBy(links, (link) => link.outcomeId),
    pullRequests: new Map(input.pullRequests.map((pull) => [pull.id, pull])),
    incidents: new Map(input.incidents.map((incident) => [incident.id, incident])),
  }
}
