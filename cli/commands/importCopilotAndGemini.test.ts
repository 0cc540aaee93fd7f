import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../main'
import { captureIO, tempDir } from './testWorkspace'

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
    expect(output.files.map((file: { format: string }) => file.format)).toEqual(['copilot-cli', 'copilot-cli'])
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
    expect(runs.get('2b8e5a71-4f0c-4d9e-b3a6-5c1d7e9f0a22')).toMatchObject({ models: ['gemini-2.5-pro', 'oswe-vscode-prime'], unpricedModels: ['oswe-vscode-prime'], steps: ['read', 'build', 'doc'] })
    for (const run of output.runs) expect(Number(run.costUSD)).toBeGreaterThan(0)
    expect(output.files[1].warnings).toEqual([{ line: 15, message: 'not a valid JSON record; line skipped' }])
    expect(output.unpriced.models.map((model: { model: string }) => model.model)).toEqual(['oswe-vscode-prime'])
  })
})
