import { ColumnBuilder, type ColumnPart } from '../../batches/columnCodec'
import { HashedIdentityRows, identityStrings, UniqueIdentities } from '../../batches/identities'
import type { Charge } from '../../records/charge'
import { storedIdentity } from '../../records/chargeIdentity'
import type { BillingBatchPart } from './billingSource'

const IDENTITY = 'identity'

/**
 * A billing batch's charges as they are read, the same wherever a part of a file is read (the
 * stored bytes, and so the batch id, depend on it): each charge's identity made unique among
 * those added (UniqueIdentities), then the charge added to the columns, where identities,
 * unique and kept anyway, are listed as they are.
 *
 * A part read on another thread keeps its identities apart (`identitiesApart`): most are the
 * hex of the row's key hash, which the part hands on anyway (readBillingPart's identity
 * hashes), so they are made only where the part is taken (columnsWithIdentities). Made as
 * each row was read, the half million of the million-row OpenAI export's second half each
 * outlived the young generation (70-100 ms of the collector's time on the part's thread, and
 * 30 MB), were cloned into the message and made again on the receiving thread.
 */
export class ChargeBatchBuilder {
  readonly records = new ColumnBuilder(new Set([IDENTITY]))
  readonly identities: UniqueIdentities
  /** The line of the first charge whose natural key repeats an earlier one's, or 0. */
  private firstRepeatLine = 0
  /** With identities apart: which charges' identities are the hex of their key's hash, and the others'. */
  private readonly apart: HashedIdentityRows | null

  /** `bytes`: how much of an export the charges come from, to size the identities' table. */
  constructor(bytes: number, { identitiesApart = false } = {}) {
    this.identities = identitiesForBytes(bytes)
    this.apart = identitiesApart ? new HashedIdentityRows() : null
  }

  /**
   * Adds the charge, its identity made the stored one (`keyHash`: its natural key's
   * murmur3x86_128, when known; with identities apart it must be, and the charge keeps its
   * natural key); returns whether its key repeated.
   */
  add(charge: Charge, keyHash?: Int32Array): boolean {
    if (this.apart !== null) return this.addApart(this.apart, charge, keyHash!)
    const unique = this.identities.next(charge.identity, keyHash)
    charge.identity = unique.identity
    this.noteRepeat(unique.repeated, charge)
    this.records.add(charge)
    return unique.repeated
  }

  private addApart(apart: HashedIdentityRows, charge: Charge, keyHash: Int32Array): boolean {
    const naturalKey = charge.identity
    const unique = this.identities.nextKey(naturalKey, keyHash)
    // `hash` is the key's own when the identity is its hex (next() gives the same identities).
    apart.add(unique.hash !== null ? null : unique.repeated ? storedIdentity(unique.key) : unique.key)
    this.noteRepeat(unique.repeated, charge)
    // A placeholder in the columns (columnsWithIdentities puts the identities there).
    charge.identity = ''
    this.records.add(charge)
    charge.identity = naturalKey
    return unique.repeated
  }

  private noteRepeat(repeated: boolean, charge: Charge): void {
    if (repeated && this.firstRepeatLine === 0) this.firstRepeatLine = charge.source.line
  }

  /** What was added with identities apart, as plain data for another thread's builder (see ColumnBuilder.part and columnsWithIdentities). */
  part(): BillingBatchPart {
    if (this.apart === null) throw new Error('only a builder keeping its identities apart hands on a part')
    const records = this.records.part()
    // The placeholders are not sent.
    if (records.kind === 'object') records.children[records.keys.indexOf(IDENTITY)] = { kind: 'none' }
    return { records, firstRepeatLine: this.firstRepeatLine, hashedIdentities: this.apart.flags().slice(), otherIdentities: this.apart.others }
  }
}

/**
 * A part's columns (ChargeBatchBuilder.part) with its identity column as a builder that made
 * each identity as it read the charges holds it: the hex of the key hash of each charge marked
 * hashed (`keyHashes`: four words a charge, in its order), the part's other identities in
 * between. Null when the part does not hold that many charges with an identity column left out.
 */
export function columnsWithIdentities(part: BillingBatchPart, keyHashes: Int32Array): ColumnPart | null {
  const { records, hashedIdentities: hashed, otherIdentities: others } = part
  if (records.kind !== 'object' || hashed.length !== records.rows || keyHashes.length !== records.rows * 4) return null
  const at = records.keys.indexOf(IDENTITY)
  if (at < 0 || records.children[at].kind !== 'none') return null
  const identities = identityStrings(hashed, others, keyHashes, true)
  if (identities === null) return null
  const children = [...records.children]
  children[at] = { kind: 'scalar', rows: records.rows, scalars: { t: 'values', v: identities } }
  return { ...records, children }
}

/** Unique identities for `bytes` of an export, sized for rows of about 190 bytes (an Anthropic cost row): a million-row export's table never grows. */
export function identitiesForBytes(bytes: number): UniqueIdentities {
  return new UniqueIdentities(bytes / 192)
}
