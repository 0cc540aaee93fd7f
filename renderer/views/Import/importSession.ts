import { knownRequestKeys } from '../../../shared/importers/logs/requestKeys'
import { profileTarget } from '../../../shared/importers/billing/customMapping'
import { formatCurrencyAmounts } from '../../../shared/money/format'
import type { BatchIssue } from '../../../shared/records/batch'
import type { ImportProfile } from '../../../shared/records/settings'
import type { Workspace } from '../../workspace/openLocalWorkspace'
import { BATCH_KINDS, batchName } from './display'
import { plural } from '../../../shared/text/plural'
import { isCancelled, type ImportEngine, type RunningJob } from './importEngine'
import { jobSource, type ImportSource } from './sources'
import { filesByKind } from '../../../shared/importers/jobs/fileKind'
import type { BillingAnalysis, BillingJobOptions, ImportOutcome, JobProgress } from '../../../shared/importers/jobs/jobTypes'
import { importOutcomes } from '../../../shared/importers/jobs/outcomeJob'
import { nextTask } from '../../workspace/nextTask'

/**
 * A batch's payload is stored in parts this big, each in a task of its own, so the window
 * stays responsive while it stores 100 MB. Smaller parts would make more updates, and the
 * store (storedDoc.ts, as y-indexeddb did) rewrites the whole document in one task once 500
 * are stored.
 */
const PAYLOAD_PART_BYTES = 2 << 20

/** `confirmed`: the person already said yes to it (in the confirmation of several files): it is imported without a preview. */
export type ImportItem =
  | { kind: 'billing'; source: ImportSource; format?: string | ImportProfile; confirmed?: boolean }
  | { kind: 'logs'; sources: ImportSource[]; confirmed?: boolean }
  | { kind: 'outcomes'; source: ImportSource; confirmed?: boolean }

/** A recognised billing file of several picked together, with what its first rows say. */
export interface ReadyFile {
  item: ImportItem & { kind: 'billing' }
  analysis: BillingAnalysis
}

export type ImportTask =
  | { stage: 'analyzing'; item: ImportItem & { kind: 'billing' } }
  | { stage: 'preview' | 'ambiguous' | 'mapping'; item: ImportItem & { kind: 'billing' }; analysis: BillingAnalysis }
  | { stage: 'unreadable'; item: ImportItem; file: string; errors: BatchIssue[]; errorCount: number }
  | { stage: 'logs'; item: ImportItem & { kind: 'logs' } }
  | { stage: 'importing'; item: ImportItem; progress: JobProgress | null; startedAt: number }
  | { stage: 'bad-rows'; item: ImportItem; outcome: ImportOutcome }
  /** Several files picked at once: one confirmation for every recognised one; the others follow one by one. */
  | { stage: 'confirm-all'; item: ImportItem; ready: ReadyFile[]; logs: (ImportItem & { kind: 'logs' }) | null; needAttention: string[] }

export interface ImportNotice {
  id: number
  tone: 'ok' | 'info' | 'warn' | 'error'
  text: string
  /** A removed batch the notice offers to bring back. */
  removedBatch?: string
}

export interface ImportState {
  task: ImportTask | null
  queue: ImportItem[]
  notices: ImportNotice[]
}

export function itemLabel(item: ImportItem): string {
  return item.kind !== 'logs' ? item.source.relativePath : item.sources.length === 1 ? item.sources[0].relativePath : plural(item.sources.length, 'session file')
}

/**
 * The import work of one workspace: each billing file is analysed, previewed (or mapped),
 * then imported; agent logs go in as one batch. One task is shown at a time; files added
 * meanwhile wait their turn. Nothing reaches the ledger until the person confirms.
 *
 * It lives as long as the workspace, not the view: leaving the Import view in the middle of
 * a long import lets it finish, and coming back shows where it is.
 */
export class ImportSession {
  private state: ImportState = { task: null, queue: [], notices: [] }
  private readonly listeners = new Set<() => void>()
  private running: RunningJob | null = null
  /** A batch is being written to the ledger, part by part: too late to cancel. */
  private committing = false
  private noticeId = 0

  constructor(
    private readonly workspace: Workspace,
    private engine: ImportEngine,
  ) {}

  /** Tests run jobs in-process; the app uses the worker engine it was created with. */
  useEngine(engine: ImportEngine): void {
    if (engine !== this.engine) this.engine.dispose()
    this.engine = engine
  }

  getState = (): ImportState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private set(patch: Partial<ImportState>): void {
    this.state = { ...this.state, ...patch }
    for (const listener of this.listeners) listener()
  }

  private setTask(task: ImportTask | null): void {
    this.set({ task })
  }

  notify = (notice: Omit<ImportNotice, 'id'>): void => {
    this.set({ notices: [{ ...notice, id: ++this.noticeId }, ...this.state.notices].slice(0, 6) })
  }

  dismissNotice = (id: number): void => {
    this.set({ notices: this.state.notices.filter((notice) => notice.id !== id) })
  }

  private billingOptions(format?: string | ImportProfile): BillingJobOptions {
    const { settings } = this.workspace.governance.settings.read()
    return {
      profiles: this.profiles(),
      format,
      attribution: settings.attribution,
      pseudonymSalt: settings.pseudonymSalt,
      // Every bad line is listed and counted; nothing is stored unless the person then chooses
      // to skip them (the batch already records which lines it left out).
      skipBadRows: true,
    }
  }

  /** Whether `item` is still what the person is looking at (results for older tasks are dropped). */
  private isCurrent(item: ImportItem): boolean {
    return this.state.task?.item === item
  }

  private start(item: ImportItem): void {
    if (item.confirmed) {
      this.runImport(item)
      return
    }
    if (item.kind === 'logs') {
      this.setTask({ stage: 'logs', item })
      return
    }
    if (item.kind === 'outcomes') return this.importOutcomes(item)
    this.setTask({ stage: 'analyzing', item })
    const job = this.engine.run<BillingAnalysis>({ kind: 'analyze-billing', options: this.billingOptions(item.format) }, [item.source])
    this.running = job
    job.result.then(
      (analysis) => {
        if (!this.isCurrent(item)) return
        this.running = null
        if (analysis.detection === 'outcomes') this.start({ kind: 'outcomes', source: item.source })
        else if (analysis.detection === 'unreadable' || (analysis.errors.length > 0 && analysis.header.length === 0)) {
          this.setTask({ stage: 'unreadable', item, file: analysis.file, errors: analysis.errors, errorCount: analysis.errors.length })
        } else if (analysis.detection === 'unknown') this.setTask({ stage: 'mapping', item, analysis })
        else if (analysis.detection === 'ambiguous') this.setTask({ stage: 'ambiguous', item, analysis })
        else this.setTask({ stage: 'preview', item, analysis })
      },
      (error: unknown) => {
        if (!this.isCurrent(item) || isCancelled(error)) return
        this.running = null
        this.setTask({ stage: 'unreadable', item, file: item.source.relativePath, errors: [{ line: 0, message: (error as Error).message }], errorCount: 1 })
      },
    )
  }

  private next(): void {
    this.running = null
    const [head, ...rest] = this.state.queue
    this.set({ queue: rest })
    if (head) this.start(head)
    else this.setTask(null)
  }

  add = (sources: ImportSource[]): void => {
    const { billing, logs, outcomes, other } = filesByKind(sources)
    if (other.length > 0) {
      this.notify({
        tone: 'info',
        text: `${plural(other.length, 'file')} left out: not a CSV or JSON export or an agent session log (${other
          .slice(0, 3)
          .map((s) => s.relativePath)
          .join(', ')}${other.length > 3 ? ', …' : ''}).`,
      })
    }
    const items: ImportItem[] = [
      ...billing.map((source): ImportItem => ({ kind: 'billing', source })),
      ...outcomes.map((source): ImportItem => ({ kind: 'outcomes', source })),
      ...(logs.length > 0 ? [{ kind: 'logs' as const, sources: logs }] : []),
    ]
    if (items.length === 0) return
    if (!this.state.task && billing.length > 0 && items.length > 1) void this.analyzeAll(items)
    else if (this.state.task) this.set({ queue: [...this.state.queue, ...items] })
    else {
      const [head, ...rest] = items
      this.set({ queue: [...this.state.queue, ...rest] })
      this.start(head)
    }
  }

  /**
   * A pull request, incident or metrics export: small, so read whole here, and stored at once
   * (each is one batch or rejected whole, with nothing to map or preview).
   */
  private importOutcomes(item: ImportItem & { kind: 'outcomes' }): void {
    this.setTask({ stage: 'importing', item, progress: null, startedAt: Date.now() })
    importOutcomes(jobSource(item.source), this.profiles(), new Date().toISOString()).then(
      (result) => {
        if (!this.isCurrent(item)) return
        if (!result.batch) return this.setTask({ stage: 'unreadable', item, file: item.source.relativePath, errors: result.errors, errorCount: result.errors.length })
        const added = this.workspace.ledger.add(result.batch) === 'added'
        const what = plural(result.records, BATCH_KINDS[result.kind!].record)
        this.notify(added ? { tone: 'ok', text: `Imported ${item.source.relativePath}: ${what}.` } : { tone: 'info', text: `${item.source.relativePath} was already imported: nothing added.` })
        this.next()
      },
      (error: unknown) => {
        if (this.isCurrent(item)) this.setTask({ stage: 'unreadable', item, file: item.source.relativePath, errors: [{ line: 0, message: (error as Error).message }], errorCount: 1 })
      },
    )
  }

  /** Reads the first rows of every billing file, then asks once for all that are recognised. */
  private async analyzeAll(items: ImportItem[]): Promise<void> {
    const billing = items.filter((item): item is ImportItem & { kind: 'billing' } => item.kind === 'billing')
    const logs = items.find((item): item is ImportItem & { kind: 'logs' } => item.kind === 'logs') ?? null
    const ready: ReadyFile[] = []
    // Outcome exports have nothing to confirm: they follow the confirmed files, read as they come.
    const attention: ImportItem[] = items.filter((item) => item.kind === 'outcomes')
    for (const item of billing) {
      this.setTask({ stage: 'analyzing', item })
      const job = this.engine.run<BillingAnalysis>({ kind: 'analyze-billing', options: this.billingOptions() }, [item.source])
      this.running = job
      let analysis: BillingAnalysis
      try {
        analysis = await job.result
      } catch {
        // Cancelled, or unreadable: it comes back one by one, where the reason is shown.
        if (!this.isCurrent(item)) return
        attention.push(item)
        continue
      }
      if (!this.isCurrent(item)) return
      const recognised = (analysis.detection === 'format' || analysis.detection === 'profile') && analysis.header.length > 0
      if (recognised) ready.push({ item, analysis })
      else attention.push(item)
    }
    this.running = null
    this.set({ queue: [...attention, ...this.state.queue] })
    const first = ready[0]?.item ?? logs
    if (!first) return this.next()
    this.setTask({ stage: 'confirm-all', item: first, ready, logs, needAttention: attention.map(itemLabel) })
  }

  /** The person said yes to every recognised file: each is imported in turn, without another question. */
  importAll = (): void => {
    const current = this.state.task
    if (current?.stage !== 'confirm-all') return
    const confirmed: ImportItem[] = [
      ...current.ready.map(({ item, analysis }): ImportItem => {
        const profile = analysis.profileId ? this.workspace.governance.importProfiles.get(analysis.profileId) : undefined
        return { ...item, format: profile ?? analysis.format ?? undefined, confirmed: true }
      }),
      ...(current.logs ? [{ ...current.logs, confirmed: true }] : []),
    ]
    this.set({ queue: [...confirmed.slice(1), ...this.state.queue] })
    this.runImport(confirmed[0])
  }

  private async commit(outcome: ImportOutcome): Promise<void> {
    const batch = outcome.batch!
    this.committing = true
    const label = batchName(batch.meta, this.workspace.governance.importProfiles.list().records)
    let result: 'added' | 'duplicate'
    try {
      result = await this.workspace.ledger.addInParts(batch, PAYLOAD_PART_BYTES, nextTask, this.workspace.ledgerStore)
    } catch (error) {
      // The batch is listed only once all of it is stored, so a failure on the way adds nothing.
      this.notify({ tone: 'error', text: `Could not store ${label}: ${(error as Error).message || String(error)}. Nothing was added; the workspace is as it was.` })
      return this.next()
    } finally {
      this.committing = false
    }
    if (result === 'duplicate') {
      this.notify({ tone: 'info', text: `${label} was already imported: the workspace holds all of it, nothing added.` })
    } else {
      const logs = outcome.kind === 'import-logs'
      const what = logs ? plural(batch.meta.records, 'run') : plural(batch.meta.records, 'charge')
      const skipped = batch.meta.skipped.length > 0 ? `, ${plural(outcome.summary.errorCount, 'bad line')} skipped` : ''
      const notes = logs && batch.meta.warnings.length > 0 ? `; ${plural(batch.meta.warnings.length, 'note')} in the batch report` : ''
      this.notify({ tone: 'ok', text: `Imported ${label}: ${what}, ${formatCurrencyAmounts(batch.meta.totals)}${logs ? ' estimated' : ''}${skipped}${notes}.` })
    }
    if (outcome.kind === 'import-logs' && outcome.summary.errors.length > 0) {
      this.notify({ tone: 'warn', text: `Could not read ${plural(outcome.summary.errors.length, 'file')}: ${outcome.summary.errors.map((issue) => issue.message).join('; ')}` })
    }
    this.next()
  }

  private runImport(item: ImportItem, format?: string | ImportProfile): void {
    this.setTask({ stage: 'importing', item, progress: null, startedAt: Date.now() })
    const { settings } = this.workspace.governance.settings.read()
    const importedAt = new Date().toISOString()
    const onProgress = (progress: JobProgress) => {
      const current = this.state.task
      if (current?.stage === 'importing' && current.item === item) this.setTask({ ...current, progress })
    }
    if (item.kind === 'outcomes') return this.importOutcomes(item)
    const job =
      item.kind === 'billing'
        ? this.engine.run<ImportOutcome>({ kind: 'import-billing', options: this.billingOptions(format ?? item.format), importedAt }, [item.source], onProgress)
        : this.engine.run<ImportOutcome>(
            { kind: 'import-logs', options: { settings, knownRequestKeys: [...knownRequestKeys(this.workspace.ledger.runs().records)] }, importedAt },
            item.sources,
            onProgress,
          )
    this.running = job
    job.result.then(
      (outcome) => {
        if (!this.isCurrent(item)) return
        this.running = null
        const file = outcome.summary.files.join(', ')
        if (!outcome.batch) this.setTask({ stage: 'unreadable', item, file, errors: outcome.summary.errors, errorCount: outcome.summary.errors.length })
        // Already in the workspace (bad lines and all): say so rather than ask about skipping again.
        else if (outcome.summary.errorCount > 0 && !this.workspace.ledger.has(outcome.batch.meta.id)) this.setTask({ stage: 'bad-rows', item, outcome })
        else void this.commit(outcome)
      },
      (error: unknown) => {
        if (!this.isCurrent(item)) return
        this.running = null
        if (isCancelled(error)) {
          this.notify({ tone: 'info', text: `Import of ${itemLabel(item)} cancelled; nothing was added.` })
          this.next()
        } else this.setTask({ stage: 'unreadable', item, file: itemLabel(item), errors: [{ line: 0, message: (error as Error).message }], errorCount: 1 })
      },
    )
  }

  importCurrent = (): void => {
    const current = this.state.task
    if (!current) return
    if (current.stage === 'preview' && current.item.kind === 'billing') {
      const analysis = current.analysis
      // Read the whole file exactly as previewed: the detected format or the profile used.
      const profile = analysis.profileId ? this.workspace.governance.importProfiles.get(analysis.profileId) : undefined
      this.runImport(current.item, profile ?? analysis.format ?? undefined)
    } else if (current.stage === 'logs') this.runImport(current.item)
  }

  skipBadRows = (): void => {
    const current = this.state.task
    if (current?.stage === 'bad-rows') void this.commit(current.outcome)
  }

  chooseFormat = (format: string | ImportProfile): void => {
    const current = this.state.task
    if (current && current.item.kind === 'billing') this.start({ ...current.item, format })
  }

  /** Saves a mapping; a billing file is then previewed with it, an incident file imported with it. */
  saveProfile = (profile: ImportProfile): void => {
    this.workspace.governance.importProfiles.put(profile)
    this.notify({ tone: 'ok', text: `Saved the import profile “${profile.name}”; the team’s next file with these columns is read with it.` })
    const current = this.state.task
    if (profileTarget(profile) === 'incidents' && current?.item.kind === 'billing') this.start({ kind: 'outcomes', source: current.item.source })
    else this.chooseFormat(profile)
  }

  private profiles(): ImportProfile[] {
    return this.workspace.governance.importProfiles.list().records
  }

  /** Stops the current job or dismisses the current step, then moves on. */
  cancel = (): void => {
    if (this.committing) return
    const step = this.state.task
    if (step?.stage === 'confirm-all') this.notify({ tone: 'info', text: `Nothing imported from the ${plural(step.ready.length + (step.logs ? 1 : 0), 'recognised file')}.` })
    const current = this.state.task
    const job = this.running
    this.running = null
    // Leave the task first so the cancelled job's rejection is ignored.
    this.setTask(null)
    job?.cancel()
    if (current?.stage === 'bad-rows') this.notify({ tone: 'info', text: `Nothing imported from ${itemLabel(current.item)}.` })
    if (current?.stage === 'importing') this.notify({ tone: 'info', text: `Import of ${itemLabel(current.item)} cancelled; nothing was added.` })
    this.next()
  }
}

const sessions = new WeakMap<Workspace, ImportSession>()

/** The workspace's import session, created with `createEngine` the first time. */
export function importSessionFor(workspace: Workspace, createEngine: () => ImportEngine): ImportSession {
  let session = sessions.get(workspace)
  if (!session) sessions.set(workspace, (session = new ImportSession(workspace, createEngine())))
  return session
}
