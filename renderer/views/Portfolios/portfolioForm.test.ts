import { expect, test } from 'vitest'
import type { Portfolio } from '../../../shared/records/portfolio'
import { formFromPortfolio, portfolioPatchFromForm } from './portfolioForm'

const NOW = '2026-11-29T10:00:00.000Z'
const portfolio: Portfolio = {
  id: 'pf-1', name: 'Refactor + tests', description: '', outcomeTags: ['rework'], owningTeam: '', status: 'pilot',
  envelope: { amount: '9000', currency: 'USD', period: 'quarter', rollover: false }, expectedHighCostUSD: null,
  rules: [], createdAt: NOW, updatedAt: NOW,
}

test('saving the form writes only the fields this person changed', () => {
  const opened = formFromPortfolio(portfolio)
  // Meanwhile a teammate set the owning team; this person only edited the description.
  const current = { ...portfolio, owningTeam: 'Platform team' }
  const patch = portfolioPatchFromForm(opened, { ...opened, description: 'Search, read, edit, test' }, current, NOW)
  expect(patch).toEqual({ description: 'Search, read, edit, test', updatedAt: NOW })
  expect(portfolioPatchFromForm(opened, opened, current, NOW)).toEqual({})
  expect(portfolioPatchFromForm(opened, { ...opened, envelopeAmount: '12,000' }, current, NOW)).toEqual({
    envelope: { amount: '12000', currency: 'USD', period: 'quarter', rollover: false },
    updatedAt: NOW,
  })
})
