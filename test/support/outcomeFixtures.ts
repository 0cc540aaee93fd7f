import type { Incident, PullRequest } from '../../shared/records/outcome'
import type { OutcomeInput } from '../../shared/analysis/outcomes/linkOutcomes'

/** Small, valid outcome records for analysis tests: tests override what matters. */

export function makePullRequest(overrides: Partial<PullRequest> & { number: number }): PullRequest {
  const repo = overrides.repo ?? 'harbor-ui'
  return {
    id: `github.com/acme/${repo}#${overrides.number}`,
    source: 'github',
    repo,
    repoPath: `acme/${repo}`,
    title: `PR ${overrides.number}`,
    url: `https://github.com/acme/${repo}/pull/${overrides.number}`,
    state: 'merged',
    headBranch: 'feat/x',
    baseBranch: 'main',
    createdAt: '2026-07-10T00:00:00.000Z',
    mergedAt: '2026-07-12T00:00:00.000Z',
    closedAt: '2026-07-12T00:00:00.000Z',
    additions: null,
    deletions: null,
    byBot: false,
    labels: [],
    ...overrides,
  }
}

export function makeIncident(overrides: Partial<Incident> & { ref: string }): Incident {
  const { ref, ...rest } = overrides
  return {
    id: `incident.io:${ref}`,
    source: 'incident.io',
    names: [ref],
    title: `Incident ${ref}`,
    service: 'harbor-ui',
    severity: 'Major',
    status: 'Resolved',
    createdAt: '2026-07-10T09:00:00.000Z',
    acknowledgedAt: null,
    resolvedAt: '2026-07-10T15:00:00.000Z',
    url: null,
    ...rest,
  }
}

export function outcomeInput(overrides: Partial<OutcomeInput> = {}): OutcomeInput {
  return { pullRequests: [], incidents: [], metrics: [], linkEdits: [], repoAliases: [], notes: new Map(), ...overrides }
}
