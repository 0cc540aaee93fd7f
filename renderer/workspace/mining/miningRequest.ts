import { mineRecipes, type MinableRun, type MiningResult } from '../../../shared/mining'

/**
 * What the view sends the mining worker: plain data only (functions do not cross a worker
 * boundary), packed into typed arrays that are transferred, not copied. Copying 100,000 runs
 * as objects (each with its lists of steps and models) held the window's thread for 300 ms,
 * longer than packing them takes.
 */
export interface MiningRequest {
  minSupportRuns: number
  /** Every step label and model once; steps refer to them by index. */
  labels: string[]
  models: string[]
  /** Per run. */
  ids: string[]
  costs: string[]
  /** Run r's steps are the entries stepStart[r] up to stepStart[r + 1] of stepLabels and stepModels. */
  stepStart: Int32Array
  stepLabels: Int32Array
  /** Index in `models`; NO_MODEL where the step's model is unknown. */
  stepModels: Int32Array
  /** Per run, 1 when it says which model each step used (stepModels present). */
  hasStepModels: Uint8Array
  /** Per run, 1 when it carries an outcome note. */
  annotated: Uint8Array
  /** Per run, its portfolio's index in `portfolios`, or NO_PORTFOLIO. */
  portfolio: Int32Array
  portfolios: string[]
}

const NO_MODEL = -1
const NO_PORTFOLIO = -1

/** The runs to mine and what the candidates count of them (the Catalog's context fits, and a review's scope). */
export interface MiningScope {
  runs: readonly MinableRun[]
  portfolioOf: (runId: string) => string | null
  isAnnotated: (runId: string) => boolean
}

/** The request for mining `scope.runs` with the view's options; `transfer` lists its buffers for postMessage. */
export function packMiningRequest(scope: MiningScope, minSupportRuns: number): { request: MiningRequest; transfer: ArrayBuffer[] } {
  const { runs } = scope
  const labels = new Indexer()
  const models = new Indexer()
  const portfolios = new Indexer()
  const stepStart = new Int32Array(runs.length + 1)
  const hasStepModels = new Uint8Array(runs.length)
  const annotated = new Uint8Array(runs.length)
  const portfolio = new Int32Array(runs.length)
  const ids: string[] = new Array(runs.length)
  const costs: string[] = new Array(runs.length)
  let total = 0
  for (const run of runs) total += run.steps.length
  const stepLabels = new Int32Array(total)
  const stepModels = new Int32Array(total)
  // One plain loop, each run's fields read once: this runs on the window's thread.
  let at = 0
  for (let r = 0; r < runs.length; r++) {
    const { id, steps, stepModels: modelOfStep, costUSD } = runs[r]
    ids[r] = id
    costs[r] = costUSD
    stepStart[r] = at
    hasStepModels[r] = modelOfStep ? 1 : 0
    for (let i = 0; i < steps.length; i++, at++) {
      stepLabels[at] = labels.of(steps[i])
      const model = modelOfStep ? modelOfStep[i] : null
      stepModels[at] = model == null ? NO_MODEL : models.of(model)
    }
    annotated[r] = scope.isAnnotated(id) ? 1 : 0
    const owner = scope.portfolioOf(id)
    portfolio[r] = owner === null ? NO_PORTFOLIO : portfolios.of(owner)
  }
  stepStart[runs.length] = at
  const request: MiningRequest = {
    minSupportRuns,
    labels: labels.values,
    models: models.values,
    ids,
    costs,
    stepStart,
    stepLabels,
    stepModels,
    hasStepModels,
    annotated,
    portfolio,
    portfolios: portfolios.values,
  }
  return { request, transfer: [stepStart, stepLabels, stepModels, hasStepModels, annotated, portfolio].map((array) => array.buffer as ArrayBuffer) }
}

/** The same mineRecipes call the CLI's `mine` makes, with the view's options, on the runs the request packs. */
export function mineWithRequest(request: MiningRequest): MiningResult {
  const index = new Map(request.ids.map((id, r) => [id, r]))
  return mineRecipes(unpackRuns(request), {
    minSupportRuns: request.minSupportRuns,
    isAnnotated: (runId) => request.annotated[index.get(runId)!] === 1,
    portfolioOf: (runId) => {
      const owner = request.portfolio[index.get(runId)!]
      return owner === NO_PORTFOLIO ? null : request.portfolios[owner]
    },
  })
}

/** The runs as packMiningRequest was given them (what mining reads of them). */
export function unpackRuns(request: MiningRequest): MinableRun[] {
  return request.ids.map((id, r) => {
    const from = request.stepStart[r]
    const to = request.stepStart[r + 1]
    const steps: string[] = new Array(to - from)
    const stepModels: (string | null)[] = new Array(to - from)
    for (let at = from; at < to; at++) {
      steps[at - from] = request.labels[request.stepLabels[at]]
      stepModels[at - from] = request.stepModels[at] === NO_MODEL ? null : request.models[request.stepModels[at]]
    }
    return { id, steps, costUSD: request.costs[r], ...(request.hasStepModels[r] ? { stepModels } : {}) }
  })
}

/** Distinct values, each given the next index when first seen. */
class Indexer {
  readonly values: string[] = []
  private readonly index = new Map<string, number>()

  of(value: string): number {
    let at = this.index.get(value)
    if (at === undefined) {
      this.index.set(value, (at = this.values.length))
      this.values.push(value)
    }
    return at
  }
}
