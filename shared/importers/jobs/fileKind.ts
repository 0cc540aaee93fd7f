/**
 * What kind of file a path is, for every platform (the Import view, `cli import`): the one
 * place that decides which of the pipeline's jobs reads a file.
 */
import type { ImportProfile } from '../../records/settings'
import { SESSION_ENTRY_NAMES } from '../logs/agentTools'
import { isSessionLogPath } from '../logs/sessionLogFormats'
import { HeaderIndex } from '../csv/header'
import { isOutcomeExport, isOutcomeHeader } from '../outcomes/importOutcomeFile'
import { sniffEncoding } from '../text/decode'
import { hasBillingExtension } from './billingExtensions'

export type FileKind = 'billing' | 'logs' | 'outcomes' | 'other'

/** How many first bytes fileKindOf reads: enough for a CSV header or a JSON list's opening bracket. */
export const FILE_HEAD_BYTES = 4096

/**
 * From the path alone: billing exports are CSV (or TSV, or Excel's "Unicode text" .txt),
 * agent session logs are what an agent's format claims (sessionLogFormats.ts), outcome
 * exports are JSON. Incident and metrics CSVs read as billing here: their header tells them
 * apart (fileKindOf, or the Import view once it has read the header).
 */
export function fileKindOfPath(path: string): FileKind {
  if (isSessionLogPath(path)) return 'logs'
  if (hasBillingExtension(path)) return 'billing'
  if (path.toLowerCase().endsWith('.json')) return 'outcomes'
  return 'other'
}

/**
 * From the path and, when the path does not decide (a session log, a file of no kind), the
 * file's first bytes (up to FILE_HEAD_BYTES, from `readHead`: a folder of 13,000 transcripts is
 * never opened to be told apart): a CSV whose header an outcome format or the team's incident
 * profile knows, and any JSON list, is an outcome export; other JSON is nothing we read, and a
 * `.txt` is a bill only in UTF-16 (how Excel saves "Unicode text"; any other .txt in a folder
 * is someone's notes).
 */
export function fileKindOf(path: string, readHead: () => Uint8Array, profiles: readonly ImportProfile[] = []): FileKind {
  const byPath = fileKindOfPath(path)
  if (byPath === 'logs' || byPath === 'other') return byPath
  const head = readHead()
  const { encoding, bomLength } = sniffEncoding(head)
  if (isOutcomeExport(new TextDecoder(encoding).decode(head.subarray(bomLength)), profiles)) return 'outcomes'
  if (byPath === 'outcomes') return 'other'
  if (/\.txt$/i.test(path) && !encoding.startsWith('utf-16')) return 'other'
  return 'billing'
}

/** A CSV by its header, once read: an outcome export when an outcome format or the team's incident profile knows the header, else a bill. */
export function csvKindOfHeader(header: readonly string[], profiles: readonly ImportProfile[] = []): 'billing' | 'outcomes' {
  return header.length > 0 && isOutcomeHeader(new HeaderIndex(header), profiles) ? 'outcomes' : 'billing'
}

/**
 * Files picked or dropped together, by kind (from their paths). A picked ~/.claude or ~/.codex
 * also holds other JSONL state (history.jsonl, …): when some logs sit under an agent's session
 * folder (projects/, sessions/, …: AGENT_SESSION_ENTRIES), only those are session logs, as the
 * discovery of log folders decides, and the rest are `other`. So are the JSON files beside an
 * agent's session folders (~/.gemini/projects.json beside tmp/, ~/.codex/auth.json): the
 * agent's own state, never an outcome export.
 */
export function filesByKind<T extends { relativePath: string }>(files: readonly T[]): Record<FileKind, T[]> {
  const byKind: Record<FileKind, T[]> = { billing: [], logs: [], outcomes: [], other: [] }
  const agentState = besideSessionFolders(files)
  for (const file of files) byKind[agentState.has(file) ? 'other' : fileKindOfPath(file.relativePath)].push(file)
  const inLogFolder = (file: T) => file.relativePath.split(/[\\/]/).some((part) => SESSION_ENTRY_NAMES.has(part))
  if (byKind.logs.some(inLogFolder)) {
    byKind.other.push(...byKind.logs.filter((file) => !inLogFolder(file)))
    byKind.logs = byKind.logs.filter(inLogFolder)
  }
  return byKind
}

/** The outcome-looking JSON files that lie directly in a folder which also holds an agent's session folder. */
function besideSessionFolders<T extends { relativePath: string }>(files: readonly T[]): Set<T> {
  const folderOf = (path: string) => path.split(/[\\/]/).slice(0, -1).join('/')
  const dataFolders = new Set<string>()
  for (const file of files) {
    const parts = file.relativePath.split(/[\\/]/)
    const entry = parts.findIndex((part, i) => i < parts.length - 1 && SESSION_ENTRY_NAMES.has(part))
    if (entry > 0) dataFolders.add(parts.slice(0, entry).join('/'))
  }
  return new Set(files.filter((file) => fileKindOfPath(file.relativePath) === 'outcomes' && dataFolders.has(folderOf(file.relativePath))))
}
