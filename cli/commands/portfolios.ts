import { existsSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { exportPortfolioCode, parsePortfolioCode, planPortfolioImport } from '../../shared/portfolios/portfolioCode'
import { openWorkspaceFile, updateWorkspaceFile } from '../workspaceStore'
import { describeFileError } from '../fileErrors'
import { readNamedFile } from '../namedFiles'
import { InputError, UsageError, type CliCommand } from './types'
import { plural } from '../../shared/text/plural'

const usage = 'npm run --silent cli -- portfolios import|export --workspace FILE FILE.json'

/** Portfolios as code: export definitions and rules to JSON, or import (add and update, never delete). */
export const portfoliosCommand: CliCommand = {
  name: 'portfolios',
  summary: 'Export or import portfolio definitions and rules as JSON',
  usage,
  async run(args, io) {
    let parsed: { values: { workspace?: string }; positionals: string[] }
    try {
      parsed = parseArgs({ args, options: { workspace: { type: 'string' } }, strict: true, allowPositionals: true })
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    const [action, file, ...extra] = parsed.positionals
    if (action !== 'import' && action !== 'export') throw new UsageError('say "import" or "export"')
    if (!parsed.values.workspace) throw new UsageError('--workspace FILE is required')
    if (!file || extra.length) throw new UsageError('give exactly one JSON file')
    const workspacePath = resolve(io.cwd, parsed.values.workspace)
    const jsonPath = resolve(io.cwd, file)

    if (action === 'export') {
      if (!existsSync(workspacePath)) {
        io.stderr(`No workspace file at ${workspacePath}.\n`)
        return 1
      }
      const { governance } = openWorkspaceFile(workspacePath)
      const portfolios = governance.portfolios.list().records
      try {
        writeFileSync(jsonPath, exportPortfolioCode(portfolios))
      } catch (error) {
        throw new InputError(`cannot write the export ${describeFileError(error, jsonPath)}`)
      }
      io.stdout(`Exported ${plural(portfolios.length, 'portfolio', undefined, 'en-US')} to ${file}.\n`)
      return 0
    }

    if (!existsSync(jsonPath)) {
      io.stderr(`No file at ${jsonPath}.\n`)
      return 1
    }
    const result = parsePortfolioCode(readNamedFile(jsonPath, 'the portfolios file').toString('utf8'))
    if (!result.ok) {
      io.stderr(`${file} is not a valid portfolios file; nothing was imported:\n${result.errors.map((e) => `  ${file}: ${e.path}: ${e.message}`).join('\n')}\n`)
      return 1
    }
    const plan = await updateWorkspaceFile(
      workspacePath,
      async (workspace) => {
        const plan = planPortfolioImport(workspace.governance.portfolios.list().records, result.portfolios, new Date().toISOString())
        workspace.governance.doc.transact(() => {
          for (const portfolio of plan.put) workspace.governance.portfolios.put(portfolio)
        })
        await workspace.save()
        return plan
      },
      { notice: io.stderr },
    )
    io.stdout(
      `Imported ${file}: ${plan.added.length} added, ${plan.updated.length} updated, ${plan.unchanged.length} unchanged` +
        (plan.untouched.length ? `; ${plan.untouched.length} not in the file left as they are (${plan.untouched.join(', ')})` : '') +
        '.\n',
    )
    return 0
  },
}
