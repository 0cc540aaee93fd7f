import { pricingFromSettings, type PricingTable } from '../pricing/pricingTable'
import type { Run } from '../records/run'
import type { Settings } from '../records/settings'
import { createStepLabeller } from '../steps/labelStep'
import { cachedLabels, stepsFromCalls } from './deriveRunSteps'
import { priceRunUsage } from './priceRunUsage'

/**
 * Stored runs as the workspace's current rules and prices see them: steps labelled again from
 * the kept calls (settings.stepRules), costs computed again from the kept usage (the price
 * table and overrides in settings). So a changed rule or price applies to every run already
 * imported, without the original logs. Runs stored before calls and usage were kept (no
 * `calls`, no `usage`) keep their stored steps and costs.
 */
export function deriveRuns<R extends Run>(runs: readonly R[], settings: Pick<Settings, 'stepRules' | 'pricingTable' | 'pricingOverrides'>): R[] {
  const key = JSON.stringify([settings.stepRules, settings.pricingTable, settings.pricingOverrides])
  let labelOf: ReturnType<typeof cachedLabels> | null = null
  let pricing: PricingTable | null = null
  return runs.map((run) => {
    if (!run.calls && !run.usage) return run
    const cached = derived.get(run)
    if (cached?.key === key) return cached.run as R
    labelOf ??= cachedLabels(createStepLabeller(settings.stepRules))
    pricing ??= pricingFromSettings(settings)
    const result = {
      ...run,
      ...(run.calls ? stepsFromCalls(run, labelOf) : {}),
      ...(run.usage ? priceRunUsage(run.usage, pricing) : {}),
    }
    derived.set(run, { key, run: result })
    return result
  })
}

/**
 * Stored runs are the same objects on every read (the ledger validates a batch once), so each
 * is derived once per rules and prices, not on every analysis.
 */
const derived = new WeakMap<Run, { key: string; run: Run }>()
