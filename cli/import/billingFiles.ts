import type { BillingSource } from '../../shared/importers/billing/billingSource'
import { importBilling } from '../../shared/importers/jobs/billingJob'
import { describeFileError, isFileError } from '../fileErrors'
import { fileJobSource } from '../../node/fileJobSource'
import { filesInFolder } from '../../node/filesInFolder'
import type { FileImporter } from './fileImporter'
import { fileKindOnDisk } from './fileKindOnDisk'
import { withSecondPartOnThread } from './billingSecondPart'

/**
 * Billing exports (CSV, or Excel's tab-separated "Unicode text"), read by the import pipeline
 * (shared/importers/jobs/billingJob.ts). Claims any file named explicitly that no other
 * importer claimed; inside folders, the files fileKind.ts calls billing.
 */
export const billingFileImporter: FileImporter = {
  kind: 'charges',
  claims: () => true,
  filesIn: (folder, scan, profiles) => filesInFolder(folder, { wanted: (path) => fileKindOnDisk(path, profiles) === 'billing', skipHidden: true, ...scan }),
  async importFile(path, context) {
    const charges = context.chargeTotals.pending()
    let outcome
    try {
      // The batch is hashed and written to the workspace file by Node alone: its payload is grown in place.
      const options = { skipBadRows: context.skipBadRows, attribution: context.attribution, pseudonymSalt: context.pseudonymSalt, profiles: context.profiles, encodeBatch: context.storesBatches, keepIdentities: context.identitiesCompared, payloadInPlace: true }
      const source = fileJobSource(path)
      // Rows whose identities meet no other file's (the run's summary counts them as new): a big file is read on two threads.
      const checked = context.identitiesCompared ? source : await withSecondPartOnThread(source, path, options, (part) => charges.addData(part))
      outcome = await importBilling(checked, options, context.importedAt, { onCharge: (charge) => charges.add(charge) })
    } catch (error) {
      if (!isFileError(error)) throw error
      const message = describeFileError(error, 'cannot read the file')
      return { report: { path, format: null, kind: 'charges', status: 'rejected', records: 0, errors: [{ line: 0, message }], warnings: [] }, batch: null }
    }
    const { summary } = outcome
    return {
      report: { path, format: summary.format, kind: 'charges', status: summary.status, records: summary.records, errors: summary.errors, warnings: summary.warnings },
      batch: outcome.batch,
      charges,
      identities: outcome.identities,
    }
  },
}

/** A billing export on disk as the bare parser reads it (the billing benchmark). */
export function billingFileSource(path: string): BillingSource {
  const source = fileJobSource(path)
  return { name: source.name, chunks: source.chunks(), latin1: source.latin1 }
}
