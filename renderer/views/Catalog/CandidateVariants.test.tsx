import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import type { RecipeVariant } from '../../../shared/mining'
import { CandidateVariants } from './CandidateVariants'

const variant = (fields: Partial<RecipeVariant>): RecipeVariant => ({
  key: 'k',
  kind: 'steps',
  added: [],
  skipped: [],
  models: [],
  runs: ['r1', 'r2', 'r3'],
  support: 3,
  costUSD: { median: '6.5', p90: '9', total: '19.5' },
  medianCostDifferenceUSD: '4.25',
  ...fields,
})

test('lists each variant with how it deviates, its runs, and its cost per run against the recipe', () => {
  render(
    <CandidateVariants
      variants={[
        variant({ key: 'a', kind: 'model', models: [{ step: 'edit', model: 'claude-opus-4-1' }] }),
        variant({ key: 'b', added: ['subagent'], skipped: ['doc'], support: 2, runs: ['r4', 'r5'], medianCostDifferenceUSD: '-0.5', costUSD: { median: '1.75', p90: '2', total: '3.5' } }),
      ]}
    />,
  )
  const items = screen.getAllByRole('listitem').map((item) => item.textContent)
  expect(items).toEqual([
    'edit on claude-opus-4-1: 3 runs, median $6.50 per run (+$4.25 against the recipe)',
    '+subagent, -doc: 2 runs, median $1.75 per run (-$0.50 against the recipe)',
  ])
  expect(screen.getByText('2 variants')).toBeTruthy()
})

test('shows nothing for a recipe all of whose runs follow it as it is', () => {
  const { container } = render(<CandidateVariants variants={[]} />)
  expect(container.textContent).toBe('')
})
