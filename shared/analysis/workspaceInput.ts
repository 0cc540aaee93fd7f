import type { Governance } from '../workspace/governance'
import type { Ledger } from '../workspace/ledger'
import type { AnalysisInput } from './input'

/**
 * Reads the analysis input from the two workspace documents. Invalid entries are skipped here
 * (the documents report them separately as problems), so analysis never throws on bad data.
 * `annotatedRunIds`: the annotated subjects, when the caller has just read them.
 */
export function readAnalysisInput(governance: Governance, ledger: Ledger, asOf: string, annotatedRunIds: ReadonlySet<string> = governance.annotations.annotatedSubjects()): AnalysisInput {
  return {
    portfolios: governance.portfolios.list().records,
    portfolioChanges: governance.portfolioChanges.list().records,
    runs: ledger.runs().records,
    charges: ledger.charges().records,
    recipes: governance.recipes.list().records,
    envelopeMoves: governance.envelopeMoves.list().records,
    settings: governance.settings.read().settings,
    annotatedRunIds,
    asOf,
  }
}
