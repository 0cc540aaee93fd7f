import type { Charge } from '../../records/charge'
import { HashesOnLines } from '../../batches/identities'
import { ChargeBatchBuilder } from './chargeBatchBuilder'
import { murmur3x86_128 } from '../../hash/murmur3'
import type { BillingParseOptions, BillingPartRead, BillingSource, PartHeader } from './billingSource'
import { readBillingRows } from './readBillingRows'

/**
 * Reads a part of a file from a line start to its end, on its own (another thread, see
 * BillingSecondPart): as rows under the given header and delimiter, with each charge's
 * identity hashed as UniqueIdentities hashes it. Null when the part has a bad row (or an
 * unclosed quote) or a row its format remarks on: the reader of the first part then reads it
 * again itself, to report it as reading the file in one go does. Charges reach `onCharge`
 * with their line counted from the part's start, and as identity their natural key (with
 * `encodeBatch`, a repeat's numbered; the reader of the first part compares identities only
 * through the hashes); with `encodeBatch` the part's share of the batch is built too, its
 * identities made unique within the part (ChargeBatchBuilder), which importBillingFile adds
 * to the first part's.
 */
export async function readBillingPart(
  source: BillingSource,
  given: PartHeader,
  options: BillingParseOptions & { onCharge?: (charge: Charge) => void; encodeBatch?: boolean } = {},
): Promise<BillingPartRead | null> {
  const hashes = new HashesOnLines(source.size ?? 0)
  const batch = options.encodeBatch ? new ChargeBatchBuilder(source.size ?? 0) : null
  const onCharge = (charge: Charge) => {
    const hash = murmur3x86_128(charge.identity)
    hashes.add(hash, charge.source.line)
    batch?.add(charge, hash)
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
    identityHashes: hashes.hashes(),
    identityLines: hashes.lines(),
    ...(batch ? { batch: batch.part() } : {}),
  }
}
