import { mergeCandidateIntoRecipe, promoteCandidate, type MinedCandidate } from '../catalog/recipeCatalog'
import type { Recipe } from '../records/recipe'
import type { Review } from '../records/review'
import type { Governance } from '../workspace/governance'
import { LOCAL_EDIT } from '../workspace/origins'
import { changePortfolio, createPortfolio } from '../workspace/portfolioHistory'
import { planDecisions } from './decisionPlan'
import type { ReviewReportData } from './reviewMarkdown'
import { takeSnapshot } from './reviewSnapshot'
import type { ReviewAction, ReviewResult } from './reviewActions'
import { reviewReducer, startReview, type StartReviewInput } from './reviewReducer'

/** Starts a review in the shared document. */
export function createReview(governance: Governance, input: StartReviewInput): Review {
  const review = startReview(input)
  governance.reviews.put(review)
  return review
}

/** Applies one action to a review in the shared document, in one transaction; nothing is written on error. */
export function applyReviewAction(governance: Governance, reviewId: string, action: ReviewAction, actor: string): ReviewResult {
  let result: ReviewResult = notFound(reviewId)
  governance.doc.transact(() => {
    const review = governance.reviews.get(reviewId)
    if (!review) return
    result = reviewReducer(review, action, actor)
    if (result.ok) governance.reviews.put(result.review)
  }, LOCAL_EDIT)
  return result
}

/**
 * Closes a review (facilitator only, from the summary) and, in the same transaction (one undo
 * step), turns its portfolio decisions into next period's plan: every change is dated from the
 * next period and links back to the review and decision. The review keeps a snapshot of what it
 * showed (`shown`), so its page and exports never change afterwards. Nothing is written when the plan has
 * problems (a merge without a target, a split without parts).
 */
export function closeReview(governance: Governance, reviewId: string, actor: string, at: string, shown: ReviewReportData): ReviewResult {
  let result: ReviewResult = notFound(reviewId)
  governance.doc.transact(() => {
    const review = governance.reviews.get(reviewId)
    if (!review) return
    const closed = reviewReducer(review, { type: 'close', at }, actor)
    if (!closed.ok) {
      result = closed
      return
    }
    const plan = planDecisions(review, governance.portfolios.list().records, governance.settings.read().settings.fiscalYearStartMonth, at)
    if (!plan.ok) {
      result = { ok: false, error: { code: 'invalid', message: plan.problems.join(' ') } }
      return
    }
    const changeIds: string[] = []
    for (const change of plan.changes) {
      const context = { by: actor, at, effectiveFrom: plan.effectiveFrom, source: { reviewId, decision: change.decision, decidedFor: review.period } }
      const made = change.create ? createPortfolio(governance, change.create, context) : changePortfolio(governance, change.portfolioId, change.patch, context)
      if (made) changeIds.push(made.id)
    }
    const final: Review = { ...closed.review, snapshot: takeSnapshot(notesAsTheyRead(shown, governance), at), applied: { effectiveFrom: plan.effectiveFrom, changeIds } }
    governance.reviews.put(final)
    result = { ok: true, review: final }
  }, LOCAL_EDIT)
  return result
}

/**
 * `shown` with its outcome notes as they read in the document now: the analysis it came from
 * may lag someone still typing a note (the text is its own shared type).
 */
function notesAsTheyRead(shown: ReviewReportData, governance: Governance): ReviewReportData {
  if (!shown.highCostNotes) return shown
  const highCostNotes = shown.highCostNotes.map((note) => {
    const current = governance.annotations.get(note.runId)
    return current ? { ...note, text: current.text, valueCategory: current.valueCategory, evidence: current.evidence } : note
  })
  return { ...shown, highCostNotes }
}

/** A stage-4 decision on a mined candidate, with what the catalog needs for it. */
export type RecipeChoice =
  | { action: 'promote'; candidate: MinedCandidate; recipeId: string; name: string; description: string; maxGap: number; reason?: string }
  | { action: 'merge'; candidate: MinedCandidate; recipeId: string; adoptSteps: boolean; reason: string }
  | { action: 'reject'; candidate: MinedCandidate; reason: string }

export type RecipeChoiceResult = { ok: true; review: Review; recipe: Recipe | null } | Extract<ReviewResult, { ok: false }>

/**
 * Records a recipe decision in the review and changes the catalog to match (promote creates
 * the recipe, merge adds a version, reject only records the reason), in one transaction:
 * both change or neither does.
 */
export function decideRecipe(governance: Governance, reviewId: string, choice: RecipeChoice, actor: string, at: string): RecipeChoiceResult {
  let result: RecipeChoiceResult = notFound(reviewId)
  governance.doc.transact(() => {
    const review = governance.reviews.get(reviewId)
    if (!review) return
    const recipeId = choice.action === 'reject' ? null : choice.recipeId
    const decided = reviewReducer(
      review,
      { type: 'decideRecipe', decision: { candidateKey: choice.candidate.key, steps: [...choice.candidate.steps], action: choice.action, recipeId, reason: choice.reason ?? '' } },
      actor,
    )
    if (!decided.ok) {
      result = decided
      return
    }
    const catalog = catalogChange(governance, reviewId, choice, at)
    if (catalog && !catalog.ok) {
      result = { ok: false, error: { code: 'invalid', message: catalog.error.message } }
      return
    }
    if (catalog) governance.recipes.put(catalog.recipe)
    governance.reviews.put(decided.review)
    result = { ok: true, review: decided.review, recipe: catalog ? catalog.recipe : null }
  }, LOCAL_EDIT)
  return result
}

function catalogChange(governance: Governance, reviewId: string, choice: RecipeChoice, at: string) {
  switch (choice.action) {
    case 'reject':
      return null
    case 'promote':
      if (governance.recipes.has(choice.recipeId)) return { ok: false as const, error: { message: `a recipe ${choice.recipeId} already exists` } }
      return promoteCandidate(choice.candidate, { id: choice.recipeId, name: choice.name, description: choice.description, reviewId, at, maxGap: choice.maxGap })
    case 'merge': {
      const target = governance.recipes.get(choice.recipeId)
      if (!target) return { ok: false as const, error: { message: `no recipe ${choice.recipeId} to merge into` } }
      return mergeCandidateIntoRecipe(target, choice.candidate, { adoptSteps: choice.adoptSteps, reviewId, at, note: choice.reason })
    }
  }
}

function notFound(reviewId: string): { ok: false; error: { code: 'not-found'; message: string } } {
  return { ok: false, error: { code: 'not-found', message: `no review ${reviewId}` } }
}
