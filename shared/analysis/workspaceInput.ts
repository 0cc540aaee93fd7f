import { deriveRuns } from '../runs/deriveRuns'
import type { Governance } from '../workspace/governance'
import type { Ledger } from '../workspace/ledger'
import { readLedgerOutcomes } from '../workspace/outcomeLedger'
import type { AnalysisInput } from './input'
import type { OutcomeInput } from './outcomes/linkOutcomes'

/**
 * Reads the analysis input from the two workspace documents. Invalid entries are skipped here
 * (the documents report them separately as problems), so analysis never throws on bad data.
 * `annotatedRunIds`: the annotated subjects, when the caller has just read them.
 */
export function readAnalysisInput(governance: Governance, ledger: Ledger, asOf: string, annotatedRunIds: ReadonlySet<string> = governance.annotations.annotatedSubjects()): AnalysisInput {
  const settings = governance.settings.read().settings
  return {
    portfolios: governance.portfolios.list().records,
    portfolioChanges: governance.portfolioChanges.list().records,
    // Labelled and priced with the current rules and prices, however old the batch.
    runs: deriveRuns(ledger.runs().records, settings),
    charges: ledger.charges().records,
    recipes: governance.recipes.list().records,
    envelopeMoves: governance.envelopeMoves.list().records,
    settings,
    annotatedRunIds,
    asOf,
    outcomes: readOutcomeInput(governance, ledger),
  }
}

function readOutcomeInput(governance: Governance, ledger: Ledger): OutcomeInput {
  const { pullRequests, incidents, metrics } = readLedgerOutcomes(ledger)
  return {
    pullRequests,
    incidents,
    metrics,
    linkEdits: governance.outcomeLinkEdits.list().records,
    repoAliases: governance.repoAliases.list().records,
    notes: new Map(governance.annotations.list().records.map((note) => [note.subject, note])),
  }
}
