import type { TokenCounts } from '../records/common'
import type { Run } from '../records/run'
import { addTokenCounts, emptyTokenCounts } from '../records/tokenCounts'
import { formatCount, noun, plural } from '../text/plural'

/** One model without a price: how many runs used it and the tokens they spent on it. */
export interface UnpricedModel {
  model: string
  runs: number
  tokens: TokenCounts
}

/** The runs with at least one unpriced model, and those models, most runs first. */
export interface UnpricedSummary {
  runs: number
  models: UnpricedModel[]
}

/**
 * Which models of `runs` had no price when they were imported (their cost counted as 0), so a
 * total that is too low is never silent. Tokens are those of the unpriced model only.
 */
export function summarizeUnpriced(runs: Iterable<Pick<Run, 'byModel'>>): UnpricedSummary {
  const models = new Map<string, UnpricedModel>()
  let runCount = 0
  for (const run of runs) {
    let unpriced = false
    for (const usage of run.byModel) {
      if (usage.priced) continue
      unpriced = true
      let entry = models.get(usage.model)
      if (!entry) models.set(usage.model, (entry = { model: usage.model, runs: 0, tokens: emptyTokenCounts() }))
      entry.runs++
      addTokenCounts(entry.tokens, usage.tokens)
    }
    if (unpriced) runCount++
  }
  return { runs: runCount, models: [...models.values()].sort((a, b) => b.runs - a.runs || a.model.localeCompare(b.model)) }
}

/** "3 runs on 2 models have no price" (the headline the CLI, Overview and review share). */
export function unpricedHeadline(summary: UnpricedSummary, locale?: string): string {
  return `${plural(summary.runs, 'run', undefined, locale)} on ${plural(summary.models.length, 'model', undefined, locale)} ${noun(summary.runs, 'has', 'have')} no price`
}

/** The command line's lines for unpriced models; none when every model had a price. */
export function formatUnpriced(summary: UnpricedSummary, locale = 'en-US'): string[] {
  if (summary.models.length === 0) return []
  const count = (value: number) => formatCount(value, locale)
  const width = Math.max(...summary.models.map((entry) => entry.model.length))
  return [
    `Warning: ${unpricedHeadline(summary, locale)}; their cost is counted as 0. Add prices in Settings › Pricing, or import with --pricing FILE.`,
    ...summary.models.map(({ model, runs, tokens }) => {
      const total = tokens.input + tokens.output + tokens.cacheWrite5m + tokens.cacheWrite1h + tokens.cacheRead
      return `  ${model.padEnd(width)}  ${plural(runs, 'run', undefined, locale)}  ${count(total)} tokens (input ${count(tokens.input)}, output ${count(tokens.output)}, cache write ${count(tokens.cacheWrite5m + tokens.cacheWrite1h)}, cache read ${count(tokens.cacheRead)})`
    }),
  ]
}
