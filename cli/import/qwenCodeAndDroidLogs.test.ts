import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../main'
import { captureIO, tempDir } from '../../test/support/cliWorkspace'

const FIXTURES = join(__dirname, '../../test/fixtures/logs')

async function importJson(dir: string, args: string[]) {
  const io = captureIO(dir)
  const code = await runCli(['import', '--json', ...args], io)
  return { code, output: JSON.parse(io.out()) }
}

const summary = (run: { id: string; tool: string; repo: string | null; steps: string[] }) => [run.id, run.tool, run.repo, run.steps.join(' ')]

describe('cli import of Qwen Code and Factory Droid stores', () => {
  it('imports a Qwen Code data folder (~/.qwen): a run per session, a sub-session in its parent', async () => {
    const dir = tempDir()
    cpSync(join(FIXTURES, 'qwen-code'), join(dir, '.qwen'), { recursive: true })
    const { code, output } = await importJson(dir, ['.qwen'])
    expect(code).toBe(0)
    expect(output.files.map((file: { format: string }) => file.format)).toEqual(['qwen-code', 'qwen-code', 'qwen-code', 'qwen-code'])
    expect(output.files[0].warnings).toEqual([{ line: 8, message: 'not a valid JSON record; line skipped' }])
    expect(output.runs.map(summary)).toEqual([
      ['6f1c0000-0000-4000-8000-000000000001', 'qwen-code', 'billing-api', 'test edit search git doc'],
      ['6f1c0000-0000-4000-8000-000000000002', 'qwen-code', 'web', 'lint doc subagent build'],
      ['6f1c0000-0000-4000-8000-000000000003', 'qwen-code', 'web', 'test'],
    ])
    expect(output.runs[1]).toMatchObject({ branch: 'main', models: ['gpt-5'], costUSD: '0.019515' })
  })

  it('imports a Factory Droid data folder (~/.factory): transcript and settings as one run, a subagent’s session in its caller', async () => {
    const dir = tempDir()
    cpSync(join(FIXTURES, 'droid'), join(dir, '.factory'), { recursive: true })
    const { code, output } = await importJson(dir, ['.factory'])
    expect(code).toBe(0)
    expect(output.files).toHaveLength(8)
    expect(output.files.every((file: { format: string; status: string }) => file.format === 'droid' && file.status === 'ok')).toBe(true)
    expect(output.runs.map(summary)).toEqual([
      ['de1a0000-0000-4000-8000-000000000001', 'droid', 'api', 'read test edit subagent lint git'],
      ['de1a0000-0000-4000-8000-000000000003', 'droid', null, ''],
    ])
    expect(output.runs[0].tokens).toEqual({ input: 23600, output: 13700, cacheWrite: 41000, cacheRead: 1262000, reasoning: 2700 })
    expect(output.unpriced.models.map((model: { model: string }) => model.model)).toEqual(['glm-4.6-0'])
  })

  it('finds both stores in a home folder picked whole, beside Claude Code’s', async () => {
    const dir = tempDir()
    cpSync(join(FIXTURES, 'qwen-code'), join(dir, 'home/.qwen'), { recursive: true })
    cpSync(join(FIXTURES, 'droid'), join(dir, 'home/.factory'), { recursive: true })
    cpSync(join(FIXTURES, 'claude'), join(dir, 'home/.claude'), { recursive: true })
    const { output } = await importJson(dir, ['home'])
    const tools = output.runs.map((run: { tool: string }) => run.tool)
    expect(tools.filter((tool: string) => tool === 'qwen-code')).toHaveLength(3)
    expect(tools.filter((tool: string) => tool === 'droid')).toHaveLength(2)
    expect(tools.filter((tool: string) => tool === 'claude-code')).toHaveLength(2)
  })
})
