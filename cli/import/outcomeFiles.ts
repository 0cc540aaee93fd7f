import { importOutcomes } from '../../shared/importers/jobs/outcomeJob'
import { describeFileError, isFileError } from '../fileErrors'
import { fileJobSource } from '../../node/fileJobSource'
import { filesInFolder } from '../../node/filesInFolder'
import type { FileImporter } from './fileImporter'
import { fileKindOnDisk } from './fileKindOnDisk'

/**
 * Outcome exports: pull/merge request lists (JSON), incident and metrics CSVs, and CSVs whose
 * header an incident import profile was saved for, read by the import pipeline
 * (shared/importers/jobs/outcomeJob.ts). Claims the files, named or inside folders, that
 * fileKind.ts calls outcome exports by their start.
 */
export const outcomeFileImporter: FileImporter = {
  kind: 'outcomes',
  claims: (path, profiles) => fileKindOnDisk(path, profiles) === 'outcomes',
  filesIn: (folder, scan, profiles) => filesInFolder(folder, { wanted: (path) => fileKindOnDisk(path, profiles) === 'outcomes', skipHidden: true, ...scan }),
  async importFile(path, context) {
    let result
    try {
      result = await importOutcomes(fileJobSource(path), context.profiles, context.importedAt)
    } catch (error) {
      if (!isFileError(error)) throw error
      const message = describeFileError(error, 'cannot read the file')
      return { report: { path, format: null, kind: null, status: 'rejected', records: 0, errors: [{ line: 0, message }], warnings: [] }, batch: null }
    }
    return {
      report: { path, format: result.format, kind: result.kind, status: result.status, records: result.records, errors: result.errors, warnings: result.warnings },
      batch: result.batch,
    }
  },
}
