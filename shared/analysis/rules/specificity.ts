import type { PortfolioRule, RuleCondition } from '../../records/portfolio'
import type { RecipeLookup } from './conditions'
import { isLiteralGlob } from './glob'

/**
 * How specific a rule is, so that "repo acme/web AND sequence logs→edit→test" beats "repo acme/*".
 * Per condition:
 *   text field (tool, repo, branch, model, provider, account, …, tag): 3 if every value is literal,
 *     2 if a value has a wildcard next to literal text, 0 if a value is only wildcards ("*");
 *     a condition is as specific as its least specific value.
 *   step label: 2; sequence: 1 + its number of steps; recipe: 1 + the steps of its shortest recipe;
 *   date range: 1 (a time slice says little about the workflow).
 * A rule combining with "all" scores the sum of its conditions; with "any", its weakest one
 * (it is only as specific as the broadest alternative that can match).
 */
export interface ConditionScore {
  field: RuleCondition['field']
  score: number
  /** Self-contained: "repo exact", "sequence of 3 steps". */
  why: string
}

export interface RuleSpecificity {
  score: number
  conditions: ConditionScore[]
  /** "7 = repo exact (3) + sequence of 3 steps (4)". */
  summary: string
}

function globScore(values: readonly string[]): { score: number; why: string } {
  if (values.length === 0) return { score: 0, why: 'no values' }
  let worst = 3
  for (const value of values) {
    const score = isLiteralGlob(value) ? 3 : /[^*?]/.test(value) ? 2 : 0
    worst = Math.min(worst, score)
  }
  return { score: worst, why: worst === 3 ? 'exact' : worst === 2 ? 'pattern' : 'wildcard only' }
}

export function conditionSpecificity(condition: RuleCondition, recipes: RecipeLookup): ConditionScore {
  const { field, values } = condition
  switch (field) {
    case 'step':
      return { field, score: 2, why: 'step label' }
    case 'sequence':
      return values.length === 0
        ? { field, score: 0, why: 'empty sequence' }
        : { field, score: 1 + values.length, why: `sequence of ${values.length} steps` }
    case 'recipe': {
      const lengths = values.map((id) => recipes.get(id)?.steps.length ?? 0)
      const shortest = lengths.length ? Math.min(...lengths) : 0
      return shortest === 0
        ? { field, score: 0, why: 'unknown recipe' }
        : { field, score: 1 + shortest, why: `recipe of ${shortest} steps` }
    }
    case 'dateRange':
      return { field, score: 1, why: 'date range' }
    default: {
      const { score, why } = globScore(values)
      return { field, score, why: `${field} ${why}` }
    }
  }
}

export function ruleSpecificity(rule: PortfolioRule, recipes: RecipeLookup): RuleSpecificity {
  const conditions = rule.conditions.map((c) => conditionSpecificity(c, recipes))
  const parts = conditions.map((c) => `${c.why} (${c.score})`)
  if (conditions.length === 0) return { score: 0, conditions, summary: '0 (no conditions)' }
  if (rule.combine === 'all') {
    const score = conditions.reduce((sum, c) => sum + c.score, 0)
    return { score, conditions, summary: `${score} = ${parts.join(' + ')}` }
  }
  const score = Math.min(...conditions.map((c) => c.score))
  return { score, conditions, summary: `${score} = weakest of any(${parts.join(', ')})` }
}
