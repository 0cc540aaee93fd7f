import type { ImportProfile } from '../../records/settings'
import { importOutcomeText, type OutcomeImportResult } from '../outcomes/importOutcomeFile'
import { decodeTextChunks } from '../text/decode'
import type { JobSource } from './jobTypes'

/**
 * A pull request, incident or metrics export in the import pipeline: small, so read whole,
 * and one batch or rejected whole (nothing to map or preview).
 */
export async function importOutcomes(source: JobSource, profiles: readonly ImportProfile[], importedAt: string): Promise<OutcomeImportResult> {
  let text = ''
  for await (const part of decodeTextChunks(source.chunks())) text += part
  return importOutcomeText({ name: source.name, text }, importedAt, { profiles })
}
