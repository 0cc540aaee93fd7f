import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Review } from '../records/review'
import { hostileText, renderMarkdown, unsafeParts } from '../../test/support/markdownSafetyCheck'
import { reviewMarkdown } from './reviewMarkdown'
import { startReview } from './reviewReducer'

describe('reviewMarkdown with hostile names, notes and reasons', () => {
  it('renders no tag and no link but http(s), whatever people typed', () => {
    const typed = fc.record({
      period: hostileText,
      portfolioName: hostileText,
      recipeName: hostileText,
      step: hostileText,
      reason: hostileText,
      note: hostileText,
      notes: hostileText,
      label: hostileText,
      runId: hostileText,
    })
    fc.assert(
      fc.property(typed, (text) => {
        const review: Review = {
          ...startReview({ id: 'rv', period: text.period, facilitator: 'ana', at: '2026-10-05T09:00:00.000Z' }),
          recipeDecisions: [{ candidateKey: 'k', steps: [text.step, 'edit'], action: 'promote', recipeId: 'rc-1', reason: text.reason }],
          decisions: [{ portfolioId: 'pf-1', decision: 'grow', nextEnvelope: null, note: text.note }],
          votes: { ana: [{ subject: 'pf-1', stage: 'decisions' }, { subject: 'rc-1', stage: 'recipes' }] },
          notes: text.notes,
        }
        const markdown = reviewMarkdown(review, {
          coverage: [{ label: text.label, value: text.label }],
          scorecards: [{ portfolioId: 'pf-1', name: text.portfolioName, spent: { USD: '1.00' }, envelope: {}, runs: 1, highCostRuns: 0, highCostAnnotated: 0 }],
          highCostQueue: [{ runId: text.runId, costUSD: '50.00', portfolioId: 'pf-1', steps: [text.step], start: '2026-08-01T10:00:00.000Z', tool: text.step, repo: text.label, branch: text.reason }],
          names: { 'pf-1': text.portfolioName, 'rc-1': text.recipeName },
        })
        expect(unsafeParts(renderMarkdown(markdown))).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('shows a note with a script and a javascript: link as text', () => {
    const review: Review = {
      ...startReview({ id: 'rv', period: '2026-Q3', facilitator: 'ana', at: '2026-10-05T09:00:00.000Z' }),
      notes: 'Ask <script>alert(1)</script> and [here](javascript:alert(1))',
    }
    const html = renderMarkdown(reviewMarkdown(review))
    expect(html).toContain('<p>Ask &lt;script&gt;alert(1)&lt;/script&gt; and [here](javascript:alert(1))</p>')
  })
})
