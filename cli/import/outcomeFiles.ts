import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { importOutcomeText, isOutcomeExport } from '../../shared/importers/outcomes/importOutcomeFile'
import { chunksOf, decodeTextChunks, sniffEncoding } from '../../shared/importers/text/decode'
import { readFileHead } from '../../node/fileChunks'
import { isFileError } from '../fileErrors'
import { filesInFolder } from '../../node/filesInFolder'
import type { FileImporter } from './fileImporter'

/**
 * Outcome exports: pull/merge request lists (JSON), incident and metrics CSVs, and CSVs whose
 * header an incident import profile was saved for. Claims a named file whose start has an
 * outcome export's shape; inside folders, `.json` files and CSVs whose header an outcome
 * format or incident profile knows. They are small, so each is read whole.
 */
export const outcomeFileImporter: FileImporter = {
  kind: 'outcomes',
  claims: (path, profiles) => isOutcomeExport(readHead(path), profiles),
  filesIn: (folder, unreadable, profiles) =>
    filesInFolder(folder, { wanted: (path) => /\.(json|csv|tsv)$/i.test(path) && isOutcomeExport(readHead(path), profiles), skipHidden: true, unreadable }),
  async importFile(path, context) {
    let text = ''
    for await (const part of decodeTextChunks(chunksOf(readFileSync(path)))) text += part
    const result = importOutcomeText({ name: basename(path), text }, context.importedAt, { profiles: context.profiles })
    return {
      report: { path, format: result.format, kind: result.kind, status: result.status, records: result.records, errors: result.errors, warnings: result.warnings },
      batch: result.batch,
    }
  },
}

/**
 * The first 4 KiB as text: enough for a CSV header or a JSON list's opening bracket. A file
 * that cannot be read is not claimed here: the importer that takes it reports why.
 */
function readHead(path: string): string {
  let bytes
  try {
    bytes = readFileHead(path, 4096)
  } catch (error) {
    if (isFileError(error)) return ''
    throw error
  }
  const { encoding, bomLength } = sniffEncoding(bytes)
  return new TextDecoder(encoding).decode(bytes.subarray(bomLength))
}
