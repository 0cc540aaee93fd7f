import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../../hash/sha256'
import { importAgentLogs } from '../importAgentLogs'
import { isSessionLogPath } from '../sessionLogFormats'
import { memorySources } from '../../../../test/support/memoryLogSources'

const FIXTURE = join(__dirname, '../../../../test/fixtures/logs/gemini')

/** The Gemini fixture as picked: every file a folder import reads, under a home folder. */
function geminiHome(): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {}
  for (const path of readdirSync(FIXTURE, { recursive: true, encoding: 'utf8' })) {
    const picked = `/home/alice/.gemini/${path}`
    if (isSessionLogPath(picked)) files[picked] = readFileSync(join(FIXTURE, path))
  }
  return files
}

const metadata = (id: string, folder: string) => JSON.stringify({ sessionId: id, projectHash: sha256Hex(folder), startTime: '2026-05-14T10:00:00.000Z', lastUpdated: '2026-05-14T10:00:00.000Z', kind: 'main' })
const reply = JSON.stringify({ id: 'g1', timestamp: '2026-05-14T10:01:00.000Z', type: 'gemini', content: '', model: 'gemini-2.5-pro', tokens: { input: 10, output: 2, cached: 0, thoughts: 0, tool: 0, total: 12 } })

describe('Gemini CLI projects: a session’s folder from its project hash', () => {
  it('gives the fixture’s sessions the repository of the folder their .project_root or projects.json names', async () => {
    const files = geminiHome()
    expect(Object.keys(files).some((path) => path.endsWith('.project_root'))).toBe(true)
    const { runs, warnings } = await importAgentLogs(memorySources(files))
    expect(warnings.filter((issue) => /project_root|projects\.json/.test(issue.path))).toEqual([])
    // The older session in a hash-named folder (before .project_root existed) names a project no file lists.
    expect(Object.fromEntries(runs.map((run) => [run.id, run.repo]))).toEqual({
      '7e4f1a2b-5c6d-4e8f-9a0b-1c2d3e4f5a60': 'shop',
      '5d1c9e7a-2b3c-4d5e-8f9a-0b1c2d3e4f50': 'payments',
      '3b9d0c4e-8a7f-4e6d-9c5b-4a3f2e1d0c9b': null,
    })
  })

  it('matches by the SHA-256 of the folder, whichever file names it, and leaves a session of an unknown project without one', async () => {
    const { runs } = await importAgentLogs(
      memorySources({
        'g/.gemini/tmp/a/.project_root': '/home/dana/src/ledger\n',
        'g/.gemini/projects.json': JSON.stringify({ projects: { '/home/dana/src/billing-api': 'billing-api' } }),
        'g/.gemini/tmp/a/chats/session-1.jsonl': [metadata('s-ledger', '/home/dana/src/ledger'), reply].join('\n'),
        'g/.gemini/tmp/b/chats/session-2.jsonl': [metadata('s-billing', '/home/dana/src/billing-api'), reply].join('\n'),
        'g/.gemini/tmp/c/chats/session-3.jsonl': [metadata('s-elsewhere', '/somewhere/else'), reply].join('\n'),
      }),
    )
    expect(Object.fromEntries(runs.map((run) => [run.id, run.repo]))).toEqual({ 's-ledger': 'ledger', 's-billing': 'billing-api', 's-elsewhere': null })
  })

  it('warns about a .project_root that holds no absolute folder, naming the file and line', async () => {
    const { warnings, runs } = await importAgentLogs(memorySources({ 'g/.gemini/tmp/a/.project_root': 'not a path\n' }))
    expect(runs).toEqual([])
    expect(warnings[0]).toMatchObject({ path: 'g/.gemini/tmp/a/.project_root', line: 1 })
  })
})
