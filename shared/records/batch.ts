import { z } from 'zod'
import { CurrencyAmountsSchema, IsoInstant } from './common'
import { OUTCOME_BATCH_KINDS } from './outcome'

export const BatchIssue = z.object({ line: z.number().int().nonnegative(), message: z.string() })
export type BatchIssue = z.infer<typeof BatchIssue>

/**
 * An immutable import batch, keyed by the content hash of its records. The records
 * themselves travel as a compact binary payload beside this metadata.
 */
export const BatchMeta = z.looseObject({
  id: z.string(),
  kind: z.enum(['charges', 'runs', ...OUTCOME_BATCH_KINDS]),
  format: z.string(),
  fileNames: z.array(z.string()),
  importedAt: IsoInstant,
  records: z.number().int().nonnegative(),
  totals: CurrencyAmountsSchema,
  from: IsoInstant.nullable(),
  to: IsoInstant.nullable(),
  skipped: z.array(BatchIssue),
  warnings: z.array(BatchIssue),
  /** Charges only: the version of the natural keys its identities were made by (chargeIdentity.ts); absent is 1. */
  identityVersion: z.number().int().positive().optional(),
})
export type BatchMeta = z.infer<typeof BatchMeta>
