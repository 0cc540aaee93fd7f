import { cpSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../main'
import { captureIO, tempDir } from '../../test/support/cliWorkspace'
import { openWorkspaceFile } from '../workspaceStore'

const FIXTURES = join(__dirname, '../../test/fixtures/logs')
/** The Claude Code and Codex fixtures (each other agent's import has a test of its own). */
const CLAUDE_AND_CODEX = ['claude', 'codex'].map((agent) => join(FIXTURES, agent))

function copyClaudeAndCodex(dir: string): void {
  for (const agent of ['claude', 'codex']) cpSync(join(FIXTURES, agent), join(dir, 'logs', agent), { recursive: true })
}
const S1 = '5a1e0000-0000-4000-8000-000000000001'

async function importJson(dir: string, args: string[]) {
  const io = captureIO(dir)
  const code = await runCli(['import', '--json', ...args], io)
  return { code, output: JSON.parse(io.out()), stderr: io.err() }
}

describe('cli import of agent logs', () => {
  it('fills runs and lists every log file with kind "runs"', async () => {
    const dir = tempDir()
    copyClaudeAndCodex(dir)
    const { code, output } = await importJson(dir, ['logs'])
    expect(code).toBe(0)
    expect(output.files).toHaveLength(6)
    expect(output.files.every((file: { kind: string; status: string }) => file.kind === 'runs' && file.status === 'ok')).toBe(true)
    expect(output.files.find((file: { path: string }) => file.path === `logs/claude/projects/-home-alice-work-shop/${S1}.jsonl`)).toEqual({
      path: `logs/claude/projects/-home-alice-work-shop/${S1}.jsonl`,
      format: 'claude-code',
      kind: 'runs',
      status: 'ok',
      records: 1,
      errors: [],
      warnings: [
        { line: 6, message: 'not a valid JSON record; line skipped' },
        { line: 17, message: 'truncated last line (no newline at the end; the file was being written); line skipped' },
      ],
    })
    expect(output.runs).toHaveLength(4)
    expect(output.runs.find((run: { id: string }) => run.id === S1)).toEqual({
      id: S1,
      tool: 'claude-code',
      repo: 'shop',
      branch: 'feature/cart',
      start: '2026-03-31T23:50:00.000Z',
      end: '2026-04-01T00:08:20.000Z',
      models: ['claude-sonnet-4-5-20250929', 'claude-haiku-4-5-20251001'],
      tokens: { input: 47, output: 710, cacheWrite: 1500, cacheRead: 30100, reasoning: 0 },
      costUSD: '0.023506',
      unpricedModels: [],
      steps: ['search', 'read', 'edit', 'build', 'test', 'doc', 'command', 'subagent'],
    })
  })

  it('lists the models without a price, with run counts and tokens, in JSON and in the text report', async () => {
    const dir = tempDir()
    copyClaudeAndCodex(dir)
    const { output } = await importJson(dir, ['logs'])
    expect(output.unpriced).toEqual({
      runs: 1,
      models: [{ model: 'claude-mystery-9', runs: 1, tokens: { input: 100, output: 10, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, reasoning: 0 } }],
    })
    const io = captureIO(dir)
    expect(await runCli(['import', 'logs'], io)).toBe(0)
    expect(io.out()).toContain('Warning: 1 run on 1 model has no price; their cost is counted as 0.')
    expect(io.out()).toContain('  claude-mystery-9  1 run  110 tokens (input 100, output 10, cache write 0, cache read 0)\n')
  })

  it('warns about nothing when every model has a price', async () => {
    const dir = tempDir()
    const rollout = join(FIXTURES, 'codex/sessions/2026/02/12/rollout-2026-02-12T10-00-00-019b0000-0000-7000-8000-0000000000c1.jsonl')
    const io = captureIO(dir)
    expect(await runCli(['import', rollout], io)).toBe(0)
    expect(io.out()).not.toContain('no price')
    expect((await importJson(dir, [rollout])).output.unpriced).toEqual({ runs: 0, models: [] })
  })

  it('prices with --pricing FILE instead of the bundled table', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'prices.json'), JSON.stringify({ 'gpt-5-codex': { input_cost_per_token: 1e-6, output_cost_per_token: 1e-5, cache_read_input_token_cost: 1e-7 } }))
    const rollout = join(FIXTURES, 'codex/sessions/2026/02/12/rollout-2026-02-12T10-00-00-019b0000-0000-7000-8000-0000000000c1.jsonl')
    const { output } = await importJson(dir, ['--pricing', 'prices.json', rollout])
    // gpt-5-codex: 2000·1 + 8000·0.1 + 500·10 = 7800; gpt-5-mini is not in that table.
    expect(output.runs[0]).toMatchObject({ costUSD: '0.0078', unpricedModels: ['gpt-5-mini'], tokens: { input: 5000, cacheRead: 20000, output: 900, reasoning: 300 } })
  })

  it('stores one batch in the workspace; importing again adds nothing and counts nothing twice', async () => {
    const dir = tempDir()
    const args = ['--workspace', 'team.wfo', ...CLAUDE_AND_CODEX]
    const first = await importJson(dir, args)
    expect(first.code).toBe(0)
    const again = await importJson(dir, args)
    expect(again.output.files.every((file: { status: string }) => file.status === 'duplicate')).toBe(true)
    const workspace = openWorkspaceFile(join(dir, 'team.wfo'))
    expect(workspace.ledger.list().records.filter((batch) => batch.kind === 'runs')).toHaveLength(1)
    expect(workspace.ledger.runs().records).toHaveLength(4)
  })
})
