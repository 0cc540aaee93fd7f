import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { runCli } from '../main'
import { captureIO, tempDir } from '../../test/support/cliWorkspace'
import { openWorkspaceFile } from '../workspaceStore'
import { startPartThreadEarly } from './billingSecondPart'

// Counts the second parts counted in, so the test knows the thread's part was taken; `oneThread` reads files on one.
const taken = vi.hoisted(() => ({ parts: 0, oneThread: false }))
vi.mock('./billingSecondPart', async (importOriginal) => {
  const original = await importOriginal<typeof import('./billingSecondPart')>()
  return {
    ...original,
    withSecondPartOnThread: async (...args: Parameters<typeof original.withSecondPartOnThread>) => {
      if (taken.oneThread) return args[0]
      const source = await original.withSecondPartOnThread(...args)
      const part = source.secondPart
      if (!part) return source
      return { ...source, secondPart: { ...part, taken: () => (taken.parts++, part.taken()) } }
    },
  }
})

const HEADER = 'usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,list_price_usd,cost_type,inference_geo,speed,api_key_id,api_key_status'
// Rows of no cost only in the second part, from line 40,007 (row 40,005): the first is reported at its line.
const row = (i: number, cost = (i % 7 === 0 && i > 40_000 ? 0 : (i + 1) / 100).toFixed(2)) =>
  `2026-08-${String(1 + (i % 28)).padStart(2, '0')},Claude Sonnet 4.6,"Default, team",key ${i},message,≤ 200k,output,${cost},${cost},token,global,,apikey_${i},active`

/** A 9.5 MB export: past the size a check reads on two threads, with what the second part must report at the right line. */
function bigExport(): string {
  const lines = [HEADER]
  for (let i = 0; i < 75_000; i++) lines.push(row(i))
  // In the second part: a pasted header, and the file's first repeat (row 10's key, another cost).
  lines.splice(60_000, 0, HEADER)
  lines.splice(65_000, 0, row(10, '9.99'))
  return lines.join('\n') + '\n'
}

describe('import --json of a big billing file (read on two threads)', () => {
  it('starts the second thread early only for a big billing export, not for a session log, an outcome export or a small export', () => {
    const dir = tempDir()
    const big = 'x'.repeat(9 * 1024 * 1024)
    for (const name of ['cost.csv', 'session.jsonl', 'outcomes.json']) writeFileSync(join(dir, name), big)
    writeFileSync(join(dir, 'small.csv'), 'a,b\n1,2\n')
    expect(startPartThreadEarly(join(dir, 'session.jsonl'))).toBe(false)
    expect(startPartThreadEarly(join(dir, 'outcomes.json'))).toBe(false)
    expect(startPartThreadEarly(join(dir, 'small.csv'))).toBe(false)
    expect(startPartThreadEarly(join(dir, 'cost.csv'))).toBe(true)
    // Asked again (for a path that is no file), the thread started is ended.
    expect(startPartThreadEarly(join(dir, 'missing.csv'))).toBe(false)
  })

  it('reports what storing it reports: the same totals, counts and warnings at the same lines', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'cost.csv'), bigExport())
    const checked = captureIO(dir)
    expect(await runCli(['import', '--json', 'cost.csv'], checked)).toBe(0)
    expect(taken.parts).toBe(1)

    const stored = captureIO(dir)
    expect(await runCli(['import', '--json', '--workspace', 'team.workfolio', 'cost.csv'], stored)).toBe(0)
    expect(taken.parts).toBe(1)
    expect(checked.out()).toBe(stored.out())
    const { files } = JSON.parse(checked.out()) as { files: { records: number; warnings: { line: number; message: string }[] }[] }
    expect(files[0].records).toBe(75_001)
    expect(files[0].warnings.map((warning) => warning.line)).toEqual([60_001, 40_007, 65_001])
  }, 60_000)

  /** The file imported into a new workspace on two threads and on one: the output, and the stored batches without their import time. */
  async function importedBothWays(text: string, flags: string[] = []) {
    const dir = tempDir()
    writeFileSync(join(dir, 'cost.csv'), text)
    const results = []
    for (const oneThread of [false, true]) {
      taken.oneThread = oneThread
      const before = taken.parts
      const io = captureIO(dir)
      const workspace = `${oneThread ? 'one' : 'two'}.workfolio`
      const code = await runCli(['import', '--json', ...flags, '--workspace', workspace, 'cost.csv'], io)
      const batches = openWorkspaceFile(join(dir, workspace))
        .ledger.list()
        .records.map(({ importedAt: _, ...meta }) => meta)
      results.push({ code, out: io.out(), batches, taken: taken.parts - before })
    }
    taken.oneThread = false
    return { twoThreads: results[0], oneThread: results[1] }
  }

  it('with --workspace, builds the second part\'s columns on its thread and stores the batch one thread stores, byte for byte', async () => {
    const lines = [HEADER, ...Array.from({ length: 75_000 }, (_, i) => row(i))]
    // Keys repeated within the second part only: numbered there as one thread numbers them.
    lines.splice(70_000, 0, row(60_000, '9.99'))
    const { twoThreads, oneThread } = await importedBothWays(lines.join('\n') + '\n')
    expect(twoThreads.taken).toBe(1)
    expect(twoThreads.code).toBe(0)
    expect(twoThreads.out).toBe(oneThread.out)
    expect(twoThreads.batches).toEqual(oneThread.batches)
    expect(twoThreads.batches[0]).toMatchObject({ records: 75_001, warnings: expect.arrayContaining([{ line: 70_001, message: expect.stringContaining('same key') }]) })
  }, 60_000)

  it('with --workspace, reads the second part itself when it repeats a key of the first or has a bad row (skipped)', async () => {
    const repeated = [HEADER, ...Array.from({ length: 75_000 }, (_, i) => row(i))]
    repeated.splice(70_000, 0, row(10, '9.99'))
    const cross = await importedBothWays(repeated.join('\n') + '\n')
    expect(cross.twoThreads.taken).toBe(0)
    expect(cross.twoThreads.batches).toEqual(cross.oneThread.batches)
    expect(cross.twoThreads.out).toBe(cross.oneThread.out)

    const bad = [HEADER, ...Array.from({ length: 75_000 }, (_, i) => row(i))]
    bad.splice(70_000, 0, '2026-08-01,too,few')
    const skipped = await importedBothWays(bad.join('\n') + '\n', ['--skip-bad-rows'])
    expect(skipped.twoThreads.taken).toBe(0)
    expect(skipped.twoThreads.code).toBe(skipped.oneThread.code)
    expect(skipped.twoThreads.batches).toEqual(skipped.oneThread.batches)
    expect(skipped.twoThreads.batches[0].skipped).toEqual([{ line: 70_001, message: 'expected 14 columns, found 3' }])
  }, 60_000)
})
