import { basename } from 'node:path'
import { type BillingSource, importBillingFile } from '../../shared/importers/billing/importBillingFile'
import { sniffEncoding } from '../../shared/importers/text/decode'
import { describeFileError, isFileError } from '../fileErrors'
import { readFileChunks, readFileHead } from '../../node/fileChunks'
import { filesInFolder } from '../../node/filesInFolder'
import type { FileImporter } from './fileImporter'

/**
 * Billing exports (CSV, or Excel's tab-separated "Unicode text"). Claims any file named
 * explicitly that no other importer claimed; inside folders, every `.csv` and `.tsv`, and
 * every `.txt` that starts with a UTF-16 byte order mark (how Excel names "Unicode text").
 */
export const billingFileImporter: FileImporter = {
  kind: 'charges',
  claims: () => true,
  filesIn: (folder, unreadable) =>
    filesInFolder(folder, { wanted: (path) => /\.(csv|tsv)$/i.test(path) || (/\.txt$/i.test(path) && startsWithUtf16Bom(path)), skipHidden: true, unreadable }),
  async importFile(path, context) {
    const charges = context.chargeSummary.pending()
    let result
    try {
      result = await importBillingFile(billingFileSource(path), {
        skipBadRows: context.skipBadRows,
        attribution: context.attribution,
        pseudonymSalt: context.pseudonymSalt,
        profiles: context.profiles,
        importedAt: context.importedAt,
        onCharge: (charge) => charges.add(charge),
      })
    } catch (error) {
      if (!isFileError(error)) throw error
      const message = describeFileError(error, 'cannot read the file')
      return { report: { path, format: null, kind: 'charges', status: 'rejected', records: 0, errors: [{ line: 0, message }], warnings: [] }, batch: null }
    }
    return {
      report: {
        path,
        format: result.format,
        kind: 'charges',
        status: result.status,
        records: result.records,
        errors: result.errors,
        warnings: result.warnings,
      },
      batch: result.batch,
      charges,
    }
  },
}

/**
 * A billing export on disk as the pure importer reads it. The records name the file, not
 * where it sat: paths are personal and would change the batch hash. 64 KiB reads: the
 * tokenizer's window and each chunk's text then stay small and die young (1 MiB chunks
 * doubled the benchmark's memory and time).
 */
export function billingFileSource(path: string): BillingSource {
  return {
    name: basename(path),
    chunks: readFileChunks(path, 64 * 1024),
    latin1: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
  }
}

function startsWithUtf16Bom(path: string): boolean {
  return sniffEncoding(readFileHead(path, 2)).encoding.startsWith('utf-16')
}
