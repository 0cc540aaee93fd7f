import type { Charge } from '../records/charge'
import { deriveRuns } from '../runs/deriveRuns'
import type { Governance } from '../workspace/governance'
import type { Ledger } from '../workspace/ledger'
import { readLedgerOutcomes } from '../workspace/outcomeLedger'
import type { AnalysisInput, ChargeLine } from './input'
import type { OutcomeInput } from './outcomes/linkOutcomes'
import { chargeFieldsRead } from './rules/conditions'

/**
 * Reads the analysis input from the two workspace documents. Invalid entries are skipped here
 * (the documents report them separately as problems), so analysis never throws on bad data.
 * `annotatedRunIds`: the annotated subjects, when the caller has just read them.
 */
export function readAnalysisInput(governance: Governance, ledger: Ledger, asOf: string, annotatedRunIds: ReadonlySet<string> = governance.annotations.annotatedSubjects()): AnalysisInput {
  return readInput(governance, ledger, asOf, annotatedRunIds, () => ledger.charges().records)
}

/**
 * The same input, with the charges as the lines of the batches' summaries when they hold every
 * field the charge rules read, today's or any earlier definition's (Ledger.summarizedCharges):
 * the same figures from a few thousand lines instead of every charge. For the totals of a
 * report or the Overview; a view that lists charges one by one needs readAnalysisInput.
 */
export function readSummarizedAnalysisInput(governance: Governance, ledger: Ledger, asOf: string, annotatedRunIds: ReadonlySet<string> = governance.annotations.annotatedSubjects()): AnalysisInput<ChargeLine> {
  return readInput<ChargeLine>(governance, ledger, asOf, annotatedRunIds, (portfolios, changes) => {
    const rules = [...portfolios.flatMap((portfolio) => portfolio.rules), ...changes.flatMap((change) => [change.before.rules, change.after.rules].flatMap((rules) => (Array.isArray(rules) ? rules : [])))]
    return ledger.summarizedCharges(chargeFieldsRead(rules))?.records ?? ledger.chargeLines().records
  })
}

function readInput<C extends ChargeLine = Charge>(
  governance: Governance,
  ledger: Ledger,
  asOf: string,
  annotatedRunIds: ReadonlySet<string>,
  readCharges: (portfolios: AnalysisInput['portfolios'], changes: AnalysisInput['portfolioChanges']) => readonly C[],
): AnalysisInput<C> {
  const settings = governance.settings.read().settings
  const portfolios = governance.portfolios.list().records
  const portfolioChanges = governance.portfolioChanges.list().records
  return {
    portfolios,
    portfolioChanges,
    // Labelled and priced with the current rules and prices, however old the batch.
    runs: deriveRuns(ledger.runs().records, settings),
    charges: readCharges(portfolios, portfolioChanges),
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
