import { clusterRuns, type RunCluster } from './clusterRuns'
import { consensusRecipe } from './consensusRecipe'
import { portfolioCounts, type PortfolioCount } from './portfolioCounts'
import { recipeVariants, type RecipeVariant } from './recipeVariants'
import { RunCosts, type CostSummary } from './runCosts'
import { runSignatures, type RunSignatures } from './runSignatures'

/** What mining needs of a run; a Run record fits. */
export interface MinableRun {
  id: string
  steps: readonly string[]
  /** Exact decimal string. */
  costUSD: string
  /** The model of each step, when the source says (null: unknown). */
  stepModels?: readonly (string | null)[]
}

export interface MiningOptions {
  /** A workflow must have at least this many runs… (default 3) */
  minSupportRuns?: number
  /** …and at least this share of the runs in scope (default 0.05). */
  minSupportShare?: number
  /** Least similarity of a run's signature to a workflow's for it to belong there (default 0.6; see README). */
  minSimilarity?: number
  /** Least similarity of a smaller workflow's most common form to a larger one's for it to be a fragment of it, merged in (default 0.55). */
  minMergeSimilarity?: number
  /** A label in at least this share of runs is noise, left out of signatures (default 0.8). */
  ubiquitousShare?: number
  /** Whether a run carries an outcome note (Governance annotations.isAnnotated). */
  isAnnotated?: (runId: string) => boolean
  /** The portfolio a run is assigned to, null when unassigned (computed by the analysis layer). */
  portfolioOf?: (runId: string) => string | null
}

const DEFAULTS = { minSupportRuns: 3, minSupportShare: 0.05, minSimilarity: 0.6, minMergeSimilarity: 0.55, ubiquitousShare: 0.8 }

/**
 * 'workflow': its steps include some that tell it apart; 'generic': only steps nearly every run
 * has (an edit/test loop alone), listed after the workflows.
 */
export type CandidateKind = 'workflow' | 'generic'

export interface RecipeCandidate {
  kind: CandidateKind
  /** A stable key for the steps, used as the candidate id and in review decisions. */
  key: string
  /** The recipe: the steps the workflow's runs share, in order. */
  steps: string[]
  /** Ids of the runs that belong to the workflow, sorted. */
  runs: string[]
  support: number
  supportShare: number
  /** How many of them follow the steps as they are, with no variant. */
  exactRuns: number
  /** Most other steps between two recipe steps in those runs: what a promoted recipe allows. */
  maxGap: number
  /** Cost per run (median, p90) and in total over these runs. */
  costUSD: CostSummary
  /** Share of the cost of all runs in scope. */
  costShare: number
  /** supportShare × costShare: what the list is ranked by. */
  score: number
  /** Runs among these that carry an outcome note. */
  annotatedRuns: number
  /** Portfolios these runs are assigned to (null: unassigned), most runs first. */
  portfolios: PortfolioCount[]
  /** Forms of the workflow that deviate the same way, most runs first. */
  variants: RecipeVariant[]
}

export interface MiningResult {
  totalRuns: number
  /** The effective least number of runs. */
  minSupport: number
  /** Best first: workflows by score, then generic ones. */
  candidates: RecipeCandidate[]
  /** Runs in no candidate (one-offs). */
  unmatchedRuns: number
}

/** A stable key for a step pattern, used as the candidate id and in review decisions. */
export function candidateKey(steps: readonly string[]): string {
  return steps.map(encodeURIComponent).join('>')
}

/**
 * Finds the team's recurring workflows: runs are reduced to signatures (runSignatures.ts),
 * clustered by weighted sequence similarity (clusterRuns.ts), and each cluster becomes one
 * candidate with a consensus recipe and its variants. Deterministic: the same runs in any
 * order give the same result. See README.md for the method and its limits.
 */
export function mineRecipes(runs: readonly MinableRun[], options: MiningOptions = {}): MiningResult {
  const settings = { ...DEFAULTS, ...definedOnly(options) }
  const ordered = inOrder(runs, compareRuns)
  const minSupport = Math.max(1, settings.minSupportRuns, Math.ceil(settings.minSupportShare * ordered.length))
  const data = runSignatures(
    ordered.map((run) => run.steps),
    settings.ubiquitousShare,
  )
  // Only a signature common enough founds a workflow, so one-offs never multiply the clusters compared against.
  const minFounderRuns = Math.max(2, Math.ceil(minSupport / 10))
  const clusters = clusterRuns(data.signatures, data.weights, { minSimilarity: settings.minSimilarity, minFounderRuns, minMergeSimilarity: settings.minMergeSimilarity })
  const costs = new RunCosts(ordered.map((run) => run.costUSD))

  const candidates: RecipeCandidate[] = []
  for (const [recipe, members] of byRecipe(clusters, data)) {
    if (members.length < minSupport) continue
    // Only what variants read: a copy of each whole run record cost more than the variants.
    const clusterRuns = members.map((index) => ({ index, id: ordered[index].id, steps: ordered[index].steps, stepModels: ordered[index].stepModels }))
    const steps = recipe.map((code) => data.labels[code])
    const { exact, variants } = recipeVariants(recipe, clusterRuns, data, costs)
    const runIds = clusterRuns.map((run) => run.id)
    const supportShare = members.length / ordered.length
    const costShare = costs.share(members)
    candidates.push({
      kind: recipe.every((code) => data.ubiquitous[code]) ? 'generic' : 'workflow',
      key: candidateKey(steps),
      steps,
      runs: runIds,
      support: members.length,
      supportShare,
      exactRuns: exact.length,
      maxGap: largestGap(exact.map((index) => ordered[index].steps), steps),
      costUSD: costs.summarize(members),
      costShare,
      score: supportShare * costShare,
      annotatedRuns: options.isAnnotated ? runIds.filter(options.isAnnotated).length : 0,
      portfolios: options.portfolioOf ? portfolioCounts(runIds, options.portfolioOf) : [],
      variants,
    })
  }
  const rank = (kind: CandidateKind) => (kind === 'workflow' ? 0 : 1)
  candidates.sort((a, b) => rank(a.kind) - rank(b.kind) || b.score - a.score || b.support - a.support || compareText(a.key, b.key))
  const matched = candidates.reduce((sum, candidate) => sum + candidate.support, 0)
  return { totalRuns: ordered.length, minSupport, candidates, unmatchedRuns: ordered.length - matched }
}

/** Each cluster's consensus recipe with its runs (ascending); clusters that come to the same recipe are one workflow. */
function byRecipe(clusters: readonly RunCluster[], data: RunSignatures): Map<number[], number[]> {
  const byKey = new Map<string, { recipe: number[]; runs: number[] }>()
  for (const cluster of clusters) {
    const recipe = consensusRecipe(cluster, data)
    const key = recipe.join(',')
    const entry = byKey.get(key) ?? { recipe, runs: [] }
    for (const group of cluster.groups) entry.runs.push(...group.runs)
    byKey.set(key, entry)
  }
  return new Map([...byKey.values()].map(({ recipe, runs }) => [recipe, runs.sort((a, b) => a - b)]))
}

/** The most other steps between two recipe steps, over runs that all contain the recipe in order (earliest match). */
function largestGap(runs: readonly (readonly string[])[], steps: readonly string[]): number {
  let largest = 0
  for (const run of runs) {
    let previous = -1
    let next = 0
    for (let i = 0; i < run.length && next < steps.length; i++) {
      if (run[i] !== steps[next]) continue
      if (previous >= 0) largest = Math.max(largest, i - previous - 1)
      previous = i
      next++
    }
  }
  return largest
}

/** The runs sorted, without the sort when they already are (the usual case: the ledger keeps its order). */
function inOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  for (let i = 1; i < items.length; i++) if (compare(items[i - 1], items[i]) > 0) return [...items].sort(compare)
  return items
}

/** By id, then by content, so the mined order never depends on the input order. */
function compareRuns(a: MinableRun, b: MinableRun): number {
  return compareText(a.id, b.id) || compareText(a.steps.join('\u0000'), b.steps.join('\u0000')) || compareText(a.costUSD, b.costUSD)
}

/** Code-unit order: unlike localeCompare, the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>
}
