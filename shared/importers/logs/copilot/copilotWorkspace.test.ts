import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Run } from '../../../records/run'
import type { AgentSession } from '../agentSession'
import { importAgentLogs } from '../importAgentLogs'
import { memorySources } from '../../../../test/support/memoryLogSources'
import { copilotWorkspaceFormat, copilotWorkspaceReader } from './copilotWorkspace'

const SESSION = '2b8e0000-0000-4000-8000-0000000000c3'

function read(text: string, path = `session-state/${SESSION}/workspace.yaml`): AgentSession {
  let session: AgentSession | null = null
  const reader = copilotWorkspaceReader(path, (done) => (session = done))
  const encoder = new TextEncoder()
  text.split('\n').forEach((line, i) => reader.line(encoder.encode(line), i + 1, true))
  reader.finish()
  return session!
}

describe('copilotWorkspaceReader', () => {
  it('reads the session’s id, folder, repository, branch and times, and nothing of its summary', () => {
    const session = read(`id: ${SESSION}\ncwd: "/home/dana/src/api"\ngit_root: /home/dana/src/api\nrepository: acme/api\nbranch: 'fix: it''s late'\nsummary: |\n  SECRET plan: rewrite\ncreated_at: 2026-05-20T16:02:00.000Z\nupdated_at: 2026-05-20T16:06:10.000Z`)
    expect(session).toEqual({
      tool: 'copilot-cli',
      id: SESSION,
      provider: 'github-copilot',
      cwd: '/home/dana/src/api',
      remoteRepo: 'api',
      branch: "fix: it's late",
      times: [Date.UTC(2026, 4, 20, 16, 2), Date.UTC(2026, 4, 20, 16, 6, 10)],
      steps: [],
      usage: [],
      parentId: null,
    })
  })

  it('names the session after its folder when the file does not', () => {
    expect(read('cwd: /x').id).toBe(SESSION)
  })

  it('is claimed only inside a session folder of session-state', () => {
    const line = new TextEncoder().encode(`id: ${SESSION}`)
    expect(copilotWorkspaceFormat.claims(`session-state/${SESSION}/workspace.yaml`, line)).toBe(true)
    expect(copilotWorkspaceFormat.claims('pnpm-workspace.yaml', line)).toBe(false)
  })
})

it('gives the folder of a session whose events do not name it, and alone makes no run', async () => {
  const start = JSON.stringify({ type: 'session.start', data: { sessionId: SESSION, version: 1, producer: 'copilot-agent', copilotVersion: '0.0.339', startTime: '2026-05-20T16:02:00.000Z' }, id: 'e1', timestamp: '2026-05-20T16:02:00.000Z', parentId: null })
  const shutdown = JSON.stringify({ type: 'session.shutdown', data: { modelMetrics: { 'gpt-5': { requests: { count: 1 }, usage: { inputTokens: 100, outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0 } } } }, id: 'e2', timestamp: '2026-05-20T16:06:00.000Z', parentId: 'e1' })
  const workspace = `id: ${SESSION}\ncwd: /home/dana/src/payments\ncreated_at: 2026-05-20T16:02:00.000Z\n`
  const both = await importAgentLogs(memorySources({ [`session-state/${SESSION}/events.jsonl`]: `${start}\n${shutdown}\n`, [`session-state/${SESSION}/workspace.yaml`]: workspace }))
  expect(both.runs.map((run) => [run.id, run.repo])).toEqual([[SESSION, 'payments']])
  const alone = await importAgentLogs(memorySources({ [`session-state/${SESSION}/workspace.yaml`]: workspace }))
  expect(alone.runs).toEqual([])
  expect(alone.warnings).toEqual([])
})

it('never throws on random or broken workspace files, next to events or alone', async () => {
  const line = fc.oneof(fc.constantFrom('id: x', 'cwd: "/a', "branch: 'b", 'created_at: 2026-13-45', 'repository: ', 'updated_at: 2026-05-20T16:06:10.000Z'), fc.string(), fc.json())
  await fc.assert(
    fc.asyncProperty(fc.array(line, { maxLength: 10 }), fc.integer({ min: 1, max: 32 }), async (lines, chunkSize) => {
      const result = await importAgentLogs(memorySources({ [`session-state/${SESSION}/workspace.yaml`]: lines.join('\n') }, chunkSize))
      expect(result.errors).toEqual([])
      for (const run of result.runs) expect(Run.safeParse(run).success).toBe(true)
    }),
    { numRuns: 200 },
  )
})

