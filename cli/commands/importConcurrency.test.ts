import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspaceFile } from '../workspaceStore'
import { tempDir } from '../../test/support/cliWorkspace'

const ROOT = join(__dirname, '../..')
const EXPORTS = join(ROOT, 'test/fixtures/billing')

/** `npm run cli -- import` in its own process. */
function importProcess(workspace: string, file: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/cli.mjs'), 'import', '--workspace', workspace, join(EXPORTS, file)], { cwd: ROOT })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

describe('two imports into one workspace at once', () => {
  it('keeps both imports, every time (each takes the workspace lock in turn)', async () => {
    const files = ['anthropic-cost-2026-08.csv', 'openai-cost-2025-10.csv']
    for (let round = 0; round < 5; round++) {
      const workspace = join(tempDir(), 'team.wf')
      const results = await Promise.all(files.map((file) => importProcess(workspace, file)))
      for (const result of results) {
        expect(result.status, result.stderr).toBe(0)
        expect(result.stdout).toContain('Saved to')
      }
      const stored = openWorkspaceFile(workspace).ledger.list().records.flatMap((batch) => batch.fileNames)
      expect(stored.sort()).toEqual(files)
    }
  }, 120_000)
})
