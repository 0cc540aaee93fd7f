import { useCallback, useEffect, useRef, useState } from 'react'
import type { BatchIssue } from '../../../shared/records/batch'
import type { ImportProfile } from '../../../shared/records/settings'
import type { Workspace } from '../../workspace/openLocalWorkspace'
import { isCancelled, type ImportEngine } from './importEngine'
import { classifySource, sessionLogs, type ImportSource } from './sources'
import { formatCurrencyAmounts } from '../../../shared/money/format'
import { knownRequestKeys } from '../../../shared/importers/logs/requestKeys'
import { plural } from './display'
import type { BillingAnalysis, BillingJobOptions, ImportOutcome, JobProgress } from './workerProtocol'

export type ImportItem = { kind: 'billing'; source: ImportSource; format?: string | ImportProfile } | { kind: 'logs'; sources: ImportSource[] }

export type ImportTask =
  | { stage: 'analyzing'; item: ImportItem & { kind: 'billing' } }
  | { stage: 'preview' | 'ambiguous' | 'mapping'; item: ImportItem & { kind: 'billing' }; analysis: BillingAnalysis }
  | { stage: 'unreadable'; item: ImportItem; file: string; errors: BatchIssue[]; errorCount: number }
  | { stage: 'logs'; item: ImportItem & { kind: 'logs' } }
  | { stage: 'importing'; item: ImportItem; progress: JobProgress | null; startedAt: number }
  | { stage: 'bad-rows'; item: ImportItem; outcome: ImportOutcome }

export interface ImportNotice {
  id: number
  tone: 'ok' | 'info' | 'warn' | 'error'
  text: string
  /** A removed batch the notice offers to bring back. */
  removedBatch?: string
}

export function itemLabel(item: ImportItem): string {
  return item.kind === 'billing' ? item.source.relativePath : item.sources.length === 1 ? item.sources[0].relativePath : plural(item.sources.length, 'session file')
}

/**
 * The Import view's work queue: each billing file is analysed, previewed (or mapped), then
 * imported; agent logs go in as one batch. One task is shown at a time; files added
 * meanwhile wait their turn. Nothing reaches the ledger until the person confirms.
 */
export function useImportFlow(engine: ImportEngine, workspace: Workspace) {
  const [task, setTaskState] = useState<ImportTask | null>(null)
  const [queue, setQueueState] = useState<ImportItem[]>([])
  const queueRef = useRef<ImportItem[]>([])
  const setQueue = useCallback((next: ImportItem[]) => {
    queueRef.current = next
    setQueueState(next)
  }, [])
  const [notices, setNotices] = useState<ImportNotice[]>([])
  const running = useRef<{ cancel(): void } | null>(null)
  // The current task as of now (job results arrive before React renders): results for a task
  // that is no longer current are dropped.
  const taskRef = useRef<ImportTask | null>(null)
  const setTask = useCallback((next: ImportTask | null) => {
    taskRef.current = next
    setTaskState(next)
  }, [])
  const noticeId = useRef(0)

  const notify = useCallback((notice: Omit<ImportNotice, 'id'>) => {
    setNotices((current) => [{ ...notice, id: ++noticeId.current }, ...current].slice(0, 6))
  }, [])

  const billingOptions = useCallback(
    (format?: string | ImportProfile): BillingJobOptions => {
      const { settings } = workspace.governance.settings.read()
      return {
        profiles: workspace.governance.importProfiles.list().records,
        format,
        attribution: settings.attribution,
        pseudonymSalt: settings.pseudonymSalt,
      }
    },
    [workspace],
  )

  /** Runs a job for the current task; its result is dropped if the task changed meanwhile. */
  const start = useCallback(
    (item: ImportItem) => {
      if (item.kind === 'logs') {
        setTask({ stage: 'logs', item })
        return
      }
      setTask({ stage: 'analyzing', item })
      const job = engine.run<BillingAnalysis>({ kind: 'analyze-billing', options: billingOptions(item.format) }, [item.source])
      running.current = job
      job.result.then(
        (analysis) => {
          if (taskRef.current?.item !== item) return
          running.current = null
          if (analysis.detection === 'unreadable' || (analysis.errors.length > 0 && analysis.header.length === 0)) {
            setTask({ stage: 'unreadable', item, file: analysis.file, errors: analysis.errors, errorCount: analysis.errors.length })
          } else if (analysis.detection === 'unknown') setTask({ stage: 'mapping', item, analysis })
          else if (analysis.detection === 'ambiguous') setTask({ stage: 'ambiguous', item, analysis })
          else setTask({ stage: 'preview', item, analysis })
        },
        (error: unknown) => {
          if (taskRef.current?.item !== item || isCancelled(error)) return
          running.current = null
          setTask({ stage: 'unreadable', item, file: item.source.relativePath, errors: [{ line: 0, message: (error as Error).message }], errorCount: 1 })
        },
      )
    },
    [engine, billingOptions, setTask],
  )

  const next = useCallback(() => {
    running.current = null
    const [head, ...rest] = queueRef.current
    setQueue(rest)
    if (head) start(head)
    else setTask(null)
  }, [start, setTask, setQueue])

  const add = useCallback(
    (sources: ImportSource[]) => {
      const billing = sources.filter((source) => classifySource(source.relativePath) === 'billing')
      const { logs, ignored } = sessionLogs(sources.filter((source) => classifySource(source.relativePath) === 'logs'))
      const other = [...sources.filter((source) => classifySource(source.relativePath) === 'other'), ...ignored]
      if (other.length > 0) {
        notify({
          tone: 'info',
          text: `${plural(other.length, 'file')} left out: not a CSV export or an agent session log (${other.slice(0, 3).map((s) => s.relativePath).join(', ')}${other.length > 3 ? ', …' : ''}).`,
        })
      }
      const items: ImportItem[] = [...billing.map((source): ImportItem => ({ kind: 'billing', source })), ...(logs.length > 0 ? [{ kind: 'logs' as const, sources: logs }] : [])]
      if (items.length === 0) return
      if (taskRef.current) setQueue([...queueRef.current, ...items])
      else {
        const [head, ...rest] = items
        setQueue([...queueRef.current, ...rest])
        start(head)
      }
    },
    [notify, start, setQueue],
  )

  const commit = useCallback(
    (item: ImportItem, outcome: ImportOutcome) => {
      const batch = outcome.batch!
      const result = workspace.ledger.add(batch.meta, batch.payload)
      const label = itemLabel(item)
      if (result === 'duplicate') {
        notify({ tone: 'info', text: `${label} was already imported: this batch is in the workspace, nothing added.` })
      } else {
        const what = outcome.kind === 'import-billing' ? plural(batch.meta.records, 'charge') : plural(batch.meta.records, 'run')
        const skipped = batch.meta.skipped.length > 0 ? `, ${plural(outcome.summary.errorCount, 'bad line')} skipped` : ''
        const notes = outcome.kind === 'import-logs' && batch.meta.warnings.length > 0 ? `; ${plural(batch.meta.warnings.length, 'note')} in the batch report` : ''
        notify({ tone: 'ok', text: `Imported ${label}: ${what}, ${formatCurrencyAmounts(batch.meta.totals)}${outcome.kind === 'import-logs' ? ' estimated' : ''}${skipped}${notes}.` })
      }
      if (outcome.kind === 'import-logs' && outcome.summary.errors.length > 0) {
        notify({ tone: 'warn', text: `Could not read ${plural(outcome.summary.errors.length, 'file')}: ${outcome.summary.errors.map((issue) => issue.message).join('; ')}` })
      }
      next()
    },
    [workspace, notify, next],
  )

  const runImport = useCallback(
    (item: ImportItem, format?: string | ImportProfile) => {
      const startedAt = Date.now()
      setTask({ stage: 'importing', item, progress: null, startedAt })
      const { settings } = workspace.governance.settings.read()
      const importedAt = new Date().toISOString()
      const job =
        item.kind === 'billing'
          ? engine.run<ImportOutcome>({ kind: 'import-billing', options: billingOptions(format ?? item.format), importedAt }, [item.source], onProgress)
          : engine.run<ImportOutcome>(
              { kind: 'import-logs', options: { settings, knownRequestKeys: [...knownRequestKeys(workspace.ledger.runs().records)] }, importedAt },
              item.sources,
              onProgress,
            )
      running.current = job
      function onProgress(progress: JobProgress) {
        const current = taskRef.current
        if (current?.stage === 'importing' && current.item === item) setTask({ ...current, progress })
      }
      job.result.then(
        (outcome) => {
          if (taskRef.current?.item !== item) return
          running.current = null
          const file = outcome.summary.files.join(', ')
          if (!outcome.batch) setTask({ stage: 'unreadable', item, file, errors: outcome.summary.errors, errorCount: outcome.summary.errorCount })
          else if (outcome.summary.errorCount > 0) setTask({ stage: 'bad-rows', item, outcome })
          else commit(item, outcome)
        },
        (error: unknown) => {
          if (taskRef.current?.item !== item) return
          running.current = null
          if (isCancelled(error)) {
            notify({ tone: 'info', text: `Import of ${itemLabel(item)} cancelled; nothing was added.` })
            next()
          } else setTask({ stage: 'unreadable', item, file: itemLabel(item), errors: [{ line: 0, message: (error as Error).message }], errorCount: 1 })
        },
      )
    },
    [engine, workspace, billingOptions, commit, notify, next, setTask],
  )

  const importCurrent = useCallback(() => {
    const current = taskRef.current
    if (!current) return
    if (current.stage === 'preview' && current.item.kind === 'billing') {
      const analysis = current.analysis
      // Read the whole file exactly as previewed: the detected format or the profile used.
      const profile = analysis.profileId ? workspace.governance.importProfiles.get(analysis.profileId) : undefined
      runImport(current.item, profile ?? analysis.format ?? undefined)
    } else if (current.stage === 'logs') runImport(current.item)
  }, [runImport, workspace])

  const skipBadRows = useCallback(() => {
    const current = taskRef.current
    if (current?.stage === 'bad-rows') commit(current.item, current.outcome)
  }, [commit])

  const chooseFormat = useCallback(
    (format: string | ImportProfile) => {
      const current = taskRef.current
      if (current && current.item.kind === 'billing') start({ ...current.item, format })
    },
    [start],
  )

  const saveProfile = useCallback(
    (profile: ImportProfile) => {
      workspace.governance.importProfiles.put(profile)
      notify({ tone: 'ok', text: `Saved the import profile “${profile.name}”; the team’s next file with these columns is read with it.` })
      chooseFormat(profile)
    },
    [workspace, notify, chooseFormat],
  )

  /** Stops the current job or dismisses the current step, then moves on. */
  const cancel = useCallback(() => {
    const current = taskRef.current
    running.current?.cancel()
    running.current = null
    if (current && current.stage !== 'importing') {
      if (current.stage === 'bad-rows') notify({ tone: 'info', text: `Nothing imported from ${itemLabel(current.item)}.` })
    }
    if (current?.stage === 'importing') notify({ tone: 'info', text: `Import of ${itemLabel(current.item)} cancelled; nothing was added.` })
    taskRef.current = null
    next()
  }, [notify, next])

  const dismissNotice = useCallback((id: number) => setNotices((current) => current.filter((notice) => notice.id !== id)), [])

  useEffect(() => () => running.current?.cancel(), [])

  return { task, queue, notices, add, importCurrent, skipBadRows, chooseFormat, saveProfile, cancel, notify, dismissNotice }
}
