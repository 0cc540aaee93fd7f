import { fieldAppliesTo, parseDateRange } from '../../../shared/analysis/rules/conditions'
import type { PortfolioRule, RuleCondition } from '../../../shared/records/portfolio'

export type RuleField = RuleCondition['field']
export type RuleTarget = PortfolioRule['target']

/** A condition as the editor holds it: the values as typed, parsed only when building the rule. */
export interface DraftCondition {
  field: RuleField
  text: string
  /** Tag key (tag conditions only). */
  key: string
  /** Date range ends, "YYYY-MM-DD" or empty (date range conditions only). */
  from: string
  to: string
}

export interface DraftRule {
  id: string
  target: RuleTarget
  combine: PortfolioRule['combine']
  conditions: DraftCondition[]
}

export const FIELD_LABELS: Record<RuleField, string> = {
  tool: 'Tool',
  repo: 'Repository',
  branch: 'Branch',
  model: 'Model',
  step: 'Step label',
  sequence: 'Step sequence',
  recipe: 'Catalog recipe',
  dateRange: 'Date range',
  provider: 'Provider',
  account: 'Account',
  workspace: 'Workspace',
  project: 'Project',
  apiKey: 'API key name',
  costCenter: 'Cost center',
  tag: 'Tag',
}

export const FIELD_HINTS: Partial<Record<RuleField, string>> = {
  tool: 'claude-code, codex, …',
  repo: 'acme/web, acme/* (globs: * and ?)',
  branch: 'fix/*, release/?.x',
  model: 'claude-sonnet-*, gpt-5*',
  step: 'any of: deploy, migrate',
  sequence: 'logs, then edit, then test, then doc',
  provider: 'anthropic, openai',
  account: 'globs, comma-separated',
  workspace: 'globs, comma-separated',
  project: 'incident-*',
  apiKey: 'ci-*',
  costCenter: 'CC-42',
  tag: 'values for the tag key',
}

const ORDER: RuleField[] = ['tool', 'repo', 'branch', 'model', 'provider', 'step', 'sequence', 'recipe', 'account', 'workspace', 'project', 'apiKey', 'costCenter', 'tag', 'dateRange']

export function fieldsFor(target: RuleTarget): RuleField[] {
  return ORDER.filter((field) => fieldAppliesTo(field, target))
}

export function emptyCondition(field: RuleField): DraftCondition {
  return { field, text: '', key: '', from: '', to: '' }
}

export function newDraft(target: RuleTarget, id: string): DraftRule {
  return { id, target, combine: 'all', conditions: [emptyCondition(target === 'runs' ? 'repo' : 'project')] }
}

/** "logs, then edit, then test, then doc", "logs → edit → test" or "logs > edit" → ordered steps. */
export function parseSequence(text: string): string[] {
  return text
    .split(/,|→|->|>|\bthen\b/i)
    .map((part) => part.trim())
    .filter(Boolean)
}

export function parseList(text: string): string[] {
  return [...new Set(text.split(',').map((part) => part.trim()).filter(Boolean))]
}

export function conditionFromDraft(draft: DraftCondition): RuleCondition {
  switch (draft.field) {
    case 'sequence':
      return { field: 'sequence', values: parseSequence(draft.text) }
    case 'recipe':
      return { field: 'recipe', values: draft.text ? [draft.text] : [] }
    case 'dateRange':
      return { field: 'dateRange', values: draft.from || draft.to ? [`${draft.from}..${draft.to}`] : [] }
    case 'tag':
      return { field: 'tag', values: parseList(draft.text), ...(draft.key.trim() ? { key: draft.key.trim() } : {}) }
    default:
      return { field: draft.field, values: parseList(draft.text) }
  }
}

/** The rule as it would be saved; conditions without values are left out (they could never match). */
export function ruleFromDraft(draft: DraftRule): PortfolioRule {
  return {
    id: draft.id.trim(),
    target: draft.target,
    combine: draft.combine,
    conditions: draft.conditions.map(conditionFromDraft).filter((c) => c.values.length > 0),
  }
}

export function draftFromRule(rule: PortfolioRule): DraftRule {
  return {
    id: rule.id,
    target: rule.target,
    combine: rule.combine,
    conditions: rule.conditions.map((c) => {
      const base = emptyCondition(c.field)
      if (c.field === 'sequence') return { ...base, text: c.values.join(', then ') }
      if (c.field === 'recipe') return { ...base, text: c.values[0] ?? '' }
      if (c.field === 'dateRange') {
        const [from = '', to = ''] = (c.values[0] ?? '..').split('..')
        return { ...base, from, to }
      }
      return { ...base, text: c.values.join(', '), key: c.key ?? '' }
    }),
  }
}

export interface DraftErrors {
  id?: string
  conditions?: string
  /** Per condition index. */
  byCondition: Record<number, string>
}

export function validateDraft(draft: DraftRule, otherRuleIds: readonly string[]): DraftErrors {
  const errors: DraftErrors = { byCondition: {} }
  const id = draft.id.trim()
  if (!id) errors.id = 'Name the rule, like “triage-sequence”: explanations refer to it.'
  else if (otherRuleIds.includes(id)) errors.id = `This portfolio already has a rule named “${id}”.`
  if (draft.conditions.length === 0) errors.conditions = 'Add at least one condition: a rule without conditions matches nothing.'
  draft.conditions.forEach((condition, index) => {
    const built = conditionFromDraft(condition)
    if (condition.field === 'dateRange') {
      if (!condition.from && !condition.to) errors.byCondition[index] = 'Give a start date, an end date, or both.'
      else if (!parseDateRange(built.values[0])) errors.byCondition[index] = 'Use dates like 2026-07-01.'
      else if (condition.from && condition.to && condition.from > condition.to) errors.byCondition[index] = 'The start comes after the end.'
    } else if (built.values.length === 0) {
      errors.byCondition[index] = condition.field === 'recipe' ? 'Pick a recipe.' : 'Give at least one value.'
    } else if (condition.field === 'sequence' && built.values.length < 2) {
      errors.byCondition[index] = 'A sequence has at least two steps, like “logs, then edit”. For one step use “Step label”.'
    }
  })
  return errors
}

export function hasErrors(errors: DraftErrors): boolean {
  return !!errors.id || !!errors.conditions || Object.keys(errors.byCondition).length > 0
}

/** "repo is acme/web and sequence logs → edit → test": a rule in words, for lists and explanations. */
export function describeRule(rule: PortfolioRule): string {
  if (rule.conditions.length === 0) return 'no conditions (matches nothing)'
  const parts = rule.conditions.map((c) => {
    const label = FIELD_LABELS[c.field].toLowerCase()
    if (c.field === 'sequence') return `steps ${c.values.join(' → ')} in order`
    if (c.field === 'dateRange') return `dated ${c.values.map(describeRange).join(' or ')}`
    if (c.field === 'tag') return `tag ${c.key ? `${c.key} ` : ''}is ${c.values.join(' or ')}`
    return `${label} is ${c.values.join(' or ')}`
  })
  return `${rule.target === 'runs' ? 'Runs' : 'Charges'} where ${parts.join(rule.combine === 'all' ? ' and ' : ' or ')}`
}

function describeRange(value: string): string {
  const [from, to] = value.split('..')
  if (from && to) return `${from} to ${to}`
  if (from) return `from ${from}`
  if (to) return `until ${to}`
  return 'any time'
}

export function nextRuleId(target: RuleTarget, existing: readonly string[]): string {
  for (let n = 1; ; n++) {
    const id = `${target}-${n}`
    if (!existing.includes(id)) return id
  }
}
