import { parseArgs } from 'node:util'
import { outcomeFileImporter } from '../import/outcomeFiles'
import { importPaths } from './import'
import { UsageError, type CliCommand } from './types'

const usage = 'npm run --silent cli -- outcomes import [--json] --workspace FILE PATH...'

/**
 * `outcomes import`: pull/merge request exports, incident CSVs and metrics CSVs, files or
 * folders (only outcome files are taken from a folder). Each file is one batch or rejected
 * whole with `file:line` reasons; exit codes as `import` (0 all imported, 1 any rejected, 2 usage).
 */
export const outcomesCommand: CliCommand = {
  name: 'outcomes',
  summary: 'Import pull requests, incidents and outcome metrics into a workspace',
  usage,
  async run(args, io) {
    const [subcommand, ...rest] = args
    if (subcommand !== 'import') throw new UsageError(subcommand ? `unknown subcommand "${subcommand}"` : 'name a subcommand: import')
    let parsed: { values: { json?: boolean; workspace?: string }; positionals: string[] }
    try {
      parsed = parseArgs({ args: rest, options: { json: { type: 'boolean' }, workspace: { type: 'string' } }, strict: true, allowPositionals: true })
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    if (!parsed.values.workspace) throw new UsageError('--workspace FILE is required')
    return importPaths([outcomeFileImporter], parsed.positionals, parsed.values, io)
  },
}
