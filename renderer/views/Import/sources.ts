import { readableStreamChunks } from '../../../shared/importers/text/decode'
import { pickedFileFromDom } from '../../platform/bridge.web'
import type { JobSource } from '../../../shared/importers/jobs/jobTypes'
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

/** A source as the import pipeline reads it (in-process, or the view's side of the worker). */
export function jobSource(source: ImportSource): JobSource {
  return { name: source.name, relativePath: source.relativePath, size: source.size, chunks: () => source.stream() }
}

/** A dropped or picked DOM file: the same wrapping the web bridge gives its picked files. */
export const sourceFromFile: (file: File, relativePath?: string) => ImportSource = pickedFileFromDom

export function readBlob(blob: Blob): AsyncIterable<Uint8Array> {
  return readableStreamChunks(blob.stream(), blob.size)
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
