import { expect, test } from 'vitest'
import { describeRule, draftFromRule, parseSequence, ruleFromDraft, validateDraft, type DraftRule } from './ruleDraft'

test('a step sequence reads the way people write it', () => {
  expect(parseSequence('logs, then edit, then test, then doc')).toEqual(['logs', 'edit', 'test', 'doc'])
  expect(parseSequence('logs → edit -> test > doc')).toEqual(['logs', 'edit', 'test', 'doc'])
  expect(parseSequence('logs then edit')).toEqual(['logs', 'edit'])
})

test('a draft becomes a rule and back without loss', () => {
  const draft: DraftRule = {
    id: 'triage',
    target: 'runs',
    combine: 'any',
    conditions: [
      { field: 'sequence', text: 'logs, then edit, then test', key: '', from: '', to: '' },
      { field: 'repo', text: 'acme/web, acme/*', key: '', from: '', to: '' },
      { field: 'dateRange', text: '', key: '', from: '2026-07-01', to: '' },
    ],
  }
  const rule = ruleFromDraft(draft)
  expect(rule.conditions).toEqual([
    { field: 'sequence', values: ['logs', 'edit', 'test'] },
    { field: 'repo', values: ['acme/web', 'acme/*'] },
    { field: 'dateRange', values: ['2026-07-01..'] },
  ])
  expect(ruleFromDraft(draftFromRule(rule))).toEqual(rule)
  expect(describeRule(rule)).toBe('Runs where steps logs → edit → test in order or repository is acme/web or acme/* or dated from 2026-07-01')
})

test('validation names the rule, the empty values and reversed dates', () => {
  const errors = validateDraft(
    {
      id: ' ',
      target: 'charges',
      combine: 'all',
      conditions: [
        { field: 'tag', text: '', key: 'team', from: '', to: '' },
        { field: 'dateRange', text: '', key: '', from: '2026-09-01', to: '2026-08-01' },
      ],
    },
    [],
  )
  expect(errors.id).toContain('Name the rule')
  expect(errors.byCondition).toEqual({ 0: 'Give at least one value.', 1: 'The start comes after the end.' })
})
