import { FILE_HEAD_BYTES, type FileKind, fileKindOf } from '../../shared/importers/jobs/fileKind'
import type { ImportProfile } from '../../shared/records/settings'
import { readFileHead } from '../../node/fileChunks'
import { isFileError } from '../fileErrors'

/**
 * What a file on disk is (fileKind.ts), from its path and first bytes. A file that cannot be
 * read is judged as an empty one: the importer that takes it then reports why.
 */
export function fileKindOnDisk(path: string, profiles: readonly ImportProfile[]): FileKind {
  return fileKindOf(path, () => readHeadOrNothing(path), profiles)
}

function readHeadOrNothing(path: string): Uint8Array {
  try {
    return readFileHead(path, FILE_HEAD_BYTES)
  } catch (error) {
    if (!isFileError(error)) throw error
    return new Uint8Array(0)
  }
}
