import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureHome } from '../../test/support/sqliteFixture'
import { runCli } from '../main'
import { captureIO } from '../../test/support/cliWorkspace'

const FIXTURES = join(__dirname, '../../test/fixtures/logs')

async function importJson(cwd: string, folder: string) {
  const io = captureIO(cwd)
  const code = await runCli(['import', '--json', folder], io)
  return { code, output: JSON.parse(io.out()) }
}

describe('cli import of an OpenCode or Kilo CLI data folder', () => {
  it('imports opencode.db and the storage/ files as one run per session, subagents folded, the migrated session once', async () => {
    const home = fixtureHome(join(FIXTURES, 'opencode'), { 'opencode.db.sql': '.local/share/opencode/opencode.db' })
    const { code, output } = await importJson(home, '.local/share/opencode')
    expect(code).toBe(0)
    const runs = Object.fromEntries(output.runs.map((run: any) => [run.id, run]))
    expect(Object.keys(runs).sort()).toEqual(['ses_2a0f9e8d7ffeFirstShapeV01a', 'ses_3d77b1e2affeOlderJsonOnly1', 'ses_4e88a0c3bffeMigratedJson01', 'ses_5a1f3c2b0ffeAbCdEf01234567', 'ses_5a40e7f1cffeForkOfRetryFix1'])
    expect(runs.ses_5a1f3c2b0ffeAbCdEf01234567).toMatchObject({ tool: 'opencode', repo: 'api-server', steps: ['test', 'subagent', 'search', 'read', 'edit', 'git'] })
    expect(runs.ses_5a1f3c2b0ffeAbCdEf01234567.tokens).toEqual({ input: 3800 + 5400, output: 610 + 410, cacheWrite: 3800 + 5200, cacheRead: 27100, reasoning: 0 })
    // The fork: its own request and step only, not those it copied from its source.
    expect(runs.ses_5a40e7f1cffeForkOfRetryFix1).toMatchObject({ steps: ['lint'], tokens: { input: 1900, output: 240 } })
    expect(runs.ses_4e88a0c3bffeMigratedJson01).toMatchObject({ steps: ['build'], tokens: { input: 8000, output: 2000, reasoning: 1400 } })
    expect(runs.ses_2a0f9e8d7ffeFirstShapeV01a).toMatchObject({ repo: 'cli-tool', steps: ['test', 'edit'], tokens: { input: 4300, output: 880 } })
    expect(runs.ses_3d77b1e2affeOlderJsonOnly1).toMatchObject({ repo: 'web-app', steps: ['doc', 'web'], unpricedModels: ['qwen3-coder-local'] })
    expect(output.unpriced.models.map((model: any) => model.model)).toEqual(['qwen3-coder-local'])
    const warnings = output.files.flatMap((file: any) => file.warnings.map((warning: any) => `${file.path.split('/').pop()}:${warning.line}: ${warning.message}`))
    expect(warnings).toContain('opencode.db:7: message msg_c3000000003Qx7YhalfWritten: its data is not a JSON object (the row may be half-written); skipped')
    expect(warnings).toContain('msg_d4000000003Qx7YolderBroken.json:6: the JSON ends early (cut short, or still being written); file skipped')
    expect(output.files.every((file: any) => file.errors.length === 0)).toBe(true)
    expect(JSON.stringify(output)).not.toMatch(/SECRET-/)
  })

  it('imports kilo.db as Kilo CLI runs', async () => {
    const home = fixtureHome(join(FIXTURES, 'kilo'), { 'kilo.db.sql': '.local/share/kilo/kilo.db' })
    const { code, output } = await importJson(home, '.local/share/kilo')
    expect(code).toBe(0)
    expect(output.files.map((file: any) => [file.path, file.format, file.status])).toEqual([['.local/share/kilo/kilo.db', 'kilo', 'ok']])
    expect(output.runs).toHaveLength(1)
    expect(output.runs[0]).toMatchObject({ id: 'ses_6b11d2e3cffeKiloOrchestr01', tool: 'kilo', repo: 'shop', steps: ['subagent', 'edit', 'test'] })
    expect(JSON.stringify(output)).not.toMatch(/SECRET-/)
  })
})
