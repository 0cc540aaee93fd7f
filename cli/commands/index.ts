import { prepareImport } from './importArgs'
import type { CliCommand } from './types'

/**
 * Every command, loaded on demand so `--help` stays fast. One line per command; `prepare`
 * starts what a command can start before its code has loaded.
 */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand>; prepare?: (args: string[], cwd: string) => void }> = {
  import: {
    summary: 'Import billing exports (CSV), agent session logs (JSONL) and outcome exports into a workspace, or check them without one',
    load: () => import('./import').then((m) => m.importCommand),
    prepare: prepareImport,
  },
  outcomes: { summary: 'Import pull requests, incidents and outcome metrics into a workspace', load: async () => (await import('./outcomes')).outcomesCommand },
  report: { summary: 'Portfolio report for a period: spend, envelope, forecast, metrics, lints, reconciliation', load: async () => (await import('./report')).reportCommand },
  portfolios: { summary: 'Export or import portfolio definitions and rules as JSON', load: async () => (await import('./portfolios')).portfoliosCommand },
  mine: { summary: 'Find recurring multi-step workflows (recipe candidates) in runs', load: async () => (await import('./mine')).mineCommand },
  review: { summary: 'Export a quarterly review (decisions, votes, recipe decisions) as Markdown', load: async () => (await import('./review')).reviewCommand },
  server: { summary: 'Run the team sync server (the same as npm run server)', load: async () => (await import('./server')).serverCommand },
}
