import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { build } from 'esbuild'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reportExample } from '../test/support/reportFixture'
import { captureIO, tempDir, writeWorkspace } from '../test/support/cliWorkspace'
import { BUNDLED_SERVER, connectClient, RW, startServerProcess, waitFor, WORKSPACE, writeTokenFile } from '../server/test/harness'
import { runCli } from './main'

const ROOT = join(__dirname, '..')
const LOGS = join(ROOT, 'test/fixtures/logs')
const EXPORTS = join(ROOT, 'test/fixtures/billing')

/** `npm run cli` as users run it: scripts/cli.mjs, from its esbuild bundle. */
function bundledCli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } })
}

describe('the bundled command line (npm run cli)', () => {
  it('prints what the TypeScript sources print, for logs and billing exports alike', async () => {
    const args = ['import', '--json', LOGS, join(EXPORTS, 'anthropic-cost-2026-08.csv')]
    const io = captureIO(ROOT)
    expect(await runCli(args, io)).toBe(0)
    // On one thread, and with the logs read on two threads started from the bundle's own reader script.
    for (const threads of ['1', '2']) {
      const bundled = bundledCli(args, { WORKFOLIO_LOG_THREADS: threads })
      expect(bundled.stderr).toBe('')
      expect(bundled.status).toBe(0)
      const output = JSON.parse(bundled.stdout)
      expect(output).toEqual(JSON.parse(io.out()))
      expect(output.runs.length).toBeGreaterThan(2)
      expect(output.charges.count).toBeGreaterThan(0)
    }
  }, 120_000)

  it('reports, mines and exports a review from a workspace: every command the bundle loads lazily', () => {
    const path = join(tempDir(), 'team.workfolio')
    writeWorkspace(path, reportExample())
    for (const args of [
      ['report', '--workspace', path, '--as-of', '2026-08-15'],
      ['report', '--json', '--workspace', path, '--as-of', '2026-08-15'],
      ['mine', '--json', '--workspace', path],
    ]) {
      const result = bundledCli(args)
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
      expect(result.stdout.length).toBeGreaterThan(0)
    }
  }, 120_000)

  it('keeps exit codes and usage errors', () => {
    const result = bundledCli(['import'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Usage: npm run --silent cli -- import')
  }, 120_000)

  it('starts an import without --workspace without loading zod or Yjs (a tenth of a second at every start)', async () => {
    const { metafile } = await build({ entryPoints: [join(ROOT, 'cli/commands/import.ts')], absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, metafile: true, outdir: 'unused' })
    const loadedAtStart = new Set<string>()
    const visit = (path: string) => {
      if (loadedAtStart.has(path)) return
      loadedAtStart.add(path)
      for (const imported of metafile.inputs[path]?.imports ?? []) if (imported.kind !== 'dynamic-import') visit(imported.path)
    }
    visit('cli/commands/import.ts')
    expect(loadedAtStart).toContain('shared/importers/billing/readBillingRows.ts')
    expect(loadedAtStart).not.toContain('zod')
    expect(loadedAtStart).not.toContain('yjs')
    // The agent-log readers, the price table and the step rules load when logs are named.
    expect(loadedAtStart).not.toContain('cli/agentLogs/importAgentLogFiles.ts')
    expect(loadedAtStart).not.toContain('shared/pricing/bundledPrices.json')
    expect(loadedAtStart).not.toContain('shared/steps/labelStep.ts')
  })

  it("bundles zod with its English messages only (its other languages' are never used)", () => {
    expect(bundledCli(['--help']).status).toBe(0)
    const cache = join(ROOT, 'node_modules/.cache/workfolio-cli')
    const [folder] = readdirSync(cache)
      .filter((name) => !name.endsWith('.building'))
      .map((name) => join(cache, name))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    const bundled = readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8')).join('\n')
    // esbuild heads each bundled module with its path.
    const locales = [...bundled.matchAll(/^\/\/ node_modules\/zod\/v4\/locales\/(\S+)$/gm)].map((match) => match[1])
    // The command line's and the sync server's (built apart) each.
    expect(locales.length).toBeGreaterThan(0)
    expect(new Set(locales)).toEqual(new Set(['en.js']))
    expect(bundled).toContain('node_modules/zod/v4/core/schemas.js')
  }, 120_000)

  it('runs the sync server from its own module, which loads the one Yjs the server packages share: two clients sync through it', async () => {
    const data = tempDir()
    const server = await startServerProcess(['--port', '0', '--data', data, '--tokens', writeTokenFile(data)], {}, BUNDLED_SERVER)
    const [writer, reader] = [connectClient(server.url, WORKSPACE, RW), connectClient(server.url, WORKSPACE, RW)]
    try {
      writer.doc.getMap('portfolios').set('p1', 'refactor + tests')
      await waitFor(() => reader.doc.getMap('portfolios').get('p1') === 'refactor + tests', 'the second client to see the change of the first')
    } finally {
      writer.destroy()
      reader.destroy()
      server.child.kill('SIGINT')
      await server.exited
    }
    // The rest of the bundle has its own copy of Yjs, which a second copy in one process warns about.
    expect(server.output()).not.toContain('Yjs was already imported')
    expect(server.output()).toContain('stopping (SIGINT)')
  }, 120_000)

  it('ends a check of one big file that is no billing export, whose second thread was started early and never taken', () => {
    const path = join(tempDir(), 'big.jsonl')
    writeFileSync(path, '{"type":"summary","summary":"a line no agent format reads"}\n'.repeat(150_000))
    expect(statSync(path).size).toBeGreaterThan(8 * 1024 * 1024)
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/cli.mjs'), 'import', '--json', path], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(result.signal).toBeNull()
    expect(JSON.parse(result.stdout).files).toHaveLength(1)
  }, 120_000)
})
