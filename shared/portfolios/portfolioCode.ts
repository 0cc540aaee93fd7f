import { z } from 'zod'
import { fieldAppliesTo, parseDateRange } from '../analysis/rules/conditions'
import { compareDecimal, parseDecimal, ZERO } from '../money/decimal'
import { CurrencyCode, DecimalString } from '../records/common'
import { EnvelopePeriod, PortfolioStatus, RuleCondition, type Portfolio } from '../records/portfolio'

/**
 * Portfolios as code: definitions and rules as a JSON file a team can keep in a repository,
 * review in pull requests and import again. Only the definition travels (no timestamps, no
 * fields of newer versions), with a fixed key order so that exports diff cleanly.
 */
export const PORTFOLIO_CODE_FORMAT = 'workfolio-portfolios'
export const PORTFOLIO_CODE_VERSION = 1

const ConditionCode = z.strictObject({
  field: RuleCondition.shape.field,
  values: z.array(z.string()),
  key: z.string().optional(),
})

const RuleCode = z.strictObject({
  id: z.string().min(1),
  target: z.enum(['runs', 'charges']),
  combine: z.enum(['all', 'any']),
  conditions: z.array(ConditionCode).min(1, 'a rule needs at least one condition'),
})

const DefinitionCode = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
  outcomeTags: z.array(z.string()),
  owningTeam: z.string(),
  status: PortfolioStatus,
  envelope: z.strictObject({ amount: DecimalString, currency: CurrencyCode, period: EnvelopePeriod, rollover: z.boolean() }),
  expectedHighCostUSD: DecimalString.nullable(),
  rules: z.array(RuleCode),
})
export type PortfolioDefinition = z.infer<typeof DefinitionCode>

const PortfolioCodeFile = z
  .strictObject({
    format: z.literal(PORTFOLIO_CODE_FORMAT),
    version: z.literal(PORTFOLIO_CODE_VERSION),
    portfolios: z.array(DefinitionCode),
  })
  .superRefine((file, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
    const ids = new Set<string>()
    file.portfolios.forEach((portfolio, p) => {
      if (ids.has(portfolio.id)) issue(['portfolios', p, 'id'], `duplicate portfolio id "${portfolio.id}"`)
      ids.add(portfolio.id)
      if (compareDecimal(parseDecimal(portfolio.envelope.amount), ZERO) < 0) issue(['portfolios', p, 'envelope', 'amount'], 'the envelope cannot be negative')
      const ruleIds = new Set<string>()
      portfolio.rules.forEach((rule, r) => {
        if (ruleIds.has(rule.id)) issue(['portfolios', p, 'rules', r, 'id'], `duplicate rule id "${rule.id}" in this portfolio`)
        ruleIds.add(rule.id)
        rule.conditions.forEach((condition, c) => {
          const at = ['portfolios', p, 'rules', r, 'conditions', c]
          if (!fieldAppliesTo(condition.field, rule.target)) issue([...at, 'field'], `"${condition.field}" is not a field of ${rule.target}`)
          if (condition.values.length === 0) issue([...at, 'values'], 'give at least one value')
          if (condition.key !== undefined && condition.field !== 'tag') issue([...at, 'key'], 'only a tag condition has a key')
          if (condition.field === 'dateRange') {
            condition.values.forEach((value, v) => {
              if (!parseDateRange(value)) issue([...at, 'values', v], `"${value}" is not a date range (use 2026-07-01..2026-09-30; either end may be empty)`)
            })
          }
        })
      })
    })
  })

export interface PortfolioCodeError {
  /** "portfolios[1].rules[0].conditions[2].field" */
  path: string
  message: string
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '') || '(file)'
}

/** Parses and validates a portfolios file; every problem is reported with its path, none thrown. */
export function parsePortfolioCode(text: string): { ok: true; portfolios: PortfolioDefinition[] } | { ok: false; errors: PortfolioCodeError[] } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, errors: [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}` }] }
  }
  const result = PortfolioCodeFile.safeParse(json)
  if (!result.success) return { ok: false, errors: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) }
  return { ok: true, portfolios: result.data.portfolios }
}

/** The definition of a portfolio with every key in a fixed order. */
export function portfolioDefinition(portfolio: Portfolio): PortfolioDefinition {
  return {
    id: portfolio.id,
    name: portfolio.name,
    description: portfolio.description,
    outcomeTags: [...portfolio.outcomeTags],
    owningTeam: portfolio.owningTeam,
    status: portfolio.status,
    envelope: {
      amount: portfolio.envelope.amount,
      currency: portfolio.envelope.currency,
      period: portfolio.envelope.period,
      rollover: portfolio.envelope.rollover,
    },
    expectedHighCostUSD: portfolio.expectedHighCostUSD,
    rules: portfolio.rules.map((rule) => ({
      id: rule.id,
      target: rule.target,
      combine: rule.combine,
      conditions: rule.conditions.map((c) => ({ field: c.field, values: [...c.values], ...(c.key !== undefined ? { key: c.key } : {}) })),
    })),
  }
}

/** Portfolios sorted by id, as pretty JSON ending in a newline. */
export function exportPortfolioCode(portfolios: readonly Portfolio[]): string {
  const sorted = [...portfolios].sort((a, b) => a.id.localeCompare(b.id))
  return JSON.stringify({ format: PORTFOLIO_CODE_FORMAT, version: PORTFOLIO_CODE_VERSION, portfolios: sorted.map(portfolioDefinition) }, null, 2) + '\n'
}

export interface PortfolioImportPlan {
  /** Records to write: new portfolios and changed ones (keeping createdAt and unknown fields). */
  put: Portfolio[]
  added: string[]
  updated: string[]
  unchanged: string[]
  /** Portfolios in the workspace that the file does not mention: left as they are. */
  untouched: string[]
}

/** What importing definitions would do: add new ids, update changed ones, never delete. */
export function planPortfolioImport(existing: readonly Portfolio[], definitions: readonly PortfolioDefinition[], now: string): PortfolioImportPlan {
  const byId = new Map(existing.map((p) => [p.id, p]))
  const plan: PortfolioImportPlan = { put: [], added: [], updated: [], unchanged: [], untouched: [] }
  for (const definition of definitions) {
    const current = byId.get(definition.id)
    if (!current) {
      plan.put.push({ ...definition, createdAt: now, updatedAt: now })
      plan.added.push(definition.id)
    } else if (JSON.stringify(portfolioDefinition(current)) === JSON.stringify(portfolioDefinition({ ...current, ...definition }))) {
      plan.unchanged.push(definition.id)
    } else {
      plan.put.push({ ...current, ...definition, updatedAt: now })
      plan.updated.push(definition.id)
    }
  }
  const mentioned = new Set(definitions.map((d) => d.id))
  plan.untouched = existing.filter((p) => !mentioned.has(p.id)).map((p) => p.id).sort()
  return plan
}
