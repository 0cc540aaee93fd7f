import { decimalText, parseDecimal, subtractDecimal } from '../money/decimal'
import { alignSteps } from './alignment'
import type { RunCosts, CostSummary } from './runCosts'
import type { RunSignatures } from './runSignatures'

/** A step of the recipe run on another model than the cluster usually uses for it. */
export interface StepModel {
  step: string
  model: string
}

/** Runs of a recipe that deviate from it the same way. */
export interface RecipeVariant {
  key: string
  /** 'steps': extra or skipped steps; 'model': another model on a step; both at once. */
  kind: 'steps' | 'model' | 'steps-and-model'
  /** Steps it has beyond the recipe, sorted (steps most runs have, like read, never count). */
  added: string[]
  /** Recipe steps it skips. */
  skipped: string[]
  models: StepModel[]
  runs: string[]
  support: number
  costUSD: CostSummary
  /** Its median cost per run minus the median of the runs that follow the recipe as it is (exact decimal string). */
  medianCostDifferenceUSD: string
}

export interface ClusterRun {
  index: number
  id: string
  /** The model of each step, when the source says. */
  stepModels?: readonly (string | null)[]
  steps: readonly string[]
}

export interface VariantSplit {
  /** Runs that follow the recipe as it is: no added, skipped or other-model step. */
  exact: number[]
  variants: RecipeVariant[]
}

/** A variant needs this many runs to be listed: one run deviating is noise, not a form of the workflow. */
const LEAST_VARIANT_RUNS = 2

/**
 * Sorts a cluster's runs into the recipe's exact form and its variants. A run's deviation is
 * read off its alignment to the recipe (see alignment.ts): the recipe steps it has nowhere,
 * the informative steps it adds, and the recipe steps it ran on another model than most runs
 * of the cluster did for that step.
 */
export function recipeVariants(recipe: readonly number[], runs: readonly ClusterRun[], data: RunSignatures, costs: RunCosts): VariantSplit {
  const recipeLabels = recipe.map((code) => data.labels[code])
  const inRecipe = new Set(recipeLabels)
  // A step most runs have (an extra read or search) is noise wherever it turns up, not a variant.
  const noise = new Set(data.labels.filter((_, code) => data.ubiquitous[code] || data.weights[code] <= Math.LN2))
  const expected = new Set([...noise, ...inRecipe])
  const deviations = runs.map((run) => {
    const at = alignSteps(run.steps, recipeLabels)
    // A recipe step seen again (another turn of a loop) is not an added step; an unmatched step is one outside the recipe.
    const added = addedSteps(run.steps, expected)
    const skipped = recipeLabels.filter((_, k) => at[k] === null)
    const models = at.map((i) => (i === null ? null : (run.stepModels?.[i] ?? null)))
    return { run, added, skipped, models }
  })
  const usual = recipe.map((_, k) => mostCommon(deviations.map((d) => d.models[k])))
  const groups = new Map<string, { added: string[]; skipped: string[]; models: StepModel[]; runs: ClusterRun[] }>()
  const exact: number[] = []
  for (const { run, added, skipped, models } of deviations) {
    const otherModels = models.some((model, k) => model !== null && usual[k] !== null && model !== usual[k])
      ? models.flatMap((model, k) => (model !== null && usual[k] !== null && model !== usual[k] ? [{ step: recipeLabels[k], model }] : []))
      : []
    if (added.length + skipped.length + otherModels.length === 0) {
      exact.push(run.index)
      continue
    }
    const key = [...added.map((s) => `+${s}`), ...skipped.map((s) => `-${s}`), ...otherModels.map((m) => `${m.step}@${m.model}`)].join(' ')
    const group = groups.get(key)
    if (group) group.runs.push(run)
    else groups.set(key, { added, skipped, models: otherModels, runs: [run] })
  }
  // Without a run of the exact form, the difference is to the cluster as a whole.
  const exactMedian = parseDecimal(costs.summarize(exact.length > 0 ? exact : runs.map((run) => run.index)).median)
  const variants = [...groups]
    .filter(([, group]) => group.runs.length >= LEAST_VARIANT_RUNS)
    .map(([key, group]): RecipeVariant => {
      const costUSD = costs.summarize(group.runs.map((run) => run.index))
      const steps = group.added.length + group.skipped.length > 0
      return {
        key,
        kind: steps && group.models.length > 0 ? 'steps-and-model' : steps ? 'steps' : 'model',
        added: group.added,
        skipped: group.skipped,
        models: group.models,
        runs: group.runs.map((run) => run.id),
        support: group.runs.length,
        costUSD,
        medianCostDifferenceUSD: decimalText(subtractDecimal(parseDecimal(costUSD.median), exactMedian)),
      }
    })
    .sort((a, b) => b.support - a.support || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return { exact, variants }
}

/** The distinct steps that are not `expected`, sorted; most runs have none, and then nothing is allocated but the empty list. */
function addedSteps(steps: readonly string[], expected: ReadonlySet<string>): string[] {
  let added: Set<string> | null = null
  for (const step of steps) if (!expected.has(step)) (added ??= new Set()).add(step)
  return added ? [...added].sort() : []
}

/** The most common non-null value (ties: the smallest), or null. */
function mostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>()
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1)
  let best: string | null = null
  for (const [value, count] of counts) if (best === null || count > counts.get(best)! || (count === counts.get(best)! && value < best)) best = value
  return best
}

/** How a variant deviates, in words: "+subagent, -doc, test on claude-opus-4-1". */
export function describeVariant(variant: Pick<RecipeVariant, 'added' | 'skipped' | 'models'>): string {
  return [...variant.added.map((step) => `+${step}`), ...variant.skipped.map((step) => `-${step}`), ...variant.models.map((m) => `${m.step} on ${m.model}`)].join(', ')
}
