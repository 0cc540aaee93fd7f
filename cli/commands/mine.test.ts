import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBatch } from '../../shared/batches/batch'
import { sumDecimalStrings } from '../../shared/money/decimal'
import { emptyTokenCounts } from '../../shared/records/tokenCounts'
import type { Run } from '../../shared/records/run'
import { mineRecipes } from '../../shared/mining'
import { runCli } from '../main'
import { openWorkspaceFile } from '../workspaceStore'
import { captureIO, saveTestWorkspace, tempDir } from '../../test/support/cliWorkspace'

const REFACTOR = ['search', 'read', 'edit', 'test', 'edit', 'test']
const TRIAGE = ['logs', 'read', 'edit', 'test', 'doc']

function run(id: string, steps: string[], costUSD: string): Run {
  return {
    id, tool: 'claude-code', provider: 'anthropic', repo: 'shop', branch: 'main',
    start: '2026-08-01T10:00:00.000Z', end: '2026-08-01T10:30:00.000Z',
    models: ['claude-sonnet-4-5'], tokens: emptyTokenCounts(), costUSD, costByMonth: { '2026-08': costUSD },
    byModel: [], unpricedModels: [], steps, actor: 'p-1', requests: 3,
  }
}

/** A workspace file built the way the app stores it: runs in a ledger batch, notes in governance. */
function writeWorkspace(path: string): void {
  const runs = [
    ...['1.00', '2.00', '3.00', '4.00', '5.00'].map((cost, i) => run(`refactor-${i}`, REFACTOR, cost)),
    ...['10.00', '20.00', '30.00'].map((cost, i) => run(`triage-${i}`, TRIAGE, cost)),
    ...Array.from({ length: 6 }, (_, i) => run(`edit-${i}`, ['edit', 'test'], '0.10')),
  ]
  const workspace = openWorkspaceFile(path)
  const batch = createBatch({
    kind: 'runs', format: 'test', fileNames: ['runs.jsonl'], records: runs, totals: { USD: sumDecimalStrings(runs.map((r) => r.costUSD)) },
    from: null, to: null, skipped: [], warnings: [], importedAt: '2026-08-15T00:00:00.000Z',
  })
  workspace.ledger.add(batch)
  workspace.governance.annotations.text('triage-1').insert(0, 'Postmortem written, MTTR 40 min.')
  saveTestWorkspace(workspace)
}

describe('cli mine', () => {
  const dir = tempDir()
  const path = join(dir, 'team.workfolio')
  writeWorkspace(path)

  it('prints the candidates as JSON, best first, with exact cost strings', async () => {
    const io = captureIO(dir)
    expect(await runCli(['mine', '--json', '--workspace', 'team.workfolio'], io)).toBe(0)
    const printed = JSON.parse(io.out())
    expect(printed.recipes.map((r: { kind: string; steps: string[] }) => [r.kind, r.steps])).toEqual([
      ['workflow', TRIAGE],
      ['workflow', ['search', 'read', 'edit', 'test']],
      ['generic', ['edit', 'test']],
    ])
    expect(printed.recipes[0]).toEqual({
      id: 'logs>read>edit>test>doc',
      kind: 'workflow',
      steps: TRIAGE,
      runs: ['triage-0', 'triage-1', 'triage-2'],
      support: 3,
      exactRuns: 3,
      maxGap: 0,
      costUSD: { median: '20', p90: '30', total: '60' },
      costShare: expect.closeTo(60 / 75.6, 12),
      annotatedRuns: 1,
      variants: [],
    })
    expect(printed.recipes[1].costUSD).toEqual({ median: '3', p90: '5', total: '15' })
  })

  it('prints every candidate the app would list: the same function, the same options', async () => {
    const io = captureIO(dir)
    expect(await runCli(['mine', '--json', '--workspace', path], io)).toBe(0)
    const workspace = openWorkspaceFile(path)
    const mined = mineRecipes(workspace.ledger.runs().records)
    expect(JSON.parse(io.out()).recipes.map((r: { id: string }) => r.id)).toEqual(mined.candidates.map((c) => c.key))
  })

  it('applies --min-support', async () => {
    const strict = captureIO(dir)
    expect(await runCli(['mine', '--json', '--min-support', '4', '--workspace', path], strict)).toBe(0)
    expect(JSON.parse(strict.out()).recipes.map((r: { id: string }) => r.id)).toEqual(['search>read>edit>test', 'edit>test'])
  })

  it('prints a readable list with outcome notes counted', async () => {
    const io = captureIO(dir)
    expect(await runCli(['mine', '--workspace', path], io)).toBe(0)
    expect(io.out()).toContain('Mined 14 runs (a workflow needs 3 runs): 3 recipe candidates, 0 runs in none.')
    expect(io.out()).toContain(' 1. logs → read → edit → test → doc')
    expect(io.out()).toContain('1 with an outcome note; 0 variants')
    expect(io.out()).toContain('total $60.00, per run median $20.00, p90 $30.00')
    expect(io.out()).toContain('edit → test (generic: only steps nearly every run has)')
  })

  it('mines agent logs read from disk without a workspace', async () => {
    const io = captureIO(dir)
    const logs = resolve(__dirname, '../../test/fixtures/logs')
    expect(await runCli(['mine', '--json', '--min-support', '2', '--min-share', '0', join(logs, 'claude'), join(logs, 'codex')], io)).toBe(0)
    // Four sessions, no two of them the same workflow (two share search, edit, test among a dozen steps).
    expect(JSON.parse(io.out())).toEqual({ totalRuns: 4, minSupport: 2, unmatchedRuns: 4, recipes: [] })
  })

  it('explains bad arguments and missing inputs', async () => {
    const cases: [string[], number, string][] = [
      [['mine'], 2, 'name agent log files or folders, or --workspace FILE'],
      [['mine', '--workspace', path, 'logs/'], 2, 'not both'],
      [['mine', '--workspace', path, '--min-support', 'many'], 2, '--min-support must be a whole number'],
      [['mine', '--workspace', path, '--min-share', '120'], 2, '--min-share must be a percentage'],
      [['mine', '--workspace', 'nope.workfolio'], 1, 'No workspace file'],
      [['mine', 'no-such-folder'], 1, 'No such file or folder'],
    ]
    for (const [args, code, message] of cases) {
      const io = captureIO(dir)
      expect(await runCli(args, io)).toBe(code)
      expect(io.err()).toContain(message)
    }
  })
})
