import { cpSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { noteChargeIdentity } from '../../shared/batches/identities'
import { filesByKind } from '../../shared/importers/jobs/fileKind'
import { runJob } from '../../shared/importers/jobs/importJobs'
import type { ImportOutcome, JobSource, JobSpec } from '../../shared/importers/jobs/jobTypes'
import type { Charge } from '../../shared/records/charge'
import { findLogFiles } from '../../node/agentLogs/discover'
import { filesInFolder } from '../../node/filesInFolder'
import { FIXTURES } from '../../test/support/billingFixtures'
import { runCli } from '../main'
import { captureIO, tempDir } from '../../test/support/cliWorkspace'
import { openWorkspaceFile } from '../workspaceStore'

const BILLS = ['anthropic-cost-2026-08.csv', 'openai-cost_2026-09-01_2026-09-04.csv', 'anthropic-cost-2025-12-utf16le.txt']
const LOGS = join(FIXTURES, '..', 'logs')

/** A file as the Import view hands it to its worker: a picked folder's relative path, read in small chunks. */
function pickedFile(dir: string, path: string): JobSource {
  const bytes = readFileSync(path)
  const relativePath = relative(dir, path)
  return {
    name: relativePath.split('/').at(-1)!,
    relativePath,
    size: bytes.length,
    async *chunks() {
      for (let at = 0; at < bytes.length; at += 1000) yield bytes.subarray(at, at + 1000)
    },
  }
}

describe('one import pipeline', () => {
  it("gives `cli import` and the app's import worker the same batches, identities and counts", async () => {
    const fail = (_folder: string, error: unknown) => {
      throw error
    }
    const dir = tempDir()
    for (const bill of BILLS) cpSync(join(FIXTURES, bill), join(dir, bill))
    cpSync(LOGS, join(dir, 'logs'), { recursive: true })
    const io = captureIO(dir)
    expect(await runCli(['import', '--json', '--workspace', 'team.workfolio', ...BILLS, 'logs'], io)).toBe(0)
    const printed = JSON.parse(io.out()) as { files: { path: string; kind: string; records: number }[] }
    const workspace = openWorkspaceFile(join(dir, 'team.workfolio'))
    const { settings } = workspace.governance.settings.read()

    // The same folder picked in the app: sorted by kind (the workspace file is none), then the
    // worker's jobs as the Import view starts them, one per bill and one for all the logs.
    const picked = filesByKind(filesInFolder(dir, { wanted: () => true, skipHidden: false, unreadable: fail }).map((path) => pickedFile(dir, path)))
    expect(picked.billing.map((file) => file.relativePath).sort()).toEqual([...BILLS].sort())
    expect(picked.other.map((file) => file.relativePath)).toContain('team.workfolio')
    // The logs the app takes from the folder are the ones the command line finds in it.
    expect(picked.logs.map((file) => file.relativePath).sort()).toEqual(findLogFiles([join(dir, 'logs')], fail).map((path) => relative(dir, path)).sort())
    const importedAt = '2026-12-06T12:00:00.000Z'
    const billing = { profiles: [], attribution: settings.attribution, pseudonymSalt: settings.pseudonymSalt, skipBadRows: true }
    const jobs: { spec: JobSpec; sources: JobSource[] }[] = [
      ...picked.billing.map((source) => ({ spec: { kind: 'import-billing', options: billing, importedAt } as JobSpec, sources: [source] })),
      { spec: { kind: 'import-logs', options: { settings, knownRequestKeys: [] }, importedAt }, sources: picked.logs },
    ]
    const outcomes: ImportOutcome[] = []
    for (const job of jobs) outcomes.push((await runJob(job.spec, job.sources, () => {})) as ImportOutcome)

    // The same batches: the content hash covers every record, so equal ids mean equal rows.
    const sameMeta = ({ importedAt: _at, ...meta }: { importedAt: string }) => meta
    const stored = workspace.ledger.list().records
    expect(outcomes.map((outcome) => outcome.batch!.meta.id).sort()).toEqual(stored.map((meta) => meta.id).sort())
    for (const outcome of outcomes) expect(sameMeta(outcome.batch!.meta)).toEqual(sameMeta(stored.find((meta) => meta.id === outcome.batch!.meta.id)!))

    // The same identities: what the worker's batch carries is what the command stored.
    for (const outcome of outcomes.filter((each) => each.kind === 'import-billing')) {
      const held = new Map<string, string[]>()
      for (const charge of workspace.ledger.batchRecords(outcome.batch!.meta.id) as Charge[]) noteChargeIdentity(held, charge)
      expect(new Map(outcome.batch!.identities)).toEqual(held)
      expect(held.size).toBe(1)
    }

    // The same counts, per kind, in what each tells the person.
    const printedRecords = (kind: string) => printed.files.filter((file) => file.kind === kind).reduce((sum, file) => sum + file.records, 0)
    const workerRecords = (kind: ImportOutcome['kind']) => outcomes.filter((outcome) => outcome.kind === kind).reduce((sum, outcome) => sum + outcome.summary.records, 0)
    expect(workerRecords('import-billing')).toBe(printedRecords('charges'))
    expect(workerRecords('import-logs')).toBe(workspace.ledger.runs().records.length)
    expect(workerRecords('import-billing')).toBeGreaterThan(5)
    expect(workerRecords('import-logs')).toBeGreaterThan(2)
  })
})
