import { describe, expect, it } from 'vitest'
import { rule } from '../../test/support/analysisFixtures'
import { widenedRuleExample } from '../../test/support/historyFixture'
import { previewDefinitionChange } from './definitionChangePreview'

describe('previewDefinitionChange', () => {
  // Today (15 November, Q4) "web" holds acme/*; through Q3 it held acme/web only.
  const { input } = widenedRuleExample('2026-Q4')
  const narrower = { rules: [rule('web', 'runs', [{ field: 'repo', values: ['acme/api'] }])] }

  it('a change from the current period rewrites no past period', () => {
    expect(previewDefinitionChange(input, 'web', narrower, '2026-Q4')).toEqual([])
  })

  it('a retroactive change lists each past period it rewrites, with before and after', () => {
    expect(previewDefinitionChange(input, 'web', narrower, null)).toEqual([
      { period: '2026-Q3', before: { runs: 1, spend: { USD: '10' }, envelope: { USD: '150' } }, after: { runs: 1, spend: { USD: '30' }, envelope: { USD: '150' } } },
    ])
  })

  it('a change that leaves past figures alone lists nothing even when retroactive', () => {
    expect(previewDefinitionChange(input, 'web', { description: 'Refactors with tests' }, null)).toEqual([])
    expect(previewDefinitionChange(input, 'web', {}, null)).toEqual([])
  })
})
