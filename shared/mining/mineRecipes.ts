import { ChanceSupport } from './chanceSupport'
import { closedPatterns } from './closedPatterns'
import { portfolioCounts, type PortfolioCount } from './portfolioCounts'
import { mineFrequentPatterns, type FrequentPattern } from './prefixSpan'
import { RunCosts, type CostSummary } from './runCosts'
import { buildSequenceDatabase, stepWeights, type SequenceDatabase } from './sequenceDatabase'
import { groupVariants } from './variantGroups'

/** What mining needs of a run; a Run record fits. */
export interface MinableRun {
  id: string
  steps: readonly string[]
  /** Exact decimal string. */
  costUSD: string
}

export interface MiningOptions {
  /** A pattern must occur in at least this many runs… (default 3) */
  minSupportRuns?: number
  /** …and in at least this share of the runs in scope (default 0.05). */
  minSupportShare?: number
  /** Other steps allowed between two consecutive pattern steps (default 1). */
  maxGap?: number
  /** Shortest pattern worth showing (default 2: a recipe has several steps). */
  minLength?: number
  /** Longest pattern searched (default 8): recipes are a handful of steps, and each step more multiplies the search. */
  maxLength?: number
  /** Most steps the search visits, as a multiple of all steps in scope (default 100; typical mining needs under 10); see PatternSearch.workBudget. */
  workBudget?: number
  /** Least ratio of support to chance support for a pattern to be a recipe (default 2). */
  minLift?: number
  /** Least Jaccard overlap of run sets for two near-identical patterns to count as one workflow (default 0.5). */
  variantOverlap?: number
  /** Whether a run carries an outcome note (Governance annotations.isAnnotated). */
  isAnnotated?: (runId: string) => boolean
  /** The portfolio a run is assigned to, null when unassigned (computed by the analysis layer). */
  portfolioOf?: (runId: string) => string | null
}

export const DEFAULT_MAX_GAP = 1
const DEFAULTS = { minSupportRuns: 3, minSupportShare: 0.05, maxGap: DEFAULT_MAX_GAP, minLength: 2, maxLength: 8, workBudget: 100, minLift: 2, variantOverlap: 0.5 }

export interface PatternSummary {
  key: string
  steps: string[]
  support: number
}

export interface RecipeCandidate extends PatternSummary {
  /** Ids of the runs that follow the steps (within maxGap), sorted. */
  runs: string[]
  supportShare: number
  /** Cost per run (median, p90) and in total over these runs. */
  costUSD: CostSummary
  /** Share of the cost of all runs in scope. */
  costShare: number
  /** supportShare × costShare: what the list is ranked by. */
  score: number
  /** How many times more runs follow it than chance alone would give (see chanceSupport.ts). */
  lift: number
  /** Runs among these that carry an outcome note. */
  annotatedRuns: number
  /** Portfolios these runs are assigned to (null: unassigned), most runs first. */
  portfolios: PortfolioCount[]
  /** Near-identical forms of the same workflow, most runs first. */
  variants: PatternSummary[]
}

export interface MiningResult {
  totalRuns: number
  /** The effective least number of runs. */
  minSupport: number
  maxGap: number
  /** The search hit its work budget and stopped early: raise the support or narrow the scope. */
  truncated: boolean
  /** Best first. */
  candidates: RecipeCandidate[]
  /** Frequent patterns that are not recipes on their own, e.g. "edit, test": shown for context, never ranked. */
  commonPatterns: CommonPattern[]
}

export interface CommonPattern extends PatternSummary {
  /** 'chance': the steps are so common that it recurs by chance; 'part-of-workflow': it sits inside a longer workflow without being a form of it. */
  reason: 'chance' | 'part-of-workflow'
}

/** A stable key for a step pattern, used as the candidate id and in review decisions. */
export function candidateKey(steps: readonly string[]): string {
  return steps.map(encodeURIComponent).join('>')
}

/**
 * Finds recurring multi-step workflows in the runs' step sequences: frequent gap-constrained
 * sequential patterns (closed, then grouped into near-identical variants), ranked by
 * support × share of cost. Deterministic: the same runs in any order give the same result.
 */
export function mineRecipes(runs: readonly MinableRun[], options: MiningOptions = {}): MiningResult {
  const settings = { ...DEFAULTS, ...definedOnly(options) }
  const ordered = inOrder(runs, compareRuns)
  const minSupport = Math.max(1, settings.minSupportRuns, Math.ceil(settings.minSupportShare * ordered.length))
  const db = buildSequenceDatabase(ordered.map((run) => run.steps))
  const search = mineFrequentPatterns(db, { minSupport, maxGap: settings.maxGap, minLength: settings.minLength, maxLength: settings.maxLength, workBudget: settings.workBudget })
  const costs = new RunCosts(ordered.map((run) => run.costUSD))

  const chance = new ChanceSupport(db, settings.maxGap)
  const closed = closedPatterns(search.patterns)
  const lifts = new Map(closed.map((pattern) => [pattern, chance.lift(pattern.codes, pattern.runs.length)]))
  const byChance = closed.filter((pattern) => lifts.get(pattern)! < settings.minLift)
  const grouping = groupVariants(closed.filter((pattern) => lifts.get(pattern)! >= settings.minLift), settings.variantOverlap, stepWeights(db))

  const summary = (pattern: FrequentPattern): PatternSummary => {
    const steps = labelsOf(db, pattern)
    return { key: candidateKey(steps), steps, support: pattern.runs.length }
  }
  const bySupport = (a: PatternSummary, b: PatternSummary) => b.support - a.support || compareSteps(a.steps, b.steps)
  const candidates = grouping.groups.map(({ shown, variants }): RecipeCandidate => {
    const runIds = Array.from(shown.runs, (run) => ordered[run].id)
    const supportShare = shown.runs.length / ordered.length
    const costShare = costs.share(shown.runs)
    return {
      ...summary(shown),
      runs: runIds,
      supportShare,
      costUSD: costs.summarize(shown.runs),
      costShare,
      score: supportShare * costShare,
      lift: lifts.get(shown)!,
      annotatedRuns: options.isAnnotated ? runIds.filter(options.isAnnotated).length : 0,
      portfolios: options.portfolioOf ? portfolioCounts(runIds, options.portfolioOf) : [],
      variants: variants.map(summary).sort(bySupport),
    }
  })
  candidates.sort((a, b) => b.score - a.score || b.steps.length - a.steps.length || compareSteps(a.steps, b.steps))
  return {
    totalRuns: ordered.length,
    minSupport,
    maxGap: settings.maxGap,
    truncated: search.truncated,
    candidates,
    commonPatterns: [
      ...byChance.map((pattern) => ({ ...summary(pattern), reason: 'chance' as const })),
      ...grouping.fragments.map((pattern) => ({ ...summary(pattern), reason: 'part-of-workflow' as const })),
    ].sort(bySupport),
  }
}

function labelsOf(db: SequenceDatabase, pattern: FrequentPattern): string[] {
  return pattern.codes.map((code) => db.labels[code])
}

/** The runs sorted, without the sort when they already are (the usual case: the ledger keeps its order). */
function inOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  for (let i = 1; i < items.length; i++) if (compare(items[i - 1], items[i]) > 0) return [...items].sort(compare)
  return items
}

/** By id, then by content, so the mined order never depends on the input order. */
function compareRuns(a: MinableRun, b: MinableRun): number {
  return compareText(a.id, b.id) || compareSteps(a.steps, b.steps) || compareText(a.costUSD, b.costUSD)
}

function compareSteps(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareText(a[i], b[i])
    if (order !== 0) return order
  }
  return a.length - b.length
}

/** Code-unit order: unlike localeCompare, the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>
}
