import { describeIssue } from '../../shared/importers/billing/importBillingFile'
import { formatCurrencyAmounts } from '../../shared/money/format'
import type { ImportedChargeTotals } from './importedChargeTotals'
import type { FileReport } from './fileImporter'

/** Where an import went: the workspace file and how many batches it gained, or none (no --workspace). */
export interface ImportDestination {
  path: string
  added: number
}

/** The readable form of an import: one line per file, every bad line as `file:line: reason`, then totals. */
export function formatImportReport(files: readonly FileReport[], charges: ImportedChargeTotals, destination: ImportDestination | null): string {
  const lines: string[] = []
  const width = Math.min(60, Math.max(4, ...files.map((file) => file.path.length)))
  const statusWidth = Math.max(6, ...files.map((file) => statusWord(file.status).length))
  lines.push(`${'File'.padEnd(width)}  ${'Format'.padEnd(32)}  ${'Status'.padEnd(statusWidth)}  Records`)
  for (const file of files) {
    lines.push(`${file.path.padEnd(width)}  ${(file.format ?? '?').padEnd(32)}  ${statusWord(file.status).padEnd(statusWidth)}  ${String(file.records).padStart(7)}`)
  }
  for (const file of files) {
    const label = file.status === 'rejected' ? 'error' : 'skipped'
    for (const issue of file.errors) lines.push(describeIssue(file.path, { line: issue.line, message: `${label}: ${issue.message}` }))
    for (const issue of file.warnings) lines.push(describeIssue(file.path, { line: issue.line, message: `warning: ${issue.message}` }))
  }
  lines.push('')
  for (const [kind, count] of outcomeCounts(files)) lines.push(`${OUTCOME_LABELS[kind]}: ${count}`)
  if (files.some((file) => !isOutcome(file.kind))) lines.push(`Charges: ${charges.count}  ${formatCurrencyAmounts(charges.cost, 'en-US')}${charges.from ? `  (${charges.from.slice(0, 10)} – ${charges.to?.slice(0, 10)})` : ''}`)
  for (const [month, amounts] of Object.entries(charges.byMonth)) lines.push(`  ${month}  ${formatCurrencyAmounts(amounts, 'en-US')}`)
  if (Object.keys(charges.byModel).length > 0) {
    lines.push('By model or service:')
    for (const [model, amounts] of Object.entries(charges.byModel)) lines.push(`  ${model}  ${formatCurrencyAmounts(amounts)}`)
  }
  if (!destination) lines.push('Nothing written (no --workspace).')
  else lines.push(destination.added > 0 ? `Saved to ${destination.path}.` : `Nothing new for ${destination.path}: it is unchanged.`)
  return lines.join('\n') + '\n'
}

const OUTCOME_LABELS: Record<string, string> = { pullRequests: 'Pull requests', incidents: 'Incidents', metrics: 'Metric values' }

function isOutcome(kind: FileReport['kind']): boolean {
  return kind !== null && kind in OUTCOME_LABELS
}

/** Records imported per outcome kind, in the order the kinds first appear. */
function outcomeCounts(files: readonly FileReport[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const file of files) if (file.status === 'ok' && file.kind && isOutcome(file.kind)) counts.set(file.kind, (counts.get(file.kind) ?? 0) + file.records)
  return counts
}

function statusWord(status: FileReport['status']): string {
  return status === 'duplicate' ? 'already imported' : status
}
