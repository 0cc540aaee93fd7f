import { formatCurrencyAmounts } from '../money/format'
import type { CurrencyAmounts } from '../money/totals'
import type { PortfolioReport } from './portfolioReport'

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)]
}

/** Exact amounts, per currency, without locale formatting: the text report is for reading and diffing. */
function amounts(values: CurrencyAmounts): string {
  return Object.keys(values).length ? Object.entries(values).map(([c, a]) => `${a} ${c}`).join(' + ') : '—'
}

const percent = (share: number) => `${Math.round(share * 100)}%`

/** The readable form of the report (the CLI without --json). */
export function formatPortfolioReport(report: PortfolioReport, locale = 'en-US'): string {
  const out: string[] = [`Portfolio report ${report.period} (as of ${report.asOf}${report.periodSource === 'latest-with-data' ? '; latest quarter with data' : ''})`, '']
  out.push(
    ...table(
      ['Portfolio', 'Status', 'Spend', 'Envelope', 'Forecast', 'Runs', 'Runs/wk', 'Recipes', 'High-cost (noted)'],
      report.portfolios.map((p) => [
        p.name,
        p.status,
        formatCurrencyAmounts(p.spend, locale),
        formatCurrencyAmounts(p.envelope, locale),
        formatCurrencyAmounts(p.forecast, locale),
        String(p.runs),
        p.metrics.adoption.runsPerWeek.toFixed(1),
        percent(p.metrics.recipeShare.runs),
        `${p.metrics.highCost.count} (${p.metrics.highCost.annotated})`,
      ]),
    ),
  )
  out.push('', `Unassigned: ${report.unassigned.runs} run(s), ${report.unassigned.charges} charge(s), ${amounts(report.unassigned.spend)}`)
  if (report.outside.buckets.length) {
    out.push(`Outside portfolios (not coding-agent work): ${report.outside.buckets.map((b) => `${b.name} ${amounts(b.spend)}`).join('; ')}`)
  }
  const linted = report.portfolios.filter((p) => p.lints.length)
  if (linted.length || report.workspaceLints.length) {
    out.push('', 'Health checks:')
    for (const lint of report.workspaceLints) out.push(`  [${lint.code}] ${lint.message} Fix: ${lint.fix}`)
    for (const p of linted) for (const lint of p.lints) out.push(`  ${p.name} [${lint.code}] ${lint.message} Fix: ${lint.fix}`)
  }
  if (report.reviewItems.length) {
    out.push('', 'For the next review:')
    for (const item of report.reviewItems) out.push(`  ${item.message}`)
  }
  if (report.reconciliation.length) {
    out.push('', 'Reconciliation (billed vs log-estimated):')
    out.push(
      ...table(
        ['Provider', 'Month', 'Billed', 'Estimated', 'Unexplained', 'Runs w/o billing'],
        report.reconciliation.map((r) => [r.provider, r.month, amounts(r.billed), amounts(r.estimated), amounts(r.unexplained), String(r.runsWithoutBilling)]),
      ).map((line) => `  ${line}`),
    )
  }
  if (report.allocations.length) {
    out.push('', 'Allocations:')
    for (const a of report.allocations) out.push(`  ${a.text}`)
  }
  return out.join('\n') + '\n'
}
