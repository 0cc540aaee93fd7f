import type { Charge } from '../../records/charge'
import { HashesOnLines } from '../../batches/identities'
import { murmur3x86_128 } from '../../hash/murmur3'
import type { BillingParseOptions, BillingPartRead, BillingSource, PartHeader } from './billingSource'
import { readBillingRows } from './readBillingRows'

/**
 * Reads a part of a file from a line start to its end, on its own (another thread, see
 * BillingSecondPart): as rows under the given header and delimiter, with each charge's
 * identity hashed as UniqueIdentities hashes it. Null when the part has a bad row (or an
 * unclosed quote) or a row its format remarks on: the reader of the first part then reads it
 * again itself, to report it as reading the file in one go does. Charges reach `onCharge` with their natural key as
 * identity, not made unique (a part is read only when nothing compares identities), and
 * their line counted from the part's start.
 */
export async function readBillingPart(
  source: BillingSource,
  given: PartHeader,
  options: BillingParseOptions & { onCharge?: (charge: Charge) => void } = {},
): Promise<BillingPartRead | null> {
  const identities = new HashesOnLines()
  const onCharge = (charge: Charge) => {
    identities.add(murmur3x86_128(charge.identity), charge.source.line)
    options.onCharge?.(charge)
  }
  const read = await readBillingRows(source, { ...options, skipBadRows: false, maxErrors: 1, onCharge }, given)
  if (read.fatal || read.errorCount > 0 || read.rowWarnings > 0) return null
  return {
    records: read.records,
    rows: read.rows,
    bytes: read.bytes,
    warnings: read.warnings,
    totals: read.totals.toTotals().toJSON(),
    zeroRows: read.zeroRows,
    firstZeroLine: read.firstZeroLine,
    from: read.from,
    to: read.to,
    identityHashes: identities.hashes(),
    identityLines: identities.lines(),
  }
}
