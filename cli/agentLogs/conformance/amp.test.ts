import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ccusageJson } from '../../../test/support/ccusage'
import { temporaryFolder } from '../../../test/support/tempDirs'
import { runCli } from '../../main'
import { captureIO } from '../../../test/support/cliWorkspace'
import { ccusageAvailable } from '../../../test/support/ccusageBinary'

/**
 * Amp threads against ccusage 20.0.24 (`ccusage amp session`), and `cli import` of the Amp data
 * folder. The fixture holds a current thread (usage per message, an unknown model, a cancelled
 * turn), an older one (usage ledger, a total-only event) and a thread cut off while written.
 */
const AMP_DIR = resolve(__dirname, '../../../test/fixtures/logs/amp')

async function importedRuns(): Promise<{ files: any[]; runs: any[] }> {
  const io = captureIO(temporaryFolder())
  expect(await runCli(['import', '--json', AMP_DIR], io)).toBe(0)
  return JSON.parse(io.out())
}

describe('cli import of an Amp data folder', () => {
  it('imports each thread as a run, and names the damaged thread and its line', async () => {
    const { files, runs } = await importedRuns()
    expect(files.map((file) => [file.path.split('/').pop(), file.format, file.records])).toEqual([
      ['T-5b8e1f3c-2d4a-4c6e-9f10-3a7b2c1d0a01.json', 'amp', 1],
      ['T-5b8e1f3c-2d4a-4c6e-9f10-3a7b2c1d0a02.json', 'amp', 1],
      ['T-5b8e1f3c-2d4a-4c6e-9f10-3a7b2c1d0a03.json', 'amp', 0],
    ])
    expect(files[2].warnings[0]).toEqual({ line: 11, message: 'the JSON ends early (cut short, or still being written); file skipped' })
    const current = runs.find((run) => run.id === 'T-5b8e1f3c-2d4a-4c6e-9f10-3a7b2c1d0a01')
    expect(current).toMatchObject({ tool: 'amp', repo: 'billing-api', branch: 'fix-rounding', start: '2026-02-12T08:20:00.000Z', end: '2026-02-12T08:23:31.000Z' })
    expect(current.steps).toEqual(['read', 'search', 'edit', 'test', 'subagent', 'plan', 'doc', 'git'])
    expect(current.unpricedModels).toEqual(['amp-experimental-sprint'])
  })
})

describe.runIf(ccusageAvailable())('Amp conformance with ccusage amp session --json --offline', () => {
  it('the same token totals and costs per thread', async () => {
    const report = ccusageJson(['amp', 'session'], { HOME: temporaryFolder('ccusage-home-'), AMP_DATA_DIR: AMP_DIR })
    const { runs } = await importedRuns()
    expect(runs.map((run) => run.id).sort()).toEqual(report.sessions.map((session: any) => session.sessionId).sort())
    for (const session of report.sessions) {
      const run = runs.find((candidate) => candidate.id === session.sessionId)
      const { input, output, cacheWrite, cacheRead } = run.tokens
      expect({ id: run.id, input, output, cacheWrite, cacheRead }).toEqual({
        id: session.sessionId,
        input: session.inputTokens,
        output: session.outputTokens,
        cacheWrite: session.cacheCreationTokens,
        cacheRead: session.cacheReadTokens,
      })
      expect(Number(run.costUSD)).toBeCloseTo(session.totalCost, 9)
    }
  })
})

