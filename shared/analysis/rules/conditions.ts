import type { PortfolioRule, RuleCondition } from '../../records/portfolio'
import type { Recipe } from '../../records/recipe'
import type { Run } from '../../records/run'
import { runFollowsRecipe } from '../../catalog/followsRecipe'
import { followsSequence } from '../../steps/sequence'
import { dayOf } from '../dates'
import type { ChargeLine } from '../input'
import { matchesGlob } from './glob'

type Field = RuleCondition['field']
type Target = PortfolioRule['target']

/** The field of a charge each charge condition reads. */
const CHARGE_FIELD: Partial<Record<Field, keyof ChargeLine>> = {
  provider: 'provider',
  model: 'model',
  account: 'account',
  workspace: 'workspace',
  project: 'project',
  apiKey: 'apiKey',
  costCenter: 'costCenter',
  tag: 'tags',
  dateRange: 'start',
}

/** Which condition fields each rule target can read; provider, model and dates exist on both. */
const FIELDS_BY_TARGET: Record<Target, ReadonlySet<Field>> = {
  runs: new Set<Field>(['tool', 'repo', 'branch', 'model', 'step', 'sequence', 'recipe', 'dateRange', 'provider']),
  charges: new Set(Object.keys(CHARGE_FIELD) as Field[]),
}

export function fieldAppliesTo(field: Field, target: Target): boolean {
  return FIELDS_BY_TARGET[target].has(field)
}

export type RecipeLookup = ReadonlyMap<string, Recipe>

/** "2026-07-01..2026-09-30", inclusive; either end may be left open ("2026-07-01.."). */
export function parseDateRange(value: string): { from: number; to: number } | null {
  const parts = value.split('..')
  if (parts.length !== 2) return null
  const [from, to] = parts.map((p) => p.trim())
  const valid = (d: string) => d === '' || /^\d{4}-\d{2}-\d{2}$/.test(d)
  if (!valid(from) || !valid(to)) return null
  return { from: from ? dayOf(from) : -Infinity, to: to ? dayOf(to) : Infinity }
}

function inAnyDateRange(instant: string, values: readonly string[]): boolean {
  const day = dayOf(instant)
  return values.some((value) => {
    const range = parseDateRange(value)
    return !!range && day >= range.from && day <= range.to
  })
}

function anyGlob(value: string | null | undefined, globs: readonly string[]): boolean {
  return value != null && globs.some((glob) => matchesGlob(value, glob))
}

/** Values are alternatives (any of them), except for a sequence, whose values are its ordered steps. */
export function runMatchesCondition(run: Run, condition: RuleCondition, recipes: RecipeLookup): boolean {
  const { values } = condition
  switch (condition.field) {
    case 'tool': return anyGlob(run.tool, values)
    case 'repo': return anyGlob(run.repo, values)
    case 'branch': return anyGlob(run.branch, values)
    case 'provider': return anyGlob(run.provider, values)
    case 'model': return run.models.some((model) => anyGlob(model, values))
    case 'step': return run.steps.some((step) => anyGlob(step, values))
    case 'sequence': return values.length > 0 && followsSequence(run.steps, values)
    case 'recipe': return values.some((id) => {
      const recipe = recipes.get(id)
      return !!recipe && runFollowsRecipe(run, recipe)
    })
    case 'dateRange': return inAnyDateRange(run.start, values)
    default: return false
  }
}

export function chargeMatchesCondition(charge: ChargeLine, condition: RuleCondition): boolean {
  const { values } = condition
  switch (condition.field) {
    case 'provider': return anyGlob(charge.provider, values)
    case 'model': return anyGlob(charge.model, values)
    case 'account': return anyGlob(charge.account, values)
    case 'workspace': return anyGlob(charge.workspace, values)
    case 'project': return anyGlob(charge.project, values)
    case 'apiKey': return anyGlob(charge.apiKey, values)
    case 'costCenter': return anyGlob(charge.costCenter, values)
    case 'tag': return condition.key !== undefined
      ? anyGlob(charge.tags[condition.key], values)
      : Object.values(charge.tags).some((tag) => anyGlob(tag, values))
    case 'dateRange': return inAnyDateRange(charge.start, values)
    default: return false
  }
}

/**
 * A rule as a predicate, checked once for which conditions its target can read: under "all" one
 * unreadable condition means no match, under "any" it is just never the one that matches.
 * A rule without conditions matches nothing: an empty rule must never become a silent catch-all.
 */
function compile<T>(rule: PortfolioRule, target: Target, test: (record: T, condition: RuleCondition) => boolean): (record: T) => boolean {
  if (rule.target !== target || rule.conditions.length === 0) return () => false
  const readable = rule.conditions.filter((c) => fieldAppliesTo(c.field, target))
  if (rule.combine === 'all') {
    if (readable.length < rule.conditions.length) return () => false
    return (record) => readable.every((c) => test(record, c))
  }
  return (record) => readable.some((c) => test(record, c))
}

export function compileRunRule(rule: PortfolioRule, recipes: RecipeLookup): (run: Run) => boolean {
  return compile<Run>(rule, 'runs', (run, condition) => runMatchesCondition(run, condition, recipes))
}

export function compileChargeRule(rule: PortfolioRule): (charge: ChargeLine) => boolean {
  return compile<ChargeLine>(rule, 'charges', chargeMatchesCondition)
}

/**
 * The charge fields that the charge rules among `rules` read. Rules come as stored (a
 * portfolio's, or a definition change's before and after): anything that is not a charge
 * rule with a list of conditions reads nothing.
 */
export function chargeFieldsRead(rules: Iterable<unknown>): Set<keyof ChargeLine> {
  const fields = new Set<keyof ChargeLine>()
  for (const rule of rules) {
    const { target, conditions } = (rule ?? {}) as { target?: unknown; conditions?: unknown }
    if (target !== 'charges' || !Array.isArray(conditions)) continue
    for (const condition of conditions) {
      const field = CHARGE_FIELD[(condition as { field?: Field } | null)?.field as Field]
      if (field) fields.add(field)
    }
  }
  return fields
}
