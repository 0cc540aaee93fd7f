import { formatCurrencyAmounts, formatMoney } from '../money/format'
import { formatUnpriced } from '../pricing/unpricedModels'
import type { PortfolioReport } from './portfolioReport'
import { plural } from '../text/plural'

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)]
}

const percent = (share: number) => `${Math.round(share * 100)}%`

/** Pull requests and incidents per portfolio, each beside last period's figure in brackets. */
function outcomeTable(report: PortfolioReport, locale?: string): string[] {
  const rows = report.portfolios.flatMap((p) => (p.outcomes ? [{ name: p.name, outcomes: p.outcomes }] : []))
  if (!rows.some(({ outcomes: o }) => o.pullRequests.runsLinked + o.incidents.worked + o.previous.pullRequests.runsLinked + o.previous.incidents.worked > 0)) return []
  const usd = (amount: string | null) => (amount === null ? '—' : formatMoney(amount, 'USD', locale))
  return [
    '',
    `Outcomes (${report.period}, previous period in brackets):`,
    ...table(
      ['Portfolio', 'Runs→PR', 'Merged', 'Open', 'Closed', 'Cost/merged PR median', 'p90', 'Incidents', 'Cost/incident'],
      rows.map(({ name, outcomes: { pullRequests: pr, incidents, previous } }) => [
        name,
        `${pr.runsLinked} (${previous.pullRequests.runsLinked})`,
        `${pr.merged} (${previous.pullRequests.merged})`,
        String(pr.open),
        String(pr.closedUnmerged),
        `${usd(pr.costPerMergedUSD.median)} (${usd(previous.pullRequests.costPerMergedUSD.median)})`,
        usd(pr.costPerMergedUSD.p90),
        `${incidents.worked} (${previous.incidents.worked})`,
        usd(incidents.costPerIncidentUSD),
      ]),
    ).map((line) => `  ${line}`),
  ]
}

/** The readable form of the report (the CLI without --json): en-US unless told, so it reads the same on every machine. */
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
  out.push('', `Unassigned: ${plural(report.unassigned.runs, 'run', undefined, locale)}, ${plural(report.unassigned.charges, 'charge', undefined, locale)}, ${formatCurrencyAmounts(report.unassigned.spend, locale)}`)
  if (report.outside.buckets.length) {
    out.push(`Outside portfolios (not coding-agent work): ${report.outside.buckets.map((b) => `${b.name} ${formatCurrencyAmounts(b.spend, locale)}`).join('; ')}`)
  }
  out.push(...outcomeTable(report, locale))
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
        report.reconciliation.map((r) => [r.provider, r.month, formatCurrencyAmounts(r.billed, locale), formatCurrencyAmounts(r.estimated, locale), formatCurrencyAmounts(r.unexplained, locale), String(r.runsWithoutBilling)]),
      ).map((line) => `  ${line}`),
    )
  }
  if (report.allocations.length) {
    out.push('', 'Allocations:')
    for (const a of report.allocations) out.push(`  ${a.text}`)
  }
  const unpriced = formatUnpriced(report.unpriced, locale)
  if (unpriced.length) out.push('', ...unpriced)
  return out.join('\n') + '\n'
}
