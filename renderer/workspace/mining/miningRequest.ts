import { mineRecipes, type MinableRun, type MiningResult } from '../../../shared/mining'

/**
 * What the view sends the mining worker: plain data only (functions do not cross a worker
 * boundary), packed into typed arrays that are transferred, not copied. Copying 100,000 runs
 * as objects (each with its lists of steps and models) held the window's thread far longer
 * than packing them takes.
 */
export interface MiningRequest {
  minSupportRuns: number
  /** Every step label and model once; steps refer to them by index. */
  labels: string[]
  models: string[]
  /** Every run's id, then every run's cost, end to end in one string (one string is copied at once, 200,000 one by one). */
  text: string
  /** Run r's id is text from idStart[r] up to idStart[r + 1]; its cost follows from costStart[r] up to costStart[r + 1]. */
  idStart: Int32Array
  costStart: Int32Array
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

/** The request for mining `scope.runs` with the view's options, packed at once (see MiningRequestPacker). */
export function packMiningRequest(scope: MiningScope, minSupportRuns: number): { request: MiningRequest; transfer: ArrayBuffer[] } {
  const packer = new MiningRequestPacker(scope, minSupportRuns)
  packer.pack(scope.runs.length)
  return packer.finish()
}

/**
 * Packs the request a slice of runs at a time, so the window's thread can do other work
 * between slices (packing 100,000 runs at once was a long task). `finish` gives the request
 * and the buffers to transfer with postMessage.
 */
export class MiningRequestPacker {
  private readonly labels = new Indexer()
  private readonly models = new Indexer()
  private readonly portfolios = new Indexer()
  private readonly stepStart: Int32Array
  private readonly hasStepModels: Uint8Array
  private readonly annotated: Uint8Array
  private readonly portfolio: Int32Array
  private readonly ids: string[]
  private readonly costs: string[]
  private readonly idStart: Int32Array
  private readonly costStart: Int32Array
  private readonly stepLabels: Int32Array
  private readonly stepModels: Int32Array
  /** The next run to pack, and the next step's place. */
  private next = 0
  private at = 0

  constructor(
    private readonly scope: MiningScope,
    private readonly minSupportRuns: number,
  ) {
    const count = scope.runs.length
    this.stepStart = new Int32Array(count + 1)
    this.hasStepModels = new Uint8Array(count)
    this.annotated = new Uint8Array(count)
    this.portfolio = new Int32Array(count)
    this.ids = new Array<string>(count)
    this.costs = new Array<string>(count)
    this.idStart = new Int32Array(count + 1)
    this.costStart = new Int32Array(count + 1)
    let total = 0
    for (const run of scope.runs) total += run.steps.length
    this.stepLabels = new Int32Array(total)
    this.stepModels = new Int32Array(total)
  }

  /** Packs up to `count` more runs; whether every run is packed. */
  pack(count: number): boolean {
    const { runs } = this.scope
    const end = Math.min(runs.length, this.next + count)
    for (let r = this.next; r < end; r++) {
      const { id, steps, stepModels: modelOfStep, costUSD } = runs[r]
      this.ids[r] = id
      this.idStart[r + 1] = this.idStart[r] + id.length
      this.costs[r] = costUSD
      this.costStart[r + 1] = this.costStart[r] + costUSD.length
      this.stepStart[r] = this.at
      this.hasStepModels[r] = modelOfStep ? 1 : 0
      for (let i = 0; i < steps.length; i++, this.at++) {
        this.stepLabels[this.at] = this.labels.of(steps[i])
        const model = modelOfStep ? modelOfStep[i] : null
        this.stepModels[this.at] = model == null ? NO_MODEL : this.models.of(model)
      }
      this.annotated[r] = this.scope.isAnnotated(id) ? 1 : 0
      const owner = this.scope.portfolioOf(id)
      this.portfolio[r] = owner === null ? NO_PORTFOLIO : this.portfolios.of(owner)
    }
    this.next = end
    return end === runs.length
  }

  finish(): { request: MiningRequest; transfer: ArrayBuffer[] } {
    const count = this.scope.runs.length
    if (this.next < count) throw new Error(`the mining request is packed up to run ${this.next} of ${count}`)
    this.stepStart[count] = this.at
    const request: MiningRequest = {
      minSupportRuns: this.minSupportRuns,
      labels: this.labels.values,
      models: this.models.values,
      text: this.ids.join('') + this.costs.join(''),
      idStart: this.idStart,
      costStart: this.costStart.map((at) => at + this.idStart[count]),
      stepStart: this.stepStart,
      stepLabels: this.stepLabels,
      stepModels: this.stepModels,
      hasStepModels: this.hasStepModels,
      annotated: this.annotated,
      portfolio: this.portfolio,
      portfolios: this.portfolios.values,
    }
    const arrays = [request.idStart, request.costStart, request.stepStart, request.stepLabels, request.stepModels, request.hasStepModels, request.annotated, request.portfolio]
    return { request, transfer: arrays.map((array) => array.buffer as ArrayBuffer) }
  }
}

/** The same mineRecipes call the CLI's `mine` makes, with the view's options, on the runs the request packs. */
export function mineWithRequest(request: MiningRequest): MiningResult {
  const runs = unpackRuns(request)
  const index = new Map(runs.map((run, r) => [run.id, r]))
  return mineRecipes(runs, {
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
  const { text, idStart, costStart } = request
  return Array.from({ length: idStart.length - 1 }, (_, r) => {
    const id = text.slice(idStart[r], idStart[r + 1])
    const from = request.stepStart[r]
    const to = request.stepStart[r + 1]
    const steps: string[] = new Array(to - from)
    const stepModels: (string | null)[] = new Array(to - from)
    for (let at = from; at < to; at++) {
      steps[at - from] = request.labels[request.stepLabels[at]]
      stepModels[at - from] = request.stepModels[at] === NO_MODEL ? null : request.models[request.stepModels[at]]
    }
    return { id, steps, costUSD: text.slice(costStart[r], costStart[r + 1]), ...(request.hasStepModels[r] ? { stepModels } : {}) }
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
