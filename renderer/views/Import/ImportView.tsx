import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { BatchMeta } from '../../../shared/records/batch'
import type { AgentLogScan } from '../../platform/bridge'
import { Notice } from '../../components/Notice'
import { useBridge, useObserved, useWorkspace } from '../../workspace/WorkspaceContext'
import { AgentLogScanResult } from './AgentLogScan'
import { BatchList } from './BatchList'
import { plural } from '../../../shared/text/plural'
import { batchName } from './display'
import { DropZone } from './DropZone'
import type { ImportEngine } from './importEngine'
import { onFilePickerRequest } from './importRequests'
import { ImportTaskPanel } from './ImportTaskPanel'
import { ledgerUndoManager } from './ledgerUndo'
import type { ImportSource } from './sources'
import { useImportFlow } from './useImportFlow'
import './ImportView.css'

// .db: an agent's SQLite store (OpenCode, Kilo), which the desktop app reads as its rows.
const EXTENSIONS = ['csv', 'tsv', 'txt', 'jsonl', 'json', 'db']

/**
 * Billing exports and agent session logs in: pick, drop or scan; see the detected format and
 * the first rows as they will be stored; map an unknown CSV once; import with progress; the
 * batches the workspace holds, each removable (and restorable).
 */
export function ImportView({ engine: providedEngine }: { params?: string[]; engine?: ImportEngine }) {
  const workspace = useWorkspace()
  const bridge = useBridge()
  const flow = useImportFlow(workspace, providedEngine)
  const [scan, setScan] = useState<AgentLogScan | 'scanning' | null>(null)
  const undo = useMemo(() => ledgerUndoManager(workspace.ledger), [workspace])

  const batches = useObserved((onChange) => workspace.ledger.observe(onChange), () => workspace.ledger.list().records, [workspace])
  const profiles = useObserved(
    (onChange) => {
      workspace.governance.importProfiles.map.observeDeep(onChange)
      return () => workspace.governance.importProfiles.map.unobserveDeep(onChange)
    },
    () => workspace.governance.importProfiles.list().records,
    [workspace],
  )

  const { add, notify } = flow
  const pick = useCallback(
    (directories = false) => {
      bridge.openFiles(directories ? { title: 'Import a folder', directories: true } : { title: 'Import', extensions: EXTENSIONS }).then(
        (files) => files.length > 0 && add(files as ImportSource[]),
        (error: unknown) => notify({ tone: 'error', text: `Could not open the files: ${(error as Error).message}` }),
      )
    },
    [bridge, add, notify],
  )
  useEffect(() => onFilePickerRequest(() => pick()), [pick])

  const scanMachine = () => {
    if (!bridge.scanAgentLogs) return
    setScan('scanning')
    bridge.scanAgentLogs().then(setScan, (error: unknown) => {
      setScan(null)
      notify({ tone: 'error', text: `Could not scan for agent logs: ${(error as Error).message}` })
    })
  }

  const remove = (batch: BatchMeta) => {
    workspace.ledger.remove(batch.id)
    const name = batchName(batch, profiles)
    notify({ tone: 'info', text: `Removed the batch ${name} (${plural(batch.records, batch.kind === 'charges' ? 'charge' : 'run')}).`, removedBatch: batch.id })
  }
  // Each new step takes the focus to its heading (its button just went away), unless the person is typing.
  const panel = useRef<HTMLDivElement>(null)
  const stage = flow.task?.stage ?? null
  const item = flow.task?.item
  useEffect(() => {
    if (!stage || document.activeElement?.closest('input, select, textarea')) return
    const heading = panel.current?.querySelector('h2')
    if (!heading) return
    heading.tabIndex = -1
    heading.focus({ preventScroll: false })
  }, [stage, item])

  const latestRemoval = flow.notices.find((notice) => notice.removedBatch)?.id

  return (
    <div className="view import-view">
      <header className="view-header">
        <h1>Import</h1>
        <div className="actions">
          <button type="button" onClick={() => pick(true)}>
            Choose a folder…
          </button>
          {bridge.scanAgentLogs && (
            <button type="button" onClick={scanMachine} disabled={scan === 'scanning'}>
              {scan === 'scanning' ? 'Scanning…' : 'Scan this machine for agent logs'}
            </button>
          )}
        </div>
      </header>
      {!bridge.scanAgentLogs && (
        // A web page cannot look into the machine's folders: say where the logs are instead.
        <p className="import-muted" data-testid="log-folders-hint">
          Agent logs live in <code>~/.claude/projects</code> (Claude Code), <code>~/.codex/sessions</code> (Codex),{' '}
          <code>~/.copilot/session-state</code> (Copilot CLI), <code>~/.gemini/tmp</code> (Gemini CLI), <code>~/.qwen/projects</code> (Qwen Code),{' '}
          <code>~/.factory/sessions</code> (Droid) and <code>~/.local/share/amp/threads</code> (Amp): choose one of those folders with “Choose a
          folder…”. OpenCode, Goose and Kilo keep theirs in SQLite databases, which only the desktop app and the command line can read.
          The desktop app finds every store by itself.
        </p>
      )}

      <DropZone onFiles={add} onPick={() => pick()} busy={flow.task !== null} />

      <div className="import-notices" role="status" aria-live="polite">
        {flow.notices.map((notice) => (
          <Notice
            key={notice.id}
            tone={notice.tone}
            testId="import-notice"
            onDismiss={() => flow.dismissNotice(notice.id)}
            action={
              notice.removedBatch &&
              notice.id === latestRemoval &&
              workspace.ledger.has(notice.removedBatch) === false && (
                <button
                  type="button"
                  onClick={() => {
                    undo.undo()
                    flow.dismissNotice(notice.id)
                  }}
                >
                  Undo
                </button>
              )
            }
          >
            {notice.text}
          </Notice>
        ))}
      </div>

      {scan && scan !== 'scanning' && (
        <AgentLogScanResult
          scan={scan}
          onImport={() => {
            add(scan.files)
            setScan(null)
          }}
          onPickFolder={() => {
            setScan(null)
            pick(true)
          }}
          onClose={() => setScan(null)}
        />
      )}

      <div ref={panel} className="import-task">{flow.task && <ImportTaskPanel task={flow.task} flow={flow} />}</div>
      {flow.queue.length > 0 && <p className="import-muted">{plural(flow.queue.length, 'more import')} waiting.</p>}

      <section className="import-batches" aria-labelledby="batches-heading">
        <h2 id="batches-heading">Batches</h2>
        <BatchList batches={batches} profiles={profiles} onRemove={remove} />
      </section>
    </div>
  )
}
