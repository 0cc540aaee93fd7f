import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reportExample } from '../../shared/reports/reportFixture'
import { applyReviewAction, createReview } from '../../shared/review'
import { runCli } from '../main'
import { openWorkspaceFile } from '../workspaceStore'
import { captureIO, tempDir, writeWorkspace } from './testWorkspace'

describe('cli review export', () => {
  const dir = tempDir()
  const path = join(dir, 'team.workfolio')
  writeWorkspace(path, reportExample())
  const workspace = openWorkspaceFile(path)
  createReview(workspace.governance, { id: 'rv-q2', period: '2026-Q2', facilitator: 'ana', at: '2026-07-01T09:00:00.000Z' })
  createReview(workspace.governance, { id: 'rv-q3', period: '2026-Q3', facilitator: 'ana', at: '2026-10-01T09:00:00.000Z' })
  for (let i = 0; i < 4; i++) applyReviewAction(workspace.governance, 'rv-q3', { type: 'advance' }, 'ana')
  const grow = { portfolioId: 'incidents', decision: 'grow' as const, nextEnvelope: { amount: '4000', currency: 'USD' }, note: 'MTTR halved' }
  applyReviewAction(workspace.governance, 'rv-q3', { type: 'decidePortfolio', decision: grow }, 'ben')
  applyReviewAction(workspace.governance, 'rv-q3', { type: 'vote', subject: 'incidents' }, 'ben')
  workspace.save()

  it('prints the latest review as Markdown with the period’s data', async () => {
    const io = captureIO(dir)
    expect(await runCli(['review', 'export', '--workspace', 'team.workfolio'], io)).toBe(0)
    const markdown = io.out()
    expect(markdown).toContain('# Quarterly review 2026-Q3')
    expect(markdown).toContain('- Participants: 2')
    expect(markdown).toContain('- Agent runs: 4')
    expect(markdown).toContain('| Incident triage | $60.00 | $3,000.00 | 1 | 1 of 1 |')
    expect(markdown).toContain('| w1 | $10.00 | Refactor + tests | edit → test |')
    expect(markdown).toContain('| u1 | $10.00 | unassigned | — |')
    expect(markdown).toContain('| Incident triage | grow | $4,000.00 | MTTR halved |')
    expect(markdown).toContain('| Incident triage | 1 |')
    expect(markdown).not.toContain('ben')
  })

  it('prints the review asked for', async () => {
    const io = captureIO(dir)
    expect(await runCli(['review', 'export', '--workspace', path, '--review', 'rv-q2'], io)).toBe(0)
    expect(io.out()).toContain('# Quarterly review 2026-Q2')
    expect(io.out()).toContain('- Agent runs: 0')
  })

  it('explains bad arguments and missing reviews', async () => {
    const cases: [string[], number, string][] = [
      [['review'], 2, 'say what to do with the review: export'],
      [['review', 'print'], 2, 'unknown review subcommand "print"'],
      [['review', 'export'], 2, '--workspace FILE is required'],
      [['review', 'export', '--workspace', path, '--review', 'rv-none'], 1, 'No review rv-none'],
      [['review', 'export', '--workspace', join(dir, 'empty.workfolio')], 1, 'No workspace file'],
    ]
    for (const [args, code, message] of cases) {
      const io = captureIO(dir)
      expect(await runCli(args, io)).toBe(code)
      expect(io.err()).toContain(message)
    }
  })
})
