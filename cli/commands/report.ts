import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { readSummarizedAnalysisInput } from '../../shared/analysis/workspaceInput'
import { parseInstant } from '../../shared/importers/billing/dates'
import { buildPortfolioReport } from '../../shared/reports/portfolioReport'
import { formatPortfolioReport } from '../../shared/reports/portfolioReportText'
import { openWorkspaceFile } from '../workspaceStore'
import { UsageError, type CliCommand } from './types'

const usage = 'npm run --silent cli -- report --workspace FILE [--period 2026-Q3] [--as-of 2026-08-15] [--todays-definitions] [--json]'

/**
 * Spend, envelope, forecast, metrics and health checks per portfolio for one period.
 * Without --period: the current fiscal quarter, or the latest quarter with data when the
 * current one has none. --as-of fixes "today": only what started by then is counted (spend, runs,
 * metrics, forecast). A past period is read with the portfolio definitions in force then, unless
 * --todays-definitions asks for today's.
 */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Portfolio report for a period: spend, envelope, forecast, metrics, lints, reconciliation',
  usage,
  async run(args, io) {
    let values: { workspace?: string; period?: string; 'as-of'?: string; 'todays-definitions'?: boolean; json?: boolean }
    try {
      ;({ values } = parseArgs({
        args,
        options: { workspace: { type: 'string' }, period: { type: 'string' }, 'as-of': { type: 'string' }, 'todays-definitions': { type: 'boolean' }, json: { type: 'boolean' } },
        strict: true,
        allowPositionals: false,
      }))
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    if (!values.workspace) throw new UsageError('--workspace FILE is required')
    const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || parseInstant(asOf) === null) throw new UsageError(`--as-of must be a date like 2026-08-15, not "${asOf}"`)
    const path = resolve(io.cwd, values.workspace)
    if (!existsSync(path)) {
      io.stderr(`No workspace file at ${path}.\n`)
      return 1
    }
    const workspace = openWorkspaceFile(path)
    const input = readSummarizedAnalysisInput(workspace.governance, workspace.ledger, asOf)
    let report
    try {
      report = buildPortfolioReport(input, { period: values.period, todaysDefinitions: values['todays-definitions'] })
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    io.stdout(values.json ? JSON.stringify(report, null, 2) + '\n' : formatPortfolioReport(report))
    return 0
  },
}
