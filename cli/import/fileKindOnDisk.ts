import { FILE_HEAD_BYTES, type FileKind, fileKindOfHead, fileKindOfPath } from '../../shared/importers/jobs/fileKind'
import type { ImportProfile } from '../../shared/records/settings'
import { readFileHead } from '../../node/fileChunks'
import { isFileError } from '../fileErrors'

/**
 * What a file on disk is (fileKind.ts), from its path and first bytes. A file that cannot be
 * read is judged as an empty one: the importer that takes it then reports why. A path that
 * decides alone (a session log, a file of no kind) is never opened: a folder of 13,000
 * transcripts is walked once per importer.
 */
export function fileKindOnDisk(path: string, profiles: readonly ImportProfile[]): FileKind {
  const byPath = fileKindOfPath(path)
  if (byPath === 'logs' || byPath === 'other') return byPath
  let head: Uint8Array = new Uint8Array(0)
  try {
    head = readFileHead(path, FILE_HEAD_BYTES)
  } catch (error) {
    if (!isFileError(error)) throw error
  }
  return fileKindOfHead(path, head, profiles)
}
