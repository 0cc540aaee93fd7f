import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ccusageJson } from '../../../test/support/ccusage'
import { gooseDataFolder } from '../../../test/support/gooseStore'
import { temporaryFolder } from '../../../test/support/tempDirs'
import { runCli } from '../../main'
import { captureIO } from '../../../test/support/cliWorkspace'
import { ccusageAvailable } from '../../../test/support/ccusageBinary'

/**
 * Goose's store against ccusage 20.0.24 (`ccusage goose session`), and `cli import` of the Goose
 * data folder (sessions.db built from the fixture's SQL script, plus an older session file).
 *
 * Two readings differ from ccusage's, on purpose:
 * - a session without a recorded model (one Goose imported from its older session files) is a
 *   run here, its tokens under the model "unknown"; ccusage leaves it out;
 * - a total above input plus output (a Gemini model's thinking) is output here and reasoning
 *   too; ccusage prices it as output but leaves it out of `outputTokens` (it is in its total).
 */
const SESSION_WITHOUT_MODEL = '20250110_093000'

async function importedRuns(data: string): Promise<{ files: any[]; runs: any[] }> {
  const io = captureIO(temporaryFolder())
  expect(await runCli(['import', '--json', data], io)).toBe(0)
  return JSON.parse(io.out())
}

describe('cli import of a Goose data folder', () => {
  it('imports every session of sessions.db and the older session file, counting the copied session once', async () => {
    const { files, runs } = await importedRuns(gooseDataFolder())
    expect(files.map((file) => [file.path.split('/').pop(), file.format, file.records])).toEqual([
      ['20250110_093000.jsonl', 'goose', 1],
      ['sessions.db', 'goose', 4],
    ])
    expect(files[0].warnings).toEqual([{ line: 6, message: 'truncated last line (no newline at the end; the file was being written); line skipped' }])
    expect(runs.map((run) => run.id).sort()).toEqual(['20250110_093000', '20260301_1', '20260302_1', '20260302_2'])
    const old = runs.find((run) => run.id === SESSION_WITHOUT_MODEL)
    expect(old).toMatchObject({ repo: 'ledger', models: ['unknown'], tokens: { input: 9000, output: 700 }, steps: ['test', 'edit'] })
    const ledger = runs.find((run) => run.id === '20260301_1')
    expect(ledger).toMatchObject({ tool: 'goose', repo: 'ledger', branch: null, start: '2026-03-01T09:15:00.000Z', end: '2026-03-01T09:48:12.000Z' })
    expect(ledger.steps).toEqual(['read', 'edit', 'test', 'plan', 'mcp', 'git'])
  })
})

describe.runIf(ccusageAvailable())('Goose conformance with ccusage goose session --json --offline', () => {
  it('the same token totals and costs per session, but for the differences above', async () => {
    const data = gooseDataFolder()
    const report = ccusageJson(['goose', 'session'], { HOME: temporaryFolder('ccusage-home-'), GOOSE_PATH_ROOT: dirname(data) })
    const { runs } = await importedRuns(data)
    expect(runs.map((run) => run.id).sort()).toEqual([...report.sessions.map((session: any) => session.sessionId), SESSION_WITHOUT_MODEL].sort())
    for (const session of report.sessions) {
      const run = runs.find((candidate) => candidate.id === session.sessionId)
      const { input, output, reasoning, cacheWrite, cacheRead } = run.tokens
      expect({ id: run.id, input, output: output - reasoning, total: input + output + cacheWrite + cacheRead }).toEqual({
        id: session.sessionId,
        input: session.inputTokens,
        output: session.outputTokens,
        total: session.totalTokens,
      })
      expect(Number(run.costUSD)).toBeCloseTo(session.totalCost, 9)
    }
    expect(runs.some((run) => run.tokens.reasoning > 0)).toBe(true)
  })
})
