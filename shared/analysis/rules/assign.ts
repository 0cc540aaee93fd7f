import type { Portfolio, PortfolioRule } from '../../records/portfolio'
import { chargeKey, chargeRows, type ChargeLine, type RuleInput } from '../input'
import { compileChargeRule, compileRunRule, type RecipeLookup } from './conditions'
import { ruleSpecificity } from './specificity'

export interface RankedRule {
  portfolioId: string
  portfolioName: string
  rule: PortfolioRule
  specificity: number
  specificityWhy: string
  /** Position in the global order (0 = tried first); the order is shown to people as is. */
  rank: number
}

/** Why a record went where it went: the winning rule, and every other rule that also matched. */
export interface Assignment {
  portfolioId: string | null
  winner: RankedRule | null
  alsoMatched: RankedRule[]
  /** Rules of more than one portfolio matched: counted once (for the winner), flagged for review. */
  overlap: boolean
  decidedBy: 'no match' | 'only match' | 'specificity' | 'condition count' | 'tie-break'
  reason: string
}

export interface AssignmentResult {
  rules: RankedRule[]
  runs: Map<string, Assignment>
  /** Keyed by chargeKey(charge); made on first use (a million charges make a million keys). */
  readonly charges: Map<string, Assignment>
  /** The assignment of each input charge, in the input's order. */
  chargeAssignments: readonly Assignment[]
  /** The charges each key stands for, when a line stands for more than one (see ChargeLine); made with `charges`. */
  readonly chargeRowsByKey: ReadonlyMap<string, number>
}

export function recipeLookup(input: Pick<RuleInput<ChargeLine>, 'recipes'>): RecipeLookup {
  return new Map(input.recipes.map((recipe) => [recipe.id, recipe]))
}

/**
 * Every rule of every portfolio in the order they are tried: higher specificity first, then
 * more conditions, then portfolio id and rule id, so ties are broken the same way everywhere.
 */
export function rankRules(portfolios: readonly Portfolio[], recipes: RecipeLookup): RankedRule[] {
  const ranked = portfolios.flatMap((portfolio) =>
    portfolio.rules.map((rule) => {
      const specificity = ruleSpecificity(rule, recipes)
      return { portfolioId: portfolio.id, portfolioName: portfolio.name, rule, specificity: specificity.score, specificityWhy: specificity.summary, rank: 0 }
    }),
  )
  ranked.sort(
    (a, b) =>
      b.specificity - a.specificity ||
      b.rule.conditions.length - a.rule.conditions.length ||
      a.portfolioId.localeCompare(b.portfolioId) ||
      a.rule.id.localeCompare(b.rule.id),
  )
  ranked.forEach((entry, index) => (entry.rank = index))
  return ranked
}

function describe(entry: RankedRule): string {
  return `rule "${entry.rule.id}" of "${entry.portfolioName}" (specificity ${entry.specificityWhy})`
}

/** Builds the assignment of one record from the rules that matched it, in rank order. */
export function explainMatches(matches: RankedRule[]): Assignment {
  if (matches.length === 0) {
    return { portfolioId: null, winner: null, alsoMatched: [], overlap: false, decidedBy: 'no match', reason: 'No rule matches: counted as Unassigned.' }
  }
  const [winner, ...alsoMatched] = matches
  const overlap = alsoMatched.some((m) => m.portfolioId !== winner.portfolioId)
  if (alsoMatched.length === 0) {
    return { portfolioId: winner.portfolioId, winner, alsoMatched, overlap, decidedBy: 'only match', reason: `Only ${describe(winner)} matches.` }
  }
  const runnerUp = alsoMatched[0]
  const decidedBy: Assignment['decidedBy'] =
    winner.specificity !== runnerUp.specificity ? 'specificity'
      : winner.rule.conditions.length !== runnerUp.rule.conditions.length ? 'condition count'
        : 'tie-break'
  const why =
    decidedBy === 'specificity' ? 'it is more specific'
      : decidedBy === 'condition count' ? 'equally specific, but it has more conditions'
        : 'equally specific with as many conditions; the portfolio id, then the rule id, breaks the tie'
  const others = alsoMatched.map(describe).join('; ')
  return {
    portfolioId: winner.portfolioId,
    winner,
    alsoMatched,
    overlap,
    decidedBy,
    reason: `${describe(winner)} wins because ${why}. Also matched: ${others}.${overlap ? ' Rules of several portfolios match: this is an overlap, counted once.' : ''}`,
  }
}

const NO_RULES: RankedRule[] = []

/** The rules a record matches; the list is made only when one does (most charges match none). */
function matching<T>(rules: readonly { entry: RankedRule; matches: (record: T) => boolean }[], record: T): RankedRule[] {
  let matched = NO_RULES
  for (const { entry, matches } of rules) {
    if (!matches(record)) continue
    if (matched === NO_RULES) matched = []
    matched.push(entry)
  }
  return matched
}

/** Assigns every run and charge to at most one portfolio. A pure function of the records and portfolios. */
export function assignRecords(input: RuleInput<ChargeLine>): AssignmentResult {
  const recipes = recipeLookup(input)
  const rules = rankRules(input.portfolios, recipes)
  const runRules = rules.filter((entry) => entry.rule.target === 'runs').map((entry) => ({ entry, matches: compileRunRule(entry.rule, recipes) }))
  const chargeRules = rules.filter((entry) => entry.rule.target === 'charges').map((entry) => ({ entry, matches: compileChargeRule(entry.rule) }))
  const explain = sharedExplanations()
  const runs = new Map<string, Assignment>()
  for (const run of input.runs) runs.set(run.id, explain(matching(runRules, run)))
  const chargeAssignments = input.charges.map((charge) => explain(matching(chargeRules, charge)))
  let keyed: { charges: Map<string, Assignment>; rows: Map<string, number> } | null = null
  const byKey = () => {
    if (!keyed) {
      keyed = { charges: new Map(), rows: new Map() }
      for (let i = 0; i < input.charges.length; i++) {
        const key = chargeKey(input.charges[i])
        keyed.charges.set(key, chargeAssignments[i])
        if (input.charges[i].rows !== undefined) keyed.rows.set(key, chargeRows(input.charges[i]))
      }
    }
    return keyed
  }
  return {
    rules,
    runs,
    chargeAssignments,
    get charges() {
      return byKey().charges
    },
    get chargeRowsByKey() {
      return byKey().rows
    },
  }
}

/**
 * explainMatches, once per set of matching rules: a million charges mostly match the same few
 * sets (often none), and one read-only Assignment each left the collector a million objects.
 */
function sharedExplanations(): (matches: RankedRule[]) => Assignment {
  const bySet = new Map<string, Assignment>()
  return (matches) => {
    const key = matches.length === 0 ? '' : matches.length === 1 ? String(matches[0].rank) : matches.map((m) => m.rank).join(',')
    let assignment = bySet.get(key)
    if (!assignment) bySet.set(key, (assignment = explainMatches(matches)))
    return assignment
  }
}

export interface PortfolioOverlap {
  portfolioId: string
  otherPortfolioId: string
  runs: number
  charges: number
  /** How many of those records this portfolio (not the other one) won. */
  won: number
}

/** Overlaps seen from each portfolio's side: with which other portfolio, on how many records. */
export function overlapsByPortfolio(result: AssignmentResult): Map<string, PortfolioOverlap[]> {
  const pairs = new Map<string, PortfolioOverlap>()
  const count = (assignment: Assignment, kind: 'runs' | 'charges', records = 1) => {
    if (!assignment.overlap || !assignment.winner) return
    const involved = new Set([assignment.winner.portfolioId, ...assignment.alsoMatched.map((m) => m.portfolioId)])
    for (const a of involved) {
      for (const b of involved) {
        if (a === b) continue
        const key = `${a}\u0000${b}`
        const pair = pairs.get(key) ?? { portfolioId: a, otherPortfolioId: b, runs: 0, charges: 0, won: 0 }
        pair[kind] += records
        if (assignment.portfolioId === a) pair.won += records
        pairs.set(key, pair)
      }
    }
  }
  for (const assignment of result.runs.values()) count(assignment, 'runs')
  // Through the keyed map, which counts a charge listed twice once, but only when there is an overlap to count.
  if (result.chargeAssignments.some((assignment) => assignment.overlap)) for (const [key, assignment] of result.charges) count(assignment, 'charges', result.chargeRowsByKey.get(key))
  const out = new Map<string, PortfolioOverlap[]>()
  for (const pair of [...pairs.values()].sort((x, y) => x.otherPortfolioId.localeCompare(y.otherPortfolioId))) {
    out.set(pair.portfolioId, [...(out.get(pair.portfolioId) ?? []), pair])
  }
  return out
}
