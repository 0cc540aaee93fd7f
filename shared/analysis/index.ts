/**
 * The analysis API a view calls. Typical use:
 *   const analysis = analyze(readAnalysisInput(governance, ledger, new Date().toISOString()))
 *   summarizePortfolio(analysis, portfolio, parsePeriod('2026-Q3', fiscalYearStartMonth))
 *   analysis.assignment.runs.get(runId)        // which rule won, why, what else matched
 *   previewRule(analysis.input, portfolioId, draftRule)
 *   analysisForPeriod(analysis, period)        // a past period with the definitions in force then
 */
export { analyze, summarizePortfolio, summarizeUnassigned, runsIn, type Analysis, type PortfolioPeriodSummary, type UnassignedSummary } from './analyze'
export { readAnalysisInput } from './workspaceInput'
export { analysisForPeriod, definitionInForce, definitionsInForce, inputForPeriod, type PeriodInputOptions } from './definitionsInForce'
export { chargeKey, type AnalysisInput, type RuleInput } from './input'
export { parsePeriod, periodContaining, shiftPeriod, type Period } from './periods'
export { assignRecords, type Assignment, type AssignmentResult, type RankedRule, type PortfolioOverlap } from './rules/assign'
export { previewRule, withDraftRule, type RulePreview } from './rules/preview'
export { ruleSpecificity, type RuleSpecificity } from './rules/specificity'
export { compileChargeRule, compileRunRule, fieldAppliesTo } from './rules/conditions'
export type { AllocationExplanation } from './allocation'
export type { Budget, ReviewItem } from './budgets'
export { reconcile, type ReconciliationRow } from './reconciliation'
export type { Lint, LintCode } from './lints/index'
