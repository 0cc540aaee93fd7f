import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyze } from '../../shared/analysis/analyze'
import { makeRun } from '../../test/support/analysisFixtures'
import { readAnalysisInput } from '../../shared/analysis/workspaceInput'
import { createBatch } from '../../shared/batches/batch'
import { reportExample } from '../../test/support/reportFixture'
import type { Run } from '../../shared/records/run'
import { analysisForReview, applyReviewAction, closeReview, createReview, reviewReportWithCandidates } from '../../shared/review'
import { changePortfolio } from '../../shared/workspace/portfolioHistory'
import { runCli } from '../main'
import { openWorkspaceFile } from '../workspaceStore'
import { captureIO, saveTestWorkspace, tempDir, writeWorkspace } from '../../test/support/cliWorkspace'

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
  saveTestWorkspace(workspace)

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

  it('prints what people typed as text, never as HTML or a javascript: link', async () => {
    const hostilePath = join(dir, 'hostile.workfolio')
    writeWorkspace(hostilePath, reportExample())
    const hostile = openWorkspaceFile(hostilePath)
    createReview(hostile.governance, { id: 'rv-x', period: '2026-Q3', facilitator: 'ana', at: '2026-10-01T09:00:00.000Z' })
    for (let i = 0; i < 4; i++) applyReviewAction(hostile.governance, 'rv-x', { type: 'advance' }, 'ana')
    const note = '<img src=x onerror=alert(1)> [see](javascript:alert(1))'
    applyReviewAction(hostile.governance, 'rv-x', { type: 'decidePortfolio', decision: { ...grow, note } }, 'ana')
    saveTestWorkspace(hostile)
    const io = captureIO(dir)
    expect(await runCli(['review', 'export', '--workspace', hostilePath], io)).toBe(0)
    expect(io.out()).toContain('| Incident triage | grow | $4,000.00 | &lt;img src=x onerror=alert(1)&gt; &#91;see&#93;(javascript&#58;alert(1)) |')
    expect(io.out()).not.toMatch(/<img|\]\(javascript:/)
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

describe('cli review export of a closed review', () => {
  const dir = tempDir()
  const path = join(dir, 'closed.workfolio')
  writeWorkspace(path, reportExample())

  async function exported(): Promise<string> {
    const io = captureIO(dir)
    expect(await runCli(['review', 'export', '--workspace', path, '--review', 'rv-q3'], io)).toBe(0)
    return io.out()
  }

  function importRuns(workspace: ReturnType<typeof openWorkspaceFile>, fileName: string, runs: Run[]): void {
    const batch = createBatch({ kind: 'runs', format: 'test', fileNames: [fileName], records: runs, totals: {}, from: null, to: null, skipped: [], warnings: [], importedAt: '2026-10-20T00:00:00.000Z' })
    workspace.ledger.add(batch)
  }
  const review = (id: string, day: number, costUSD: string) =>
    makeRun({ id, repo: 'acme/web', costUSD, steps: ['read', 'plan', 'edit', 'test', 'commit'], start: `2026-08-${String(day).padStart(2, '0')}T10:00:00.000Z` })

  /** Later imports (runs that change what mining finds), a retroactive rename and envelope change, an edited outcome note, and re-pricing settings. */
  function editLater(): void {
    const workspace = openWorkspaceFile(path)
    importRuns(workspace, 'late.jsonl', [
      makeRun({ id: 'late', repo: 'acme/api', costUSD: '99', steps: ['logs', 'edit', 'test'], start: '2026-07-20T10:00:00.000Z' }),
      ...[20, 21, 22].map((day) => review(`late-${day}`, day, '40')),
    ])
    workspace.governance.annotations.text('i1').insert(0, 'Edited later: ')
    changePortfolio(workspace.governance, 'incidents', { name: 'Triage (renamed)', envelope: { amount: '1', currency: 'USD', period: 'quarter', rollover: false } }, { by: 'p-x', at: '2026-10-21T00:00:00.000Z', effectiveFrom: null })
    // A fixed $1 threshold: every run above it is high-cost now, i1 included.
    workspace.governance.settings.set('highCostRule', 'fixed')
    workspace.governance.settings.set('highCostThresholdUSD', '1')
    workspace.governance.settings.set('pricingOverrides', { 'claude-sonnet-4': { input: 1 } })
    saveTestWorkspace(workspace)
  }

  it('prints the same bytes before and after later imports, edits and re-pricing', async () => {
    const workspace = openWorkspaceFile(path)
    const { governance } = workspace
    importRuns(workspace, 'workflow.jsonl', [review('wf-1', 4, '2'), review('wf-2', 5, '3'), review('wf-3', 6, '4')])
    createReview(governance, { id: 'rv-q3', period: '2026-Q3', facilitator: 'ana', at: '2026-10-01T09:00:00.000Z' })
    for (let i = 0; i < 4; i++) applyReviewAction(governance, 'rv-q3', { type: 'advance' }, 'ana')
    applyReviewAction(governance, 'rv-q3', { type: 'decidePortfolio', decision: { portfolioId: 'incidents', decision: 'grow', nextEnvelope: { amount: '4000', currency: 'USD' }, note: '' } }, 'ana')
    applyReviewAction(governance, 'rv-q3', { type: 'advance' }, 'ana')
    const analysis = analysisForReview(analyze(readAnalysisInput(governance, workspace.ledger, '2026-10-02')), '2026-Q3')
    expect(closeReview(governance, 'rv-q3', 'ana', '2026-10-02T10:00:00.000Z', reviewReportWithCandidates(analysis, { period: '2026-Q3' })).ok).toBe(true)
    saveTestWorkspace(workspace)

    const before = await exported()
    expect(before).toContain('| Incident triage | $60.00 | $3,000.00 | 1 | 1 of 1 |')
    expect(before).toContain('| i1 | 2026-07-06 | acme/api | main | $30.00 | Incident triage | unset | — | Shipped the fix; see the postmortem. |')
    expect(before).toContain('| read → plan → edit → test → commit | 3 (43%) | $3.00 | ')
    editLater()
    // The edits do change what the workspace holds now: the note reads differently and mining finds more runs.
    const later = openWorkspaceFile(path)
    const live = reviewReportWithCandidates(analysisForReview(analyze(readAnalysisInput(later.governance, later.ledger, '2026-10-22')), '2026-Q3'), { period: '2026-Q3' })
    expect(live.highCostNotes!.find((note) => note.runId === 'i1')!.text).toMatch(/^Edited later: /)
    expect(live.candidates!.find((candidate) => candidate.steps.includes('plan'))!.support).toBe(6)
    expect(await exported()).toBe(before)
  })

  it('while a review is open, the same edits do show in its export', async () => {
    const open = join(dir, 'open.workfolio')
    writeWorkspace(open, reportExample())
    const workspace = openWorkspaceFile(open)
    createReview(workspace.governance, { id: 'rv-q3', period: '2026-Q3', facilitator: 'ana', at: '2026-10-01T09:00:00.000Z' })
    saveTestWorkspace(workspace)
    const io = captureIO(dir)
    await runCli(['review', 'export', '--workspace', open], io)
    expect(io.out()).toContain('| Incident triage |')
    changePortfolio(workspace.governance, 'incidents', { name: 'Triage (renamed)' }, { by: 'p-x', at: '2026-10-21T00:00:00.000Z', effectiveFrom: null })
    saveTestWorkspace(workspace)
    const after = captureIO(dir)
    await runCli(['review', 'export', '--workspace', open], after)
    expect(after.out()).toContain('| Triage (renamed) |')
  })
})
