import type { Recipe } from '../records/recipe'

/** The parts of a mined candidate the catalog keeps (a RecipeCandidate fits). */
export interface MinedCandidate {
  key: string
  steps: readonly string[]
  runs: readonly string[]
}

export type CatalogError = { code: 'deprecated' | 'already-deprecated' | 'invalid'; message: string }
export type CatalogResult = { ok: true; recipe: Recipe } | { ok: false; error: CatalogError }

/** Provenance keeps this many run ids (and the full count): the governance document stays small. */
export const PROVENANCE_RUN_SAMPLE = 200

export interface PromoteInput {
  id: string
  name: string
  description: string
  /** The review the team promoted it in; null when promoted outside a review. */
  reviewId: string | null
  at: string
  /** The maxGap it was mined with, so runs are matched to it the way they were mined. */
  maxGap: number
}

/** A promoted recipe, version 1, from a mined candidate. */
export function promoteCandidate(candidate: MinedCandidate, input: PromoteInput): CatalogResult {
  if (input.name.trim() === '') return invalid('a recipe needs a name')
  if (candidate.steps.length === 0) return invalid('a recipe needs steps')
  const steps = [...candidate.steps]
  return {
    ok: true,
    recipe: {
      id: input.id,
      name: input.name.trim(),
      description: input.description,
      steps,
      status: 'promoted',
      version: 1,
      history: [{ version: 1, steps, name: input.name.trim(), at: input.at, note: `promoted from mined pattern ${candidate.key}` }],
      maxGap: input.maxGap,
      provenance: { ...sampleRuns(candidate.runs), reviewId: input.reviewId, promotedAt: input.at },
      mergedFrom: [],
    },
  }
}

export interface MergeInput {
  /** Take the candidate's steps as the recipe's new steps, or keep the recipe's own. */
  adoptSteps: boolean
  reviewId: string | null
  at: string
  note: string
}

/**
 * Folds a mined candidate into an existing recipe: a new version in the history, the
 * candidate's runs added to the provenance, its key recorded in mergedFrom.
 */
export function mergeCandidateIntoRecipe(recipe: Recipe, candidate: MinedCandidate, input: MergeInput): CatalogResult {
  if (recipe.status === 'deprecated') return { ok: false, error: { code: 'deprecated', message: `recipe "${recipe.name}" is deprecated` } }
  const steps = input.adoptSteps ? [...candidate.steps] : recipe.steps
  const sampled = new Set(recipe.provenance.minedFromRuns)
  const newRuns = candidate.runs.filter((id) => !sampled.has(id))
  const countBefore = recipe.provenance.minedFromRunCount ?? sampled.size
  const version = recipe.version + 1
  return {
    ok: true,
    recipe: {
      ...recipe,
      steps,
      version,
      history: [...recipe.history, { version, steps, name: recipe.name, at: input.at, note: input.note || `merged mined pattern ${candidate.key}` }],
      provenance: {
        ...recipe.provenance,
        minedFromRuns: sampleRuns([...sampled, ...newRuns]).minedFromRuns,
        // Exact while the earlier sample held every run; an upper bound once it was capped.
        minedFromRunCount: countBefore + newRuns.length,
        reviewId: input.reviewId ?? recipe.provenance.reviewId,
      },
      mergedFrom: recipe.mergedFrom.includes(candidate.key) ? recipe.mergedFrom : [...recipe.mergedFrom, candidate.key],
    },
  }
}

/** A person's edit of the name, description or steps: a new version when the name or steps change. */
export function reviseRecipe(recipe: Recipe, change: { name?: string; description?: string; steps?: readonly string[] }, input: { at: string; note: string }): CatalogResult {
  const name = change.name?.trim() ?? recipe.name
  const steps = change.steps ? [...change.steps] : recipe.steps
  if (name === '') return invalid('a recipe needs a name')
  if (steps.length === 0) return invalid('a recipe needs steps')
  const description = change.description ?? recipe.description
  if (name === recipe.name && steps.join('\u0000') === recipe.steps.join('\u0000')) return { ok: true, recipe: { ...recipe, description } }
  const version = recipe.version + 1
  return {
    ok: true,
    recipe: { ...recipe, name, description, steps, version, history: [...recipe.history, { version, steps, name, at: input.at, note: input.note || 'edited' }] },
  }
}

/** Retires a recipe: it stays readable and matchable (old portfolio rules), but no longer counts as a shared workflow. */
export function deprecateRecipe(recipe: Recipe, input: { at: string; note: string }): CatalogResult {
  if (recipe.status === 'deprecated') return { ok: false, error: { code: 'already-deprecated', message: `recipe "${recipe.name}" is already deprecated` } }
  const version = recipe.version + 1
  return {
    ok: true,
    recipe: {
      ...recipe,
      status: 'deprecated',
      version,
      history: [...recipe.history, { version, steps: recipe.steps, name: recipe.name, at: input.at, note: input.note || 'deprecated' }],
    },
  }
}

function sampleRuns(runs: readonly string[]): { minedFromRuns: string[]; minedFromRunCount: number } {
  return { minedFromRuns: [...runs].sort().slice(0, PROVENANCE_RUN_SAMPLE), minedFromRunCount: runs.length }
}

function invalid(message: string): CatalogResult {
  return { ok: false, error: { code: 'invalid', message } }
}
