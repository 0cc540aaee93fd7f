import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, expect, test, vi } from 'vitest'
import badCsv from '../../../test/fixtures/billing/anthropic-cost-bad.csv?raw'
import anthropicCsv from '../../../test/fixtures/billing/anthropic-cost-2026-08.csv?raw'
import claudeSession from '../../../test/fixtures/logs/claude/projects/-home-alice-work-shop/5a1e0000-0000-4000-8000-000000000001.jsonl?raw'
import codexRollout from '../../../test/fixtures/logs/codex/sessions/2026/02/12/rollout-2026-02-12T10-00-00-019b0000-0000-7000-8000-0000000000c1.jsonl?raw'
import usageCsv from '../../../test/fixtures/billing/anthropic-usage.csv?raw'
import invoiceCsv from '../../../test/fixtures/billing/other-provider-invoice.csv?raw'
import prList from '../../../test/fixtures/outcomes/gh-pr-list-billing-service.json?raw'
import pagerDutyCsv from '../../../test/fixtures/outcomes/pagerduty-incidents.csv?raw'
import type { PickedFile } from '../../platform/bridge'
import { pickedText } from '../../test/pickedFiles'
import { createFakeBridge, createMemoryWorkspace, renderWithWorkspace } from '../../test/renderWithWorkspace'
import { createInProcessEngine, type ImportEngine } from './importEngine'
import { requestFilePicker } from './importRequests'
import { ImportView } from './ImportView'
import type { BillingAnalysis, JobResult, JobSpec } from '../../../shared/importers/jobs/jobTypes'

beforeEach(() => {
  window.location.hash = '#/import'
})

/** The Anthropic export whose preview reads freely while its import waits until `release()`. */
function gatedExport(): { file: PickedFile; release: () => void } {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const bytes = new TextEncoder().encode(anthropicCsv)
  let reads = 0
  const file: PickedFile = {
    name: 'anthropic-cost-2026-08.csv',
    relativePath: 'anthropic-cost-2026-08.csv',
    size: bytes.length,
    async *stream() {
      if (reads++ > 0) await gate
      yield bytes
    },
  }
  return { file, release }
}

function setup(files: PickedFile[][]) {
  const queue = [...files]
  const openFiles = vi.fn(async () => queue.shift() ?? [])
  const bridge = createFakeBridge({ openFiles })
  const workspace = createMemoryWorkspace()
  const engine = createInProcessEngine()
  const utils = renderWithWorkspace(<ImportView params={[]} engine={engine} />, workspace, bridge)
  return { ...utils, openFiles }
}

const chooseFiles = () => fireEvent.click(screen.getByRole('button', { name: /Drop billing exports/ }))

test('a known export shows its format and first rows as stored, imports as one batch, and again is "already imported"', async () => {
  const { workspace, openFiles } = setup([[pickedText('anthropic-cost-2026-08.csv', anthropicCsv)], [pickedText('anthropic-cost-2026-08.csv', anthropicCsv)]])
  expect(screen.getByTestId('batch-empty')).toBeTruthy()
  chooseFiles()
  expect(openFiles).toHaveBeenCalledWith(expect.objectContaining({ extensions: expect.arrayContaining(['csv', 'jsonl']) }))

  const format = await screen.findByTestId('detected-format')
  expect(format.textContent).toMatch(/Anthropic/)
  // Keyboard and screen-reader users land on the new step.
  expect(document.activeElement?.tagName).toBe('H2')
  expect(document.activeElement?.textContent).toBe('anthropic-cost-2026-08.csv')
  const preview = screen.getByTestId('import-preview')
  expect(within(preview).getAllByTestId('preview-amount')[0].textContent).toBe('$7.77')
  expect(preview.textContent).toContain('2026-08-05T00:00:00.000Z')
  expect(workspace.ledger.list().records).toEqual([])

  fireEvent.click(screen.getByRole('button', { name: 'Import anthropic-cost-2026-08.csv' }))
  await screen.findByText(/Imported anthropic-cost-2026-08\.csv/)
  const [batch] = workspace.ledger.list().records
  expect(batch).toMatchObject({ kind: 'charges', fileNames: ['anthropic-cost-2026-08.csv'], skipped: [] })
  expect(screen.getAllByTestId('batch-item')).toHaveLength(1)
  expect(screen.getByTestId('batch-totals').textContent).toMatch(/\$/)

  // The fixture's $0.00 row is kept and said so, so that it is not taken for missing spend.
  fireEvent.click(screen.getByRole('button', { name: 'Report (1)' }))
  expect(screen.getByTestId('batch-item').textContent).toContain('1 row costs 0 (kept; the first is on this line)')
  expect(screen.getByTestId('batch-months').textContent).toMatch(/^Aug 2026: \$[\d.]+ · Sep 2026: \$0\.03$/)
  expect(screen.getByRole('table', { name: /Totals per month/ }).textContent).toContain('Aug 2026')

  chooseFiles()
  // Flagged in the preview, before anything is imported.
  expect((await screen.findByTestId('import-overlap')).textContent).toMatch(/^Already in the workspace: \d+ of the first \d+ rows/)
  fireEvent.click(await screen.findByRole('button', { name: 'Import anthropic-cost-2026-08.csv' }))
  await screen.findByText(/anthropic-cost-2026-08\.csv was already imported/)
  expect(workspace.ledger.list().records).toHaveLength(1)
})

test('a usage export (tokens, no money) is listed as such, not as $0', async () => {
  setup([[pickedText('anthropic-usage.csv', usageCsv)]])
  chooseFiles()
  fireEvent.click(await screen.findByRole('button', { name: 'Import anthropic-usage.csv' }))
  await screen.findByText(/Imported anthropic-usage\.csv/)
  expect(screen.getByTestId('batch-totals').textContent).toBe('No money in this export: usage only')
  fireEvent.click(screen.getByRole('button', { name: 'Report' }))
  expect(screen.getByText('No amounts in this batch.')).toBeTruthy()
})

test('a file with bad lines lists file:line: reason and imports nothing until the person skips them', async () => {
  const { workspace } = setup([[pickedText('anthropic-cost-bad.csv', badCsv)], [pickedText('anthropic-cost-bad.csv', badCsv)]])
  chooseFiles()
  fireEvent.click(await screen.findByRole('button', { name: 'Import anthropic-cost-bad.csv' }))
  const issues = await screen.findByRole('list', { name: 'Bad lines' })
  const lines = within(issues).getAllByRole('listitem').map((item) => item.textContent)
  expect(lines).toHaveLength(3)
  expect(lines[0]).toMatch(/^anthropic-cost-bad\.csv:3: /)
  expect(lines.join('\n')).toMatch(/anthropic-cost-bad\.csv:5: .*columns/)
  expect(screen.getByText('Nothing has been imported from this file.')).toBeTruthy()
  expect(workspace.ledger.list().records).toEqual([])

  fireEvent.click(screen.getByRole('button', { name: 'Import the good rows and skip 3 bad lines' }))
  await screen.findByText(/Imported anthropic-cost-bad\.csv: 2 charges, \$5\.00, 3 bad lines skipped/)
  const [batch] = workspace.ledger.list().records
  expect(batch.skipped.map((issue) => issue.line)).toEqual([3, 4, 5])
  fireEvent.click(screen.getByRole('button', { name: 'Report (3)' }))
  expect(within(screen.getByRole('list', { name: 'Skipped lines' })).getAllByRole('listitem')[0].textContent).toMatch(/^anthropic-cost-bad\.csv:3: /)

  // The same file again, once its good rows are in: nothing to decide.
  chooseFiles()
  fireEvent.click(await screen.findByRole('button', { name: 'Import anthropic-cost-bad.csv' }))
  await screen.findByText(/anthropic-cost-bad\.csv was already imported/)
  expect(workspace.ledger.list().records).toHaveLength(1)
})

test('choosing not to import a file with bad lines leaves the workspace untouched', async () => {
  const { workspace } = setup([[pickedText('anthropic-cost-bad.csv', badCsv)]])
  chooseFiles()
  fireEvent.click(await screen.findByRole('button', { name: 'Import anthropic-cost-bad.csv' }))
  fireEvent.click(await screen.findByRole('button', { name: 'Don’t import this file' }))
  await screen.findByText('Nothing imported from anthropic-cost-bad.csv.')
  expect(workspace.ledger.list().records).toEqual([])
})

test('an unknown CSV is mapped once with a live preview, saved as a team profile, and offered for the next file like it', async () => {
  const second = invoiceCsv.replace('03/07/2026', '04/08/2026')
  const { workspace } = setup([[pickedText('other-provider-invoice.csv', invoiceCsv)], [pickedText('invoice-august.csv', second)]])
  chooseFiles()
  await screen.findByRole('heading', { name: 'Map the columns of other-provider-invoice.csv' })
  fireEvent.change(screen.getByLabelText('Date column'), { target: { value: 'Invoice Date' } })
  fireEvent.change(screen.getByLabelText('Date format'), { target: { value: 'DD/MM/YYYY' } })
  fireEvent.change(screen.getByLabelText('Amount column'), { target: { value: 'Amount' } })
  fireEvent.change(screen.getByLabelText('Model column'), { target: { value: 'Model Name' } })
  fireEvent.change(screen.getByLabelText('Tags column'), { target: { value: 'Labels' } })
  fireEvent.change(screen.getByLabelText('Profile name'), { target: { value: 'Acme invoices' } })

  const preview = await screen.findByTestId('import-preview')
  await waitFor(() => expect(within(preview).getAllByTestId('preview-amount')[0].textContent).toBe('$1,234.56'))
  expect(preview.textContent).toContain('2026-07-03T00:00:00.000Z')
  expect(preview.textContent).toContain('team: platform')

  fireEvent.click(screen.getByRole('button', { name: 'Save profile and continue' }))
  const [profile] = workspace.governance.importProfiles.list().records
  expect(profile).toMatchObject({ name: 'Acme invoices', dateFormat: 'DD/MM/YYYY', mapping: expect.objectContaining({ date: 'Invoice Date', amount: 'Amount' }) })
  expect((await screen.findByTestId('detected-format')).textContent).toContain('Acme invoices')
  fireEvent.click(screen.getByRole('button', { name: 'Import other-provider-invoice.csv' }))
  await screen.findByText(/Imported other-provider-invoice\.csv: 3 charges/)

  // The next file with the same columns is read with the saved profile, no mapping step.
  chooseFiles()
  expect((await screen.findByTestId('detected-format')).textContent).toContain('Acme invoices')
  expect(screen.queryByRole('heading', { name: /Map the columns/ })).toBeNull()
})

test('a known export with its header renamed and mapped by hand is flagged before it could count the same spend twice', async () => {
  const [header, ...rows] = anthropicCsv.split('\n')
  const renamed = [header.replace('usage_date_utc', 'day').replace('cost_usd', 'amount'), ...rows].join('\n')
  const { workspace } = setup([[pickedText('anthropic-cost-2026-08.csv', anthropicCsv)], [pickedText('renamed.csv', renamed)]])
  chooseFiles()
  expect(screen.queryByTestId('import-overlap')).toBeNull()
  fireEvent.click(await screen.findByRole('button', { name: 'Import anthropic-cost-2026-08.csv' }))
  await screen.findByText(/Imported anthropic-cost-2026-08\.csv/)

  chooseFiles()
  await screen.findByRole('heading', { name: 'Map the columns of renamed.csv' })
  fireEvent.change(screen.getByLabelText('Date column'), { target: { value: 'day' } })
  fireEvent.change(screen.getByLabelText('Amount column'), { target: { value: 'amount' } })
  fireEvent.change(screen.getByLabelText('Profile name'), { target: { value: 'Renamed console' } })
  fireEvent.click(screen.getByRole('button', { name: 'Save profile and continue' }))
  const overlap = await screen.findByTestId('import-overlap')
  expect(within(overlap).getByRole('alert').textContent).toMatch(/^\d+ of the first \d+ rows have the same time, amount and currency as charges already imported from “anthropic-cost-2026-08\.csv” in another format/)
  expect(workspace.ledger.list().records).toHaveLength(1)
})

test('several files picked at once: one confirmation with a line per recognised file; the unknown one follows on its own', async () => {
  const { workspace } = setup([
    [
      pickedText('anthropic-cost-2026-08.csv', anthropicCsv),
      pickedText('anthropic-usage.csv', usageCsv),
      pickedText('other-provider-invoice.csv', invoiceCsv),
      pickedText('projects/-home-alice-work-shop/5a1e0000-0000-4000-8000-000000000001.jsonl', claudeSession, 4096),
    ],
  ])
  chooseFiles()
  const table = await screen.findByTestId('confirm-all')
  expect(screen.getAllByTestId('confirm-file').map((row) => row.querySelector('th')!.textContent)).toEqual(['anthropic-cost-2026-08.csv', 'anthropic-usage.csv', '1 agent session file'])
  expect(table.textContent).toMatch(/Anthropic/)
  expect(screen.getByTestId('confirm-attention').textContent).toContain('other-provider-invoice.csv')
  expect(workspace.ledger.list().records).toEqual([])

  fireEvent.click(screen.getByRole('button', { name: 'Import all 3 files' }))
  await screen.findByRole('heading', { name: 'Map the columns of other-provider-invoice.csv' })
  expect(workspace.ledger.list().records.map((batch) => batch.kind).sort()).toEqual(['charges', 'charges', 'runs'])
})

test('a removed batch comes back with Undo', async () => {
  const { workspace } = setup([[pickedText('anthropic-cost-2026-08.csv', anthropicCsv)]])
  chooseFiles()
  fireEvent.click(await screen.findByRole('button', { name: 'Import anthropic-cost-2026-08.csv' }))
  await screen.findByTestId('batch-item')
  fireEvent.click(screen.getByRole('button', { name: 'Remove batch anthropic-cost-2026-08.csv' }))
  expect(screen.queryByTestId('batch-item')).toBeNull()
  expect(workspace.ledger.list().records).toEqual([])
  fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
  expect(screen.getAllByTestId('batch-item')).toHaveLength(1)
  expect(workspace.ledger.charges().records.length).toBeGreaterThan(0)
})

test('File > Import… opens the file picker, even when asked before the view is shown', async () => {
  requestFilePicker()
  const { openFiles } = setup([[]])
  await waitFor(() => expect(openFiles).toHaveBeenCalledTimes(1))
  act(() => requestFilePicker())
  await waitFor(() => expect(openFiles).toHaveBeenCalledTimes(2))
})

test('in the browser, no scan is offered only to refuse: it says where the logs are and offers a folder', async () => {
  const { openFiles } = setup([[]])
  expect(screen.queryByRole('button', { name: 'Scan this machine for agent logs' })).toBeNull()
  expect(screen.getByTestId('log-folders-hint').textContent).toContain('~/.claude/projects')
  fireEvent.click(screen.getByRole('button', { name: 'Choose a folder…' }))
  await waitFor(() => expect(openFiles).toHaveBeenCalledWith(expect.objectContaining({ directories: true })))
})

test('other files are left out with a note', async () => {
  setup([[pickedText('notes.pdf', 'x')]])
  chooseFiles()
  await screen.findByText(/1 file left out: not a CSV or JSON export or an agent session log \(notes\.pdf\)/)
})

test('outcome exports are told by their shape: a PR list (JSON) and an incidents CSV each become one batch', async () => {
  const { workspace } = setup([[pickedText('prs.json', prList), pickedText('pagerduty.csv', pagerDutyCsv)], [pickedText('prs.json', prList)]])
  chooseFiles()
  await screen.findByText('Imported prs.json: 4 pull requests.')
  await screen.findByText('Imported pagerduty.csv: 3 incidents.')
  expect(workspace.ledger.list().records.map((batch) => batch.kind).sort()).toEqual(['incidents', 'pullRequests'])
  const pulls = screen.getAllByTestId('batch-item').find((item) => item.textContent?.includes('prs.json'))!
  expect(pulls.textContent).toContain('pull requests')
  expect(pulls.textContent).toContain('GitHub pull requests (gh pr list --json) · 4 pull requests')
  expect(within(pulls).queryByTestId('batch-totals')).toBeNull()
  chooseFiles()
  await screen.findByText('prs.json was already imported: nothing added.')
})

test('a broken PR export is rejected whole with its line and reason', async () => {
  const { workspace } = setup([[pickedText('prs.json', prList.replace('"number": 42', '"number": "forty-two"'))]])
  chooseFiles()
  await screen.findByText(/"number" is not a whole number/)
  expect(workspace.ledger.list().records).toEqual([])
})

test('agent session logs go to the logs importer as one batch of runs; the same logs again are "already imported"', async () => {
  const logs = () => [
    pickedText('projects/-home-alice-work-shop/5a1e0000-0000-4000-8000-000000000001.jsonl', claudeSession, 4096),
    pickedText('sessions/2026/02/12/rollout-2026-02-12T10-00-00-019b0000-0000-7000-8000-0000000000c1.jsonl', codexRollout, 4096),
  ]
  const { workspace } = setup([logs(), logs()])
  chooseFiles()
  await screen.findByRole('heading', { name: /2 agent session files/ })
  fireEvent.click(screen.getByRole('button', { name: 'Import 2 session files' }))
  await screen.findByText(/Imported Agent session logs · Feb – Apr 2026 · 2 files: 2 runs, \$[\d.,]+ estimated/)
  const [batch] = workspace.ledger.list().records
  expect(batch).toMatchObject({ kind: 'runs', format: 'agent-logs' })
  expect(workspace.ledger.runs().records.map((run) => run.tool).sort()).toEqual(['claude-code', 'codex'])
  expect(screen.getByTestId('batch-item').textContent).toContain('agent logs')

  chooseFiles()
  fireEvent.click(await screen.findByRole('button', { name: 'Import 2 session files' }))
  await screen.findByText(/Agent session logs · Feb – Apr 2026 · 2 files was already imported/)
  expect(workspace.ledger.list().records).toHaveLength(1)
})

test('leaving the view during an import lets it finish; coming back shows the result', async () => {
  const { file: slow, release } = gatedExport()
  const { workspace, bridge, unmount } = setup([[slow]])
  chooseFiles()
  fireEvent.click(await screen.findByRole('button', { name: 'Import anthropic-cost-2026-08.csv' }))
  await screen.findByRole('button', { name: 'Cancel import' })
  unmount()
  release()
  await waitFor(() => expect(workspace.ledger.list().records).toHaveLength(1))
  renderWithWorkspace(<ImportView params={[]} />, workspace, bridge)
  expect(screen.getByText(/Imported anthropic-cost-2026-08\.csv/)).toBeTruthy()
  expect(screen.getAllByTestId('batch-item')).toHaveLength(1)
})

test('in the desktop app, the scan shows what it found before anything is read, then imports the session files', async () => {
  const files = [pickedText('projects/-home-alice-work-shop/5a1e0000-0000-4000-8000-000000000001.jsonl', claudeSession, 4096)]
  const scanAgentLogs = vi.fn(async () => ({
    folders: [
      { tool: 'claude-code' as const, path: '/home/alice/.claude/projects', exists: true, files: 1, bytes: files[0].size, firstModified: '2026-04-01T08:00:00.000Z', lastModified: '2026-04-01T09:00:00.000Z' },
      { tool: 'codex' as const, path: '/home/alice/.codex/sessions', exists: false, files: 0, bytes: 0, firstModified: null, lastModified: null },
    ],
    files,
  }))
  const workspace = createMemoryWorkspace()
  renderWithWorkspace(<ImportView params={[]} engine={createInProcessEngine()} />, workspace, createFakeBridge({ scanAgentLogs }))
  fireEvent.click(screen.getByRole('button', { name: 'Scan this machine for agent logs' }))
  const scan = await screen.findByRole('region', { name: 'Agent log scan' })
  expect(within(scan).getByRole('heading').textContent).toMatch(/^Found 1 session file \(/)
  expect(scan.textContent).toContain('/home/alice/.claude/projects')
  expect(scan.textContent).toContain('not there')
  expect(workspace.ledger.list().records).toEqual([])
  fireEvent.click(within(scan).getByRole('button', { name: 'Import 1 session file' }))
  fireEvent.click(await screen.findByRole('button', { name: 'Import 1 session file' }))
  await screen.findByText(/Imported .*5a1e0000-0000-4000-8000-000000000001\.jsonl: 1 run/)
  expect(workspace.ledger.runs().records).toHaveLength(1)
})

test('cancelling a running import adds nothing and says so', async () => {
  const { file: slow, release } = gatedExport()
  const { workspace } = setup([[slow]])
  chooseFiles()
  fireEvent.click(await screen.findByRole('button', { name: 'Import anthropic-cost-2026-08.csv' }))
  fireEvent.click(await screen.findByRole('button', { name: 'Cancel import' }))
  release()
  await screen.findByText('Import of anthropic-cost-2026-08.csv cancelled; nothing was added.')
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(workspace.ledger.list().records).toEqual([])
  expect(screen.queryByRole('button', { name: 'Cancel import' })).toBeNull()
})

test('a header that fits two known exports is not guessed: the person chooses, and the file is read as that format', async () => {
  const runs: JobSpec[] = []
  const analysis = (patch: Partial<BillingAnalysis>): BillingAnalysis => ({
    kind: 'analyze-billing', file: 'usage.csv', detection: 'format', format: null, formatLabel: null, candidates: [], profileId: null,
    header: ['date', 'cost'], sampleRows: [], charges: [], errors: [], warnings: [], ...patch,
  })
  const engine: ImportEngine = {
    run<R extends JobResult>(job: JobSpec) {
      runs.push(job)
      const chosen = job.kind === 'analyze-billing' ? job.options.format : undefined
      const result = chosen
        ? analysis({ detection: 'chosen', format: 'github-metered-usage', formatLabel: 'GitHub metered usage' })
        : analysis({ detection: 'ambiguous', candidates: [{ id: 'github-copilot-premium-requests', label: 'GitHub premium requests' }, { id: 'github-metered-usage', label: 'GitHub metered usage' }] })
      return { result: Promise.resolve(result as R), cancel() {} }
    },
    dispose() {},
  }
  renderWithWorkspace(<ImportView params={[]} engine={engine} />, createMemoryWorkspace(), createFakeBridge({ openFiles: async () => [pickedText('usage.csv', 'date,cost\n')] }))
  chooseFiles()
  await screen.findByRole('heading', { name: 'Which export is usage.csv?' })
  fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'github-metered-usage' } })
  fireEvent.click(screen.getByRole('button', { name: 'Read as this format' }))
  expect((await screen.findByTestId('detected-format')).textContent).toBe('Detected format: GitHub metered usage')
  expect(runs.map((job) => (job.kind === 'analyze-billing' ? job.options.format ?? null : job.kind))).toEqual([null, 'github-metered-usage'])
})

test('a batch that cannot be stored is reported, adds nothing, and the view goes on to the next file', async () => {
  const { workspace } = setup([[pickedText('anthropic-cost-2026-08.csv', anthropicCsv)]])
  vi.spyOn(workspace.ledger, 'addInParts').mockRejectedValueOnce(new Error('the browser refused to store more (quota exceeded)'))
  chooseFiles()
  await screen.findByTestId('detected-format')
  fireEvent.click(screen.getByRole('button', { name: 'Import anthropic-cost-2026-08.csv' }))
  await screen.findByText(/Could not store anthropic-cost-2026-08\.csv: the browser refused to store more \(quota exceeded\)\. Nothing was added/)
  expect(workspace.ledger.list().records).toEqual([])
  expect(screen.queryByText(/Importing/)).toBeNull()
  expect(screen.getByRole('button', { name: /Drop billing exports/ })).toBeTruthy()
})
