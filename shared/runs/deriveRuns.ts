import { pricingFromSettings, type PricingTable } from '../pricing/pricingTable'
import type { Run, StepCall } from '../records/run'
import type { Settings } from '../records/settings'
import { createStepLabeller } from '../steps/labelStep'
import { cachedLabels, stepsFromCalls } from './deriveRunSteps'
import { priceRunUsage, usageCostUSD } from './priceRunUsage'

type DerivationSettings = Pick<Settings, 'stepRules' | 'pricingTable' | 'pricingOverrides'>

/**
 * Stored runs as the workspace's current rules and prices see them: steps labelled again from
 * the kept calls (settings.stepRules), costs computed again from the kept usage (the price
 * table and overrides in settings). So a changed rule or price applies to every run already
 * imported, without the original logs. Runs stored before calls and usage were kept (no
 * `calls`, no `usage`) keep their stored steps and costs.
 */
export function deriveRuns<R extends Run>(runs: readonly R[], settings: DerivationSettings): R[] {
  const key = JSON.stringify([settings.stepRules, settings.pricingTable, settings.pricingOverrides])
  const rules = currentRules(settings)
  return runs.map((run) => {
    if (!run.calls && !run.usage) return run
    const cached = derived.get(run)
    if (cached?.key === key) return cached.run as R
    const result = {
      ...run,
      ...(run.calls ? stepsFromCalls(run, rules.labelOf()) : {}),
      ...(run.usage ? priceRunUsage(run.usage, rules.pricing()) : {}),
    }
    derived.set(run, { key, run: result })
    return result
  })
}

/** The fields of a stored run that deriveMinableRuns reads (Ledger.projectedRuns builds only these). */
export const MINABLE_RUN_FIELDS = ['id', 'steps', 'costUSD', 'calls', 'callOrder', 'usage'] as const satisfies readonly (keyof Run)[]

/**
 * What mining reads of each stored run (id, steps with their models, cost), derived as
 * deriveRuns derives them and nothing more: no copy of the run, no price breakdown per model
 * and month, which `mine` on 100,000 runs spent a second on.
 */
export function deriveMinableRuns(runs: readonly Pick<Run, (typeof MINABLE_RUN_FIELDS)[number]>[], settings: DerivationSettings): Pick<Run, 'id' | 'steps' | 'stepModels' | 'costUSD'>[] {
  const rules = currentRules(settings)
  return runs.map((run) => {
    const { steps, stepModels } = run.calls ? stepsFromCalls(run, rules.labelOf()) : { steps: run.steps, stepModels: undefined }
    return { id: run.id, steps, stepModels, costUSD: run.usage ? usageCostUSD(run.usage, rules.pricing()) : run.costUSD }
  })
}

/** The step labeller and the price table of the settings, each made on first use (runs without calls or usage need neither). */
function currentRules(settings: DerivationSettings): { labelOf(): (call: StepCall) => string | null; pricing(): PricingTable } {
  let labelOf: ((call: StepCall) => string | null) | null = null
  let pricing: PricingTable | null = null
  return {
    labelOf: () => (labelOf ??= cachedLabels(createStepLabeller(settings.stepRules))),
    pricing: () => (pricing ??= pricingFromSettings(settings)),
  }
}

/**
 * Stored runs are the same objects on every read (the ledger validates a batch once), so each
 * is derived once per rules and prices, not on every analysis.
 */
const derived = new WeakMap<Run, { key: string; run: Run }>()
