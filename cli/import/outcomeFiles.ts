import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { importOutcomeText, isOutcomeExport } from '../../shared/importers/outcomes/importOutcomeFile'
import { chunksOf, decodeTextChunks, sniffEncoding } from '../../shared/importers/text/decode'
import { readFileHead } from '../fileChunks'
import type { FileImporter } from './fileImporter'
import { walkFiles } from './walkFiles'

/**
 * Outcome exports: pull/merge request lists (JSON), incident and metrics CSVs. Claims a named
 * file whose start has an outcome export's shape; inside folders, `.json` files and CSVs whose
 * header an outcome format knows. They are small, so each is read whole.
 */
export const outcomeFileImporter: FileImporter = {
  kind: 'outcomes',
  claims: (path) => isOutcomeExport(readHead(path)),
  filesIn: (folder) => walkFiles(folder, (path) => /\.(json|csv|tsv)$/i.test(path) && isOutcomeExport(readHead(path))),
  async importFile(path, context) {
    let text = ''
    for await (const part of decodeTextChunks(chunksOf(readFileSync(path)))) text += part
    const result = importOutcomeText({ name: basename(path), text }, context.importedAt)
    return {
      report: { path, format: result.format, kind: result.kind, status: result.status, records: result.records, errors: result.errors, warnings: result.warnings },
      batch: result.batch,
    }
  },
}

/** The first 4 KiB as text: enough for a CSV header or a JSON list's opening bracket. */
function readHead(path: string): string {
  const bytes = readFileHead(path, 4096)
  const { encoding, bomLength } = sniffEncoding(bytes)
  return new TextDecoder(encoding).decode(bytes.subarray(bomLength))
}
