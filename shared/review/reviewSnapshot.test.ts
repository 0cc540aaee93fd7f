import { describe, expect, it } from 'vitest'
import { analyze } from '../analysis/analyze'
import { makeInput, makePortfolio, makeRun, rule } from '../../test/support/analysisFixtures'
import type { Annotation } from '../records/annotation'
import { Review } from '../records/review'
import type { Run } from '../records/run'
import { DEFAULT_SETTINGS } from '../workspace/defaultSettings'
import { reviewMarkdown } from './reviewMarkdown'
import { startReview } from './reviewReducer'
import { reviewReportWithCandidates } from './reviewReportData'
import { reviewFigures, takeSnapshot } from './reviewSnapshot'

const workflow = (id: string, day: number, costUSD: string): Run =>
  makeRun({ id, repo: 'acme/web', branch: 'feat/x', costUSD, steps: ['read', 'plan', 'edit', 'test'], start: `2026-08-${String(day).padStart(2, '0')}T09:00:00.000Z` })
const note = (text: string): Annotation => ({
  subject: 'big',
  text,
  valueCategory: 'shipped-fix',
  evidence: [{ kind: 'pr', ref: 'acme/web#7' }],
  createdAt: '2026-09-01T00:00:00.000Z',
  updatedAt: '2026-09-01T00:00:00.000Z',
})

/** The workspace as analysed: its runs, the note on the high-cost run, and the high-cost threshold. */
function analysed(runs: Run[], noteText: string, thresholdUSD = '50') {
  return analyze(
    makeInput({
      asOf: '2026-10-05',
      settings: { ...DEFAULT_SETTINGS, highCostThresholdUSD: thresholdUSD },
      portfolios: [makePortfolio({ id: 'pf-web', name: 'Web', rules: [rule('w', 'runs', [{ field: 'repo', values: ['acme/web'] }])] })],
      runs: [makeRun({ id: 'big', repo: 'acme/web', branch: 'fix/outage', costUSD: '120', steps: ['logs', 'edit'], start: '2026-07-06T09:00:00.000Z' }), ...runs],
      annotatedRunIds: new Set(['big']),
      outcomes: { pullRequests: [], incidents: [], metrics: [], linkEdits: [], repoAliases: [], notes: new Map([['big', note(noteText)]]) },
    }),
  )
}

const AT = '2026-10-05T12:00:00.000Z'
const atClose = analysed([workflow('w1', 3, '2'), workflow('w2', 4, '3'), workflow('w3', 5, '4')], 'Fixed the outage')

describe('what a closed review keeps of its notes and candidates', () => {
  const review: Review = { ...startReview({ id: 'rv', period: '2026-Q3', facilitator: 'p-1', at: AT }), status: 'closed', closedAt: AT }
  const shown = reviewReportWithCandidates(atClose, review)
  const closed: Review = {
    ...review,
    recipeDecisions: [{ candidateKey: shown.candidates![0].key, steps: shown.candidates![0].steps, action: 'reject', recipeId: null, reason: 'too generic' }],
    snapshot: takeSnapshot(shown, AT),
  }

  it('keeps the high-cost notes as they read and the candidates as mined, without run lists or people', () => {
    expect(shown.highCostNotes).toEqual([
      { runId: 'big', costUSD: '120', portfolioId: 'pf-web', start: '2026-07-06T09:00:00.000Z', repo: 'acme/web', branch: 'fix/outage', valueCategory: 'shipped-fix', evidence: [{ kind: 'pr', ref: 'acme/web#7' }], text: 'Fixed the outage' },
    ])
    expect(shown.candidates).toEqual([
      expect.objectContaining({ steps: ['read', 'plan', 'edit', 'test'], support: 3, costUSD: { median: '3', p90: '4', total: '9' }, portfolios: [{ portfolioId: 'pf-web', runs: 3 }] }),
    ])
    expect(Object.keys(closed.snapshot!.candidates![0])).not.toContain('runs')
    const reloaded = Review.parse(closed).snapshot!
    expect([reloaded.highCostNotes, reloaded.candidates]).toEqual([closed.snapshot!.highCostNotes, closed.snapshot!.candidates])
  })

  it("keeps each scorecard's outcome figures when the review is read back", () => {
    const outcomes = closed.snapshot!.scorecards[0].outcomes
    expect(outcomes?.pullRequests).toBeDefined()
    expect(Review.parse(closed).snapshot!.scorecards[0].outcomes).toEqual(outcomes)
    const damaged = { ...closed, snapshot: { ...closed.snapshot!, scorecards: [{ ...closed.snapshot!.scorecards[0], outcomes: 'not figures' }] } }
    expect(Review.safeParse(damaged).success).toBe(false)
  })

  it('shows the same figures after the note is edited, new runs change mining and prices change', () => {
    const before = reviewMarkdown(closed, reviewFigures(closed, () => reviewReportWithCandidates(atClose, closed)))
    expect(before).toContain('| big | 2026-07-06 | acme/web | fix/outage | $120.00 | Web | shipped-fix | pr acme/web#7 | Fixed the outage |')
    expect(before).toContain('| read → plan → edit → test | 3 (75%) | $3.00 | $4.00 | $9.00 | 0 | Web (3) | reject |')

    // Later: the note is rewritten, three more runs follow the workflow, runs re-priced and the threshold lowered.
    const repriced = (run: Run) => ({ ...run, costUSD: String(Number(run.costUSD) * 10) })
    const later = analysed([1, 2, 3, 4, 5, 6].map((day) => repriced(workflow(`w${day}`, day, '2'))), 'Rewritten afterwards', '10')
    const live = reviewReportWithCandidates(later, closed)
    expect(live.highCostNotes![0].text).toBe('Rewritten afterwards')
    expect(live.candidates![0]).toMatchObject({ support: 6, costUSD: { total: '120' } })

    expect(reviewMarkdown(closed, reviewFigures(closed, () => live))).toBe(before)
  })

  it('is a copy: changing what was shown afterwards does not reach the snapshot', () => {
    const data = reviewReportWithCandidates(atClose, review)
    const snapshot = takeSnapshot(data, AT)
    data.highCostNotes![0].text = 'changed'
    data.candidates![0].steps.push('deploy')
    expect(snapshot.highCostNotes![0].text).toBe('Fixed the outage')
    expect(snapshot.candidates![0].steps).toEqual(['read', 'plan', 'edit', 'test'])
  })

  it('loads a review closed before notes and candidates were kept, and shows what it has', () => {
    const { highCostNotes: _notes, candidates: _candidates, ...older } = closed.snapshot!
    const old = Review.parse({ ...closed, snapshot: older })
    const figures = reviewFigures(old, () => reviewReportWithCandidates(atClose, old))
    expect(figures.highCostNotes).toBeUndefined()
    expect(figures.candidates).toBeUndefined()
    const markdown = reviewMarkdown(old, figures)
    expect(markdown).toContain('## High-cost runs with an outcome note\n\n_Not provided._')
    expect(markdown).toContain('## Recipe candidates\n\n_Not provided._')
    expect(markdown).toContain(older.coverage[0].value)
  })
})
