import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../main'
import { captureIO, tempDir } from '../../test/support/cliWorkspace'

const FIXTURES = join(__dirname, '../../test/fixtures/logs')

async function importJson(folder: string) {
  const io = captureIO(tempDir())
  const code = await runCli(['import', '--json', folder], io)
  return { code, output: JSON.parse(io.out()) }
}

describe('cli import of an agent data folder', () => {
  it('GitHub Copilot CLI (~/.copilot): one run per session, with its repository, branch, models, steps and cost', async () => {
    const { code, output } = await importJson(join(FIXTURES, 'copilot'))
    expect(code).toBe(0)
    expect(output.files.map((file: { path: string; format: string }) => [file.path.split('/').pop(), file.format])).toEqual([
      ['events.jsonl', 'copilot-cli'],
      ['workspace.yaml', 'copilot-cli'],
      ['events.jsonl', 'copilot-cli'],
      ['workspace.yaml', 'copilot-cli'],
    ])
    const runs = new Map(output.runs.map((run: { id: string }) => [run.id, run]))
    expect(runs.get('9d3c2f4e-1b7a-4c55-8e21-6a0f3b9c7d10')).toMatchObject({
      tool: 'copilot-cli',
      repo: 'shop',
      branch: 'feat/cart',
      start: '2026-05-12T09:00:00.000Z',
      end: '2026-05-13T14:20:40.000Z',
      models: ['claude-sonnet-4.5', 'gpt-5-mini'],
      steps: ['subagent', 'search', 'edit', 'test', 'mcp', 'git'],
      unpricedModels: [],
    })
    // An older CLI: the folder comes from workspace.yaml, session.start has none.
    expect(runs.get('2b8e5a71-4f0c-4d9e-b3a6-5c1d7e9f0a22')).toMatchObject({ repo: 'payments', models: ['gemini-2.5-pro', 'oswe-vscode-prime'], unpricedModels: ['oswe-vscode-prime'], steps: ['read', 'build', 'doc'] })
    for (const run of output.runs) expect(Number(run.costUSD)).toBeGreaterThan(0)
    expect(output.files[2].warnings).toEqual([{ line: 15, message: 'not a valid JSON record; line skipped' }])
    expect(output.unpriced.models.map((model: { model: string }) => model.model)).toEqual(['oswe-vscode-prime'])
  })

  it('Gemini CLI (~/.gemini): one run per session, a subagent inside its parent, a resumed older session once', async () => {
    const { code, output } = await importJson(join(FIXTURES, 'gemini'))
    expect(code).toBe(0)
    // Three sessions' files, a subagent's, a resumed older copy, and two projects' .project_root.
    expect(output.files).toHaveLength(7)
    expect(new Set(output.files.map((file: { format: string }) => file.format))).toEqual(new Set(['gemini-cli']))
    const runs = new Map(output.runs.map((run: { id: string }) => [run.id, run]))
    expect([...runs.keys()].sort()).toEqual(['3b9d0c4e-8a7f-4e6d-9c5b-4a3f2e1d0c9b', '5d1c9e7a-2b3c-4d5e-8f9a-0b1c2d3e4f50', '7e4f1a2b-5c6d-4e8f-9a0b-1c2d3e4f5a60'])
    expect(runs.get('7e4f1a2b-5c6d-4e8f-9a0b-1c2d3e4f5a60')).toMatchObject({
      tool: 'gemini-cli',
      repo: 'shop',
      start: '2026-05-14T10:02:11.412Z',
      models: ['gemini-2.5-pro', 'gemini-2.5-flash'],
      steps: ['test', 'edit', 'read', 'search', 'mcp', 'read'],
    })
    expect(runs.get('5d1c9e7a-2b3c-4d5e-8f9a-0b1c2d3e4f50')).toMatchObject({ repo: 'payments', start: '2026-04-02T08:30:00.000Z', end: '2026-04-03T14:00:15.000Z', steps: ['build', 'lint'] })
    for (const run of output.runs) expect(Number(run.costUSD)).toBeGreaterThan(0)
    const truncated = output.files.find((file: { path: string }) => file.path.endsWith('session-2026-05-14T10-02-7e4f1a2b.jsonl'))
    expect(truncated.warnings).toEqual([{ line: 13, message: 'truncated last line (no newline at the end; the file was being written); line skipped' }])
  })
})
