import { ColumnBuilder } from '../../batches/columnCodec'
import { UniqueIdentities } from '../../batches/identities'
import type { Charge } from '../../records/charge'
import type { BillingBatchPart } from './billingSource'

/**
 * A billing batch's charges as they are read, the same wherever a part of a file is read (the
 * stored bytes, and so the batch id, depend on it): each charge's identity made unique among
 * those added (UniqueIdentities), then the charge added to the columns, where identities,
 * unique and kept anyway, are listed as they are.
 */
export class ChargeBatchBuilder {
  readonly records = new ColumnBuilder(new Set(['identity']))
  readonly identities: UniqueIdentities
  /** The line of the first charge whose natural key repeats an earlier one's, or 0. */
  private firstRepeatLine = 0

  /** `bytes`: how much of an export the charges come from, to size the identities' table. */
  constructor(bytes: number) {
    this.identities = identitiesForBytes(bytes)
  }

  /** Adds the charge, its identity made the stored one (`keyHash`: its natural key's murmur3x86_128, when known); returns whether its key repeated. */
  add(charge: Charge, keyHash?: Int32Array): boolean {
    const unique = this.identities.next(charge.identity, keyHash)
    charge.identity = unique.identity
    if (unique.repeated && this.firstRepeatLine === 0) this.firstRepeatLine = charge.source.line
    this.records.add(charge)
    return unique.repeated
  }

  /** What was added, as plain data for another thread's builder (see ColumnBuilder.part). */
  part(): BillingBatchPart {
    return { records: this.records.part(), firstRepeatLine: this.firstRepeatLine }
  }
}

/** Unique identities for `bytes` of an export, sized for rows of about 190 bytes (an Anthropic cost row): a million-row export's table never grows. */
export function identitiesForBytes(bytes: number): UniqueIdentities {
  return new UniqueIdentities(bytes / 192)
}
