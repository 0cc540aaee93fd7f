import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../records/annotation'
import { makeRun } from '../../../test/support/analysisFixtures'
import { linkOutcomes } from './linkOutcomes'
import { makeIncident, makePullRequest, outcomeInput } from '../../../test/support/outcomeFixtures'

const pr = makePullRequest({ number: 7, headBranch: 'feat/x', createdAt: '2026-07-10T00:00:00.000Z', mergedAt: '2026-07-12T00:00:00.000Z' })

function linkedPulls(runs: ReturnType<typeof makeRun>[], pulls = [pr], more: Parameters<typeof outcomeInput>[0] = {}) {
  const { links } = linkOutcomes(runs, outcomeInput({ pullRequests: pulls, ...more }))
  return links.filter((link) => link.kind === 'pullRequest').map((link) => [link.runId, link.outcomeId])
}

describe('run → pull request links', () => {
  it('links a run on the head branch of the same repository inside the window, and says why', () => {
    const run = makeRun({ id: 'r1', repo: 'harbor-ui', branch: 'feat/x', start: '2026-07-08T10:00:00.000Z' })
    const { links } = linkOutcomes([run], outcomeInput({ pullRequests: [pr] }))
    expect(links).toEqual([expect.objectContaining({ runId: 'r1', outcomeId: pr.id, rule: 'branch-in-window', strength: 'strong' })])
    expect(links[0].reason).toBe('Same repository harbor-ui and branch feat/x; started 38 h before the PR opened, before it was merged.')
  })

  it('a PR opened before the first run still links (the window runs to the merge)', () => {
    expect(linkedPulls([makeRun({ id: 'r1', repo: 'harbor-ui', branch: 'feat/x', start: '2026-07-11T10:00:00.000Z' })])).toEqual([['r1', pr.id]])
  })

  it('runs after the merge, or more than 30 days before the PR opened, do not link', () => {
    const after = makeRun({ id: 'after', repo: 'harbor-ui', branch: 'feat/x', start: '2026-07-12T00:00:01.000Z' })
    const early = makeRun({ id: 'early', repo: 'harbor-ui', branch: 'feat/x', start: '2026-06-09T23:59:59.000Z' })
    const edge = makeRun({ id: 'edge', repo: 'harbor-ui', branch: 'feat/x', start: '2026-06-10T00:00:00.000Z' })
    expect(linkedPulls([after, early, edge])).toEqual([['edge', pr.id]])
  })

  it('an open PR has no end: a run long after it opened links', () => {
    const open = makePullRequest({ number: 9, state: 'open', mergedAt: null, closedAt: null })
    expect(linkedPulls([makeRun({ id: 'r', repo: 'harbor-ui', branch: 'feat/x', start: '2026-12-01T00:00:00.000Z' })], [open])).toEqual([['r', open.id]])
  })

  it('a branch name reused later links each run to its own PR only', () => {
    const later = makePullRequest({ number: 20, headBranch: 'feat/x', createdAt: '2026-07-20T00:00:00.000Z', mergedAt: '2026-07-22T00:00:00.000Z' })
    const forFirst = makeRun({ id: 'first', repo: 'harbor-ui', branch: 'feat/x', start: '2026-07-09T00:00:00.000Z' })
    const forSecond = makeRun({ id: 'second', repo: 'harbor-ui', branch: 'feat/x', start: '2026-07-15T00:00:00.000Z' })
    expect(linkedPulls([forFirst, forSecond], [pr, later])).toEqual([
      ['first', pr.id],
      ['second', later.id],
    ])
  })

  it('the same branch name in another repository does not link', () => {
    const run = makeRun({ id: 'r', repo: 'sensor-etl', branch: 'feat/x', start: '2026-07-11T00:00:00.000Z' })
    expect(linkedPulls([run])).toEqual([])
  })

  it('a Claude Code run named by its folder links through the remote a Codex session in that folder recorded', () => {
    const codex = makeRun({ id: 'codex', tool: 'codex', repo: 'harbor-ui', repoFromRemote: true, folder: 'f1', branch: 'other', start: '2026-07-01T00:00:00.000Z' })
    const claude = makeRun({ id: 'claude', repo: 'harbor', folder: 'f1', branch: 'feat/x', start: '2026-07-11T00:00:00.000Z' })
    const elsewhere = makeRun({ id: 'elsewhere', repo: 'harbor', folder: 'f2', branch: 'feat/x', start: '2026-07-11T00:00:00.000Z' })
    const { links } = linkOutcomes([codex, claude, elsewhere], outcomeInput({ pullRequests: [pr] }))
    expect(links.map((link) => link.runId)).toEqual(['claude'])
    expect(links[0].reason).toContain('learned from another session in the same folder')
  })

  it('a team alias makes two names one repository', () => {
    const sensor = makePullRequest({ number: 3, repo: 'sensor-etl' })
    const run = makeRun({ id: 'r', repo: 'Sensor_ETL', branch: 'feat/x', start: '2026-07-11T00:00:00.000Z' })
    expect(linkedPulls([run], [sensor])).toEqual([])
    expect(linkedPulls([run], [sensor], { repoAliases: [{ id: 'sensor_etl', repo: 'sensor-etl' }] })).toEqual([['r', sensor.id]])
  })

  it('a person removes a wrong link and adds a missing one', () => {
    const linked = makeRun({ id: 'linked', repo: 'harbor-ui', branch: 'feat/x', start: '2026-07-11T00:00:00.000Z' })
    const missed = makeRun({ id: 'missed', repo: 'harbor-ui', branch: 'main', start: '2026-07-11T00:00:00.000Z' })
    const edits = [
      { id: `linked\u2192${pr.id}`, runId: 'linked', outcomeId: pr.id, outcomeKind: 'pullRequest' as const, action: 'remove' as const, at: '2026-07-13T00:00:00.000Z' },
      { id: `missed\u2192${pr.id}`, runId: 'missed', outcomeId: pr.id, outcomeKind: 'pullRequest' as const, action: 'add' as const, at: '2026-07-13T00:00:00.000Z' },
    ]
    const result = linkOutcomes([linked, missed], outcomeInput({ pullRequests: [pr], linkEdits: edits }))
    expect(result.links.map((link) => [link.runId, link.rule])).toEqual([['missed', 'added-by-person']])
    expect(result.removed.map((link) => link.runId)).toEqual(['linked'])
  })
})

describe('run → incident links', () => {
  const incident = makeIncident({ ref: 'INC-42', service: 'harbor-ui', createdAt: '2026-07-10T09:00:00.000Z', resolvedAt: '2026-07-10T15:00:00.000Z' })
  const note = (subject: string, fields: Partial<Annotation>): [string, Annotation] => [subject, { subject, text: '', valueCategory: 'unset', evidence: [], createdAt: '', updatedAt: '', ...fields }]

  it('strong when an evidence link, the branch or the note names the incident', () => {
    const runs = [
      makeRun({ id: 'evidence', repo: 'other', branch: 'main' }),
      makeRun({ id: 'branch', repo: 'other', branch: 'fix/inc-42-retry' }),
      makeRun({ id: 'note', repo: 'other', branch: 'main' }),
      makeRun({ id: 'not-420', repo: 'other', branch: 'fix/INC-420' }),
    ]
    const notes = new Map([note('evidence', { evidence: [{ kind: 'incident', ref: 'INC-42' }] }), note('note', { text: 'Drafted the postmortem for INC-42.' })])
    const { links } = linkOutcomes(runs, outcomeInput({ incidents: [incident], notes }))
    expect(links.map((link) => [link.runId, link.rule, link.strength])).toEqual([
      ['evidence', 'incident-named-in-evidence', 'strong'],
      ['branch', 'incident-named-in-branch', 'strong'],
      ['note', 'incident-named-in-note', 'strong'],
    ])
  })

  it('weak when it ran in the service\u2019s repository while the incident was open', () => {
    const during = makeRun({ id: 'during', repo: 'harbor-ui', branch: 'main', start: '2026-07-10T10:00:00.000Z' })
    const afterwards = makeRun({ id: 'afterwards', repo: 'harbor-ui', branch: 'main', start: '2026-07-10T16:00:00.000Z' })
    const { links } = linkOutcomes([during, afterwards], outcomeInput({ incidents: [incident] }))
    expect(links.map((link) => [link.runId, link.rule, link.strength])).toEqual([['during', 'ran-in-service-repo-during-incident', 'weak']])
  })

  it('finds an incident still open from long before among many resolved since', () => {
    const longOpen = makeIncident({ ref: 'INC-1', createdAt: '2026-07-01T00:00:00.000Z', resolvedAt: null })
    const shortOnes = [2, 3, 4].map((day) => makeIncident({ ref: `INC-${day}0`, createdAt: `2026-07-0${day}T00:00:00.000Z`, resolvedAt: `2026-07-0${day}T06:00:00.000Z` }))
    const openLater = makeIncident({ ref: 'INC-99', createdAt: '2026-07-04T12:00:00.000Z', resolvedAt: '2026-07-06T00:00:00.000Z' })
    const run = makeRun({ id: 'r', repo: 'harbor-ui', branch: 'main', start: '2026-07-05T00:00:00.000Z' })
    const { links } = linkOutcomes([run], outcomeInput({ incidents: [openLater, ...shortOnes, longOpen] }))
    expect(links.map((link) => link.outcomeId)).toEqual(['incident.io:INC-1', 'incident.io:INC-99'])
  })
})
