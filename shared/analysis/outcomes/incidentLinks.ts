import type { Annotation } from '../../records/annotation'
import type { Incident } from '../../records/outcome'
import type { Run } from '../../records/run'
import type { OutcomeLink, LinkRule } from './outcomeLink'
import { groupBy } from '../groupBy'
import type { RepoIdentity } from './repoIdentity'

/**
 * Incident names as people write them: a prefix and a number ("INC-42", "PD-1207") or a long
 * id (PagerDuty's "Q2KZ7XK0D4HQ1P", incident.io's ULID). Bare numbers are left alone: "#12"
 * names an issue or PR as often as an incident.
 */
const NAME_TOKENS = /[A-Za-z]+-\d+|[A-Za-z0-9]{12,}/g

function namesIn(text: string): string[] {
  return (text.match(NAME_TOKENS) ?? []).map((token) => token.toLowerCase())
}

/**
 * Run → incident links. Strong: an evidence link of the run's note, its branch, or its note's
 * text names the incident. Weak, counted apart: the run ran in the repository of the incident's
 * service while the incident was open (created to resolved; unresolved: no end).
 */
export function linkIncidents(runs: readonly Run[], incidents: readonly Incident[], notes: ReadonlyMap<string, Annotation>, identity: RepoIdentity): OutcomeLink[] {
  const byName = new Map<string, Incident>()
  for (const incident of incidents) for (const name of incident.names) byName.set(name.toLowerCase(), incident)
  const byRepo = new Map([...groupBy(incidents.filter((incident) => incident.service), (incident) => identity.key(incident.service!))].map(([repo, list]) => [repo, new OpenIncidents(list)]))

  const links: OutcomeLink[] = []
  for (const run of runs) {
    const note = notes.get(run.id)
    const strong = new Map<string, OutcomeLink>()
    const sources: { rule: LinkRule; text: string; where: string }[] = [
      ...(note?.evidence ?? []).filter((link) => link.kind !== 'pr').map((link) => ({ rule: 'incident-named-in-evidence' as const, text: link.ref, where: `evidence link "${link.ref}"` })),
      ...(run.branch ? [{ rule: 'incident-named-in-branch' as const, text: run.branch, where: `branch ${run.branch}` }] : []),
      ...(note?.text ? [{ rule: 'incident-named-in-note' as const, text: note.text, where: 'the run\u2019s note' }] : []),
    ]
    for (const source of sources) {
      for (const name of namesIn(source.text)) {
        const incident = byName.get(name)
        if (!incident || strong.has(incident.id)) continue
        strong.set(incident.id, { runId: run.id, outcomeId: incident.id, kind: 'incident', rule: source.rule, strength: 'strong', reason: `${source.where[0].toUpperCase()}${source.where.slice(1)} names ${incident.names[0]}.` })
      }
    }
    links.push(...strong.values())

    const repo = identity.ofRun(run)
    if (!repo) continue
    for (const incident of byRepo.get(repo.key)?.openAt(Date.parse(run.start)) ?? []) {
      if (strong.has(incident.id)) continue
      links.push({
        runId: run.id,
        outcomeId: incident.id,
        kind: 'incident',
        rule: 'ran-in-service-repo-during-incident',
        strength: 'weak',
        reason: `Ran in ${incident.service}, the incident's service, while ${incident.names[0]} was ${incident.resolvedAt ? 'open' : 'unresolved'}.`,
      })
    }
  }
  return links
}

/**
 * One repository's incidents by opening time, to find those open at a moment without reading
 * them all for every run: walking back from the last one opened by then, it stops once no
 * earlier incident was still open (the running latest resolution says so).
 */
class OpenIncidents {
  private readonly incidents: Incident[]
  private readonly opened: number[]
  /** The latest resolution among the incidents up to each index (unresolved: Infinity). */
  private readonly latestEnd: number[]

  constructor(incidents: readonly Incident[]) {
    this.incidents = [...incidents].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    this.opened = this.incidents.map((incident) => Date.parse(incident.createdAt))
    let latest = -Infinity
    this.latestEnd = this.incidents.map((incident) => (latest = Math.max(latest, incident.resolvedAt ? Date.parse(incident.resolvedAt) : Infinity)))
  }

  openAt(time: number): Incident[] {
    let low = 0
    let high = this.opened.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.opened[middle] <= time) low = middle + 1
      else high = middle
    }
    const open: Incident[] = []
    for (let index = low - 1; index >= 0 && this.latestEnd[index] >= time; index--) {
      const { resolvedAt } = this.incidents[index]
      if (!resolvedAt || Date.parse(resolvedAt) >= time) open.push(this.incidents[index])
    }
    return open.reverse()
  }
}
