import { readableStreamChunks } from '../../../shared/importers/text/decode'
import { pickedFileFromDom } from '../../platform/bridge.web'
import { SESSION_ENTRY_NAMES } from '../../../shared/importers/logs/agentTools'
import { isSessionLogPath } from '../../../shared/importers/logs/sessionLogFormats'
/**
 * What the Import view reads: a picked, dropped or scanned file. A DOM `File` (dropped, or
 * picked in the browser) can be posted to the import worker whole; anything else (the desktop
 * app's files, read through the Bridge) is fed to the worker chunk by chunk.
 */
export interface ImportSource {
  name: string
  /** Path relative to a picked or dropped folder (or just the name); shown in messages. */
  relativePath: string
  size: number
  /** The DOM file, when there is one (the worker then reads it itself). */
  file?: Blob
  stream(): AsyncIterable<Uint8Array>
}

export type SourceKind = 'billing' | 'logs' | 'outcomes' | 'other'

/**
 * Billing exports are CSV (or TSV), agent session logs are JSON Lines, pull request exports
 * JSON. Incident and metrics CSVs start as billing and are told apart by their header.
 */
export function classifySource(path: string): SourceKind {
  const lower = path.toLowerCase()
  if (/\.(csv|tsv|txt)$/.test(lower)) return 'billing'
  if (isSessionLogPath(path)) return 'logs'
  if (/\.json$/.test(lower)) return 'outcomes'
  return 'other'
}

/** A dropped or picked DOM file: the same wrapping the web bridge gives its picked files. */
export const sourceFromFile: (file: File, relativePath?: string) => ImportSource = pickedFileFromDom

export function readBlob(blob: Blob): AsyncIterable<Uint8Array> {
  return readableStreamChunks(blob.stream())
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

/**
 * The session logs among picked files. A picked ~/.claude or ~/.codex also holds other JSONL
 * state (history.jsonl, …): when some files sit under an agent's session folder (projects/,
 * sessions/, …: AGENT_SESSION_ENTRIES), only those are session logs (as the CLI's discovery decides).
 */
export function sessionLogs(sources: readonly ImportSource[]): { logs: ImportSource[]; ignored: ImportSource[] } {
  const inLogFolder = (source: ImportSource) => source.relativePath.split(/[\\/]/).some((part) => SESSION_ENTRY_NAMES.has(part))
  if (!sources.some(inLogFolder)) return { logs: [...sources], ignored: [] }
  return { logs: sources.filter(inLogFolder), ignored: sources.filter((source) => !inLogFolder(source)) }
}

/**
 * JSON files that lie beside an agent's session folders in a picked data folder
 * (~/.gemini/projects.json and settings.json beside tmp/, ~/.codex/auth.json beside sessions/):
 * the agent's own state, never an outcome export.
 */
export function besideSessionFolders(sources: readonly ImportSource[]): Set<ImportSource> {
  const folderOf = (path: string) => path.split(/[\\/]/).slice(0, -1).join('/')
  const dataFolders = new Set<string>()
  for (const source of sources) {
    const parts = source.relativePath.split(/[\\/]/)
    const entry = parts.findIndex((part, i) => i < parts.length - 1 && SESSION_ENTRY_NAMES.has(part))
    if (entry > 0) dataFolders.add(parts.slice(0, entry).join('/'))
  }
  return new Set(sources.filter((source) => classifySource(source.relativePath) === 'outcomes' && dataFolders.has(folderOf(source.relativePath))))
}
