import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Incident, OutcomeMetric, PullRequest } from '../../records/outcome'
import { decodeBatchPayload } from '../../batches/batchPayload'
import { Ledger } from '../../workspace/ledger'
import { readLedgerOutcomes } from '../../workspace/outcomeLedger'
import { importOutcomeText } from './importOutcomeFile'

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'outcomes')
const AT = '2026-03-01T00:00:00.000Z'

function importFixture(file: string) {
  return importOutcomeText({ name: file, text: readFileSync(join(FIXTURES, file), 'utf8') }, AT)
}

function stored<T>(result: ReturnType<typeof importOutcomeText>): T[] {
  return result.batch ? (decodeBatchPayload(result.batch.payload) as T[]) : []
}

describe('importOutcomeText: pull and merge requests', () => {
  it('reads `gh pr list --json` output: states, branches, bots apart, no author kept', () => {
    const result = importFixture('gh-pr-list-billing-service.json')
    expect(result).toMatchObject({ status: 'ok', format: 'github-gh-pr-list', kind: 'pullRequests', records: 4 })
    const pulls = stored<PullRequest>(result)
    const fix = pulls.find((pull) => pull.number === 41)!
    expect(fix).toMatchObject({ id: 'github.com/acme/billing-service#41', repo: 'billing-service', repoPath: 'acme/billing-service', state: 'merged', headBranch: 'fix/rounding', baseBranch: 'main', createdAt: '2026-02-12T10:15:00.000Z', mergedAt: '2026-02-13T16:00:00.000Z', additions: 42, byBot: false, labels: ['bug'] })
    expect(pulls.find((pull) => pull.number === 42)).toMatchObject({ state: 'open', byBot: true, closedAt: null })
    expect(pulls.find((pull) => pull.number === 30)).toMatchObject({ state: 'closed', mergedAt: null })
    expect(JSON.stringify(pulls)).not.toMatch(/octo-dev|dependabot"|Octo Dev/)
  })

  it('reads the REST pulls list: merged_at tells a merge from a close, [bot] users are bots', () => {
    const pulls = stored<PullRequest>(importFixture('github-rest-pulls-shop.json'))
    expect(pulls.map((pull) => [pull.number, pull.state, pull.headBranch, pull.byBot])).toEqual([
      [7, 'merged', 'feature/cart', false],
      [8, 'open', 'renovate/lock-file-maintenance', true],
    ])
    expect(JSON.stringify(pulls)).not.toContain('shop-dev')
  })

  it('reads GitLab merge requests: iid, group path, project bot accounts', () => {
    const result = importFixture('gitlab-merge-requests-sensor-etl.json')
    expect(result.format).toBe('gitlab-merge-requests')
    const pulls = stored<PullRequest>(result)
    expect(pulls[0]).toMatchObject({ id: 'gitlab.com/platform/data/sensor-etl#12', repo: 'sensor-etl', repoPath: 'platform/data/sensor-etl', state: 'merged', headBranch: 'fix/upload-retry', byBot: false })
    expect(pulls[1]).toMatchObject({ number: 13, state: 'closed', byBot: true })
  })

  it('reads `gh api --paginate` pages written one after another, and --slurp lists of pages', () => {
    const page = (n: number) => JSON.stringify([{ number: n, html_url: `https://github.com/a/b/pull/${n}`, state: 'open', head: { ref: `b${n}` }, base: { ref: 'main' }, created_at: '2026-01-01T00:00:00Z', merged_at: null, closed_at: null, user: { login: 'x' } }])
    expect(importOutcomeText({ name: 'p.json', text: `${page(1)}\n${page(2)}` }, AT).records).toBe(2)
    expect(importOutcomeText({ name: 'p.json', text: `[${page(1)},${page(2)}]` }, AT).records).toBe(2)
  })

  it('rejects the whole file, naming the line the bad record starts on and the reason', () => {
    const text = readFileSync(join(FIXTURES, 'gh-pr-list-billing-service.json'), 'utf8').replace('"createdAt": "2026-02-14T06:02:11Z"', '"createdAt": "yesterday"')
    const result = importOutcomeText({ name: 'prs.json', text }, AT)
    expect(result.status).toBe('rejected')
    expect(result.batch).toBeNull()
    expect(result.errors).toEqual([{ line: 29, message: '"createdAt" is not a date and time: "yesterday"' }])
  })

  it('reports broken JSON at its line, and a single object as not a list', () => {
    expect(importOutcomeText({ name: 'x.json', text: '[\n  {"number": 1,\n  "url": }\n]' }, AT).errors[0]).toMatchObject({ line: 2 })
    expect(importOutcomeText({ name: 'x.json', text: '[\n {"a":1}\n {"a":2}]' }, AT).errors[0]).toEqual({ line: 3, message: 'a record follows another without a comma' })
  })

  it('gives the same batch for the same export in another order, and keeps a PR listed twice once', () => {
    const text = readFileSync(join(FIXTURES, 'gh-pr-list-billing-service.json'), 'utf8')
    const items = JSON.parse(text) as unknown[]
    const reversed = importOutcomeText({ name: 'other-name.json', text: JSON.stringify([...items].reverse()) }, AT)
    expect(reversed.batch!.meta.id).toBe(importFixture('gh-pr-list-billing-service.json').batch!.meta.id)
    const twice = importOutcomeText({ name: 'twice.json', text: JSON.stringify([...items, items[0]]) }, AT)
    expect(twice.records).toBe(4)
    expect(twice.warnings[0].message).toContain('appears again')
  })
})

describe('importOutcomeText: incidents and metrics', () => {
  it('reads the PagerDuty incidents CSV: times from seconds_to_* columns, no responder names', () => {
    const result = importFixture('pagerduty-incidents.csv')
    expect(result).toMatchObject({ status: 'ok', format: 'pagerduty-incidents', kind: 'incidents', records: 3 })
    const incidents = stored<Incident>(result)
    expect(incidents[0]).toMatchObject({ id: 'pagerduty:1207', names: ['PD-1207', 'Q2KZ7XK0D4HQ1P'], service: 'billing-service', severity: 'high', createdAt: '2026-02-12T08:40:00.000Z', acknowledgedAt: '2026-02-12T08:43:00.000Z', resolvedAt: '2026-02-12T13:40:00.000Z' })
    expect(incidents[2]).toMatchObject({ status: 'triggered', resolvedAt: null })
    expect(JSON.stringify(incidents)).not.toContain('Octo Dev')
  })

  it('reads the incident.io CSV: reference as the name people use, first affected service', () => {
    const incidents = stored<Incident>(importFixture('incident-io-incidents.csv'))
    expect(incidents[0]).toMatchObject({ id: 'incident.io:INC-42', names: ['INC-42', '01HQ3ZK8W6RYVJ5T1Y6N2B4D8F'], service: 'billing-service', severity: 'Major', acknowledgedAt: '2026-02-11T09:20:00.000Z', resolvedAt: '2026-02-11T12:45:00.000Z' })
    expect(incidents[1].service).toBe('sensor_etl')
    expect(JSON.stringify(incidents)).not.toMatch(/Octo Dev|Another Dev|Pager Bot/)
  })

  it('reads the metrics CSV, and rejects a row without a number at its line', () => {
    const metrics = stored<OutcomeMetric>(importFixture('outcome-metrics.csv'))
    expect(metrics.map((metric) => [metric.date, metric.metric, metric.value, metric.portfolio, metric.repo])).toContainEqual(['2026-03-31', 'lead time hours', '-1.5', 'Refactor + tests', null])
    const bad = importOutcomeText({ name: 'm.csv', text: 'date,metric,value,repo\n2026-01-01,deploys,4,api\n2026-01-02,deploys,many,api\n' }, AT)
    expect(bad.errors).toEqual([{ line: 3, message: '"value" is "many", not a number like 4 or -1.5' }])
  })

  it('rejects a CSV it does not know, naming its columns', () => {
    const result = importOutcomeText({ name: 'x.csv', text: 'a,b\n1,2\n' }, AT)
    expect(result).toMatchObject({ status: 'rejected', errors: [{ line: 1 }] })
    expect(result.errors[0].message).toContain('columns: a, b')
  })
})

describe('outcome batches in the ledger', () => {
  it('stores each as one batch, a second import of the same file is a duplicate, a later export of a PR supersedes', () => {
    const ledger = new Ledger(new Y.Doc())
    const first = importFixture('gh-pr-list-billing-service.json').batch!
    expect(ledger.add(first)).toBe('added')
    expect(ledger.add(first)).toBe('duplicate')
    const text = readFileSync(join(FIXTURES, 'gh-pr-list-billing-service.json'), 'utf8').replace('"mergedAt": null,\n    "number": 43,\n    "state": "OPEN"', '"mergedAt": "2026-02-25T10:00:00Z",\n    "number": 43,\n    "state": "MERGED"')
    const later = importOutcomeText({ name: 'later.json', text }, '2026-03-02T00:00:00.000Z').batch!
    expect(ledger.add(later)).toBe('added')
    const { pullRequests, problems } = readLedgerOutcomes(ledger)
    expect(problems).toEqual([])
    expect(pullRequests).toHaveLength(4)
    expect(pullRequests.find((pull) => pull.number === 43)?.state).toBe('merged')
  })
})
