import { writeFileSync } from 'node:fs'
import { temporaryFolder } from './tempDirs'
import type { AnalysisInput } from '../../shared/analysis/input'
import { createBatch } from '../../shared/batches/batch'
import { sumDecimalStrings } from '../../shared/money/decimal'
import { encodeWorkspaceFile } from '../../shared/workspace/workspaceFile'
import type { CliIO } from '../../cli/commands/types'
import { openWorkspaceFile, type Workspace } from '../../cli/workspaceStore'

/** A CLI io that keeps what a command prints. */
export function captureIO(cwd: string): CliIO & { out: () => string; err: () => string } {
  let out = ''
  let err = ''
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    cwd,
    env: {},
    out: () => out,
    err: () => err,
  }
}

export function tempDir(): string {
  return temporaryFolder('workfolio-cli-')
}

/** Writes the records of an analysis input into a workspace file, the way imports and edits would. */
export function writeWorkspace(path: string, input: AnalysisInput): void {
  const workspace = openWorkspaceFile(path)
  for (const portfolio of input.portfolios) workspace.governance.portfolios.put(portfolio)
  for (const change of input.portfolioChanges) workspace.governance.portfolioChanges.put(change)
  for (const runId of input.annotatedRunIds) workspace.governance.annotations.text(runId).insert(0, 'Shipped the fix; see the postmortem.')
  const batches = [
    { kind: 'runs' as const, records: input.runs, totals: { USD: sumDecimalStrings(input.runs.map((r) => r.costUSD)) } },
    { kind: 'charges' as const, records: input.charges, totals: { USD: sumDecimalStrings(input.charges.map((c) => c.cost)) } },
  ]
  for (const { kind, records, totals } of batches) {
    if (records.length === 0) continue
    const batch = createBatch({
      kind, format: 'test', fileNames: [`${kind}.jsonl`], records, totals, from: null, to: null, skipped: [], warnings: [], importedAt: '2026-08-15T00:00:00.000Z',
    })
    workspace.ledger.add(batch)
  }
  saveTestWorkspace(workspace)
}

/** Writes a workspace opened in a test back to its file (tests write one at a time: no lock). */
export function saveTestWorkspace(workspace: Workspace): void {
  writeFileSync(workspace.path, encodeWorkspaceFile({ governance: workspace.governance.doc, ledger: workspace.ledger.doc }))
}
