import type { BuiltColumns } from '../../batches/batch'
import { type Column, ColumnBuilder, type ColumnPart, type Json } from '../../batches/columnCodec'
import { HashedStrings, HashedStringsBuilder, type HashedStringsPart, isWholePart } from '../../batches/hashedStrings'
import { type ChargeIdentities, PackedChargeIdentities, UniqueIdentities } from '../../batches/identities'
import type { JsonWritable } from '../../batches/jsonUtf8'
import type { Charge } from '../../records/charge'
import { storedIdentity } from '../../records/chargeIdentity'
import type { BillingBatchPart } from './billingSource'
import { rowRoomFor } from '../../batches/rowRoom'

const IDENTITY = 'identity'
/** What the columns hold for every identity: one constant, whatever the rows. */
const PLACEHOLDER = ''

/**
 * A billing batch's charges as they are read, the same wherever a part of a file is read (the
 * stored bytes, and so the batch id, depend on it): each charge's identity made unique among
 * those added (UniqueIdentities) and kept apart, packed (HashedStrings: most are the hex of
 * the row's key hash, kept as its four words), the charge added to the columns with a
 * placeholder for it. The payload writes the identities where the placeholder is (`finish`);
 * a part of a file read on another thread hands its own on (`part`), and the builder of the
 * first part adds them after its own (`addLastPart`). Made as strings as each row was read, a
 * million identities were most of the import's garbage, and were cloned into the message from
 * the other thread and written out again character by character.
 */
export class ChargeBatchBuilder implements BuiltColumns {
  private readonly records: ColumnBuilder
  readonly identities: UniqueIdentities
  private readonly stored = new HashedStringsBuilder()
  /** The stored identities of the parts added after the charges here. */
  private readonly lastParts: HashedStringsPart[] = []
  /** The charges' format (a file's are all of its one format). */
  private format: string | null = null
  /** The line of the first charge whose natural key repeats an earlier one's, or 0. */
  private firstRepeatLine = 0

  /**
   * `bytes`: how much of an export the charges come from, to size the identities' table;
   * `columnBytes`: how much the columns will hold (with a part read elsewhere added: the whole
   * file), to make room for its rows at once (rowRoomFor).
   */
  constructor(bytes: number, columnBytes = bytes) {
    this.identities = identitiesForBytes(bytes)
    this.records = new ColumnBuilder(rowRoomFor(columnBytes))
  }

  get length(): number {
    return this.records.length
  }

  /**
   * Adds the charge (`keyHash`: its natural key's murmur3x86_128, when known), which keeps as
   * its identity the natural-key form of the stored one (storedIdentity gives the stored one);
   * returns whether its key repeated.
   */
  add(charge: Charge, keyHash?: Int32Array): boolean {
    if (charge.format !== (this.format ??= charge.format)) throw new Error(`a billing batch holds charges of one format, not ${this.format} and ${charge.format}`)
    const unique = this.identities.nextKey(charge.identity, keyHash)
    // `hash` is the key's own when the identity is its hex.
    if (unique.hash !== null) this.stored.addHash(unique.hash)
    else this.stored.add(unique.repeated ? storedIdentity(unique.key) : unique.key)
    if (unique.repeated && this.firstRepeatLine === 0) this.firstRepeatLine = charge.source.line
    charge.identity = PLACEHOLDER
    this.records.add(charge)
    charge.identity = unique.key
    return unique.repeated
  }

  /** What was added, as plain data for another thread's builder (see addLastPart). */
  part(): BillingBatchPart {
    return { records: this.records.part(), firstRepeatLine: this.firstRepeatLine, identities: this.stored.part() }
  }

  /**
   * Whether `part` (another builder's, from the rest of the file) can be added after the
   * charges here: a stored identity for each of its charges, which are of this format, and
   * columns these take (ColumnBuilder.canAdd).
   */
  canAdd({ records, identities }: BillingBatchPart): boolean {
    if (records.kind !== 'object' || records.rows !== identities.hashed.length || !isWholePart(identities)) return false
    const format = constantOf(records, 'format')
    if (constantOf(records, IDENTITY) !== PLACEHOLDER || typeof format !== 'string' || format !== (this.format ?? format)) return false
    return this.records.canAdd(records)
  }

  /** Adds a part `canAdd` takes, its lines counted on from `lineOffset`; nothing can be added after it. */
  addLastPart(part: BillingBatchPart, lineOffset: number): void {
    this.records.addLastPart(part.records, { source: { line: (line) => (line as number) + lineOffset } })
    this.lastParts.push(part.identities)
    if (part.records.kind === 'object') this.format ??= constantOf(part.records, 'format') as string
  }

  /** The columns, and the payload's with the identities in place of their placeholder. */
  finish(): { column: Column; written: JsonWritable } {
    const column = this.records.finish()
    // No charges: nothing to put in.
    if (this.length === 0) return { column, written: column }
    if (column.t !== 'obj') throw new Error('a billing batch holds charges (records)')
    const at = column.k.indexOf(IDENTITY)
    const held = column.c[at]
    if (held?.t !== 'const' || held.v !== PLACEHOLDER) throw new Error('a billing batch has an identity for each charge')
    const identities = this.storedList()
    // As a list of distinct strings is encoded: one is a constant.
    const written = identities.length === 1 ? { t: 'const', v: identities.strings()[0] } : { t: 'raw', v: identities }
    return { column, written: { ...column, c: column.c.map((child, k) => (k === at ? written : child)) } }
  }

  /** The stored identities, per format, made as strings only when read (a single file's never are). */
  storedIdentities(): ChargeIdentities {
    return new PackedChargeIdentities(new Map(this.format === null ? [] : [[this.format, this.storedList()]]))
  }

  private storedList(): HashedStrings {
    return new HashedStrings([this.stored.part(), ...this.lastParts])
  }
}

/** The one value of a part's column `key`, when it holds one for every row. */
function constantOf(records: Extract<ColumnPart, { kind: 'object' }>, key: string): Json | undefined {
  const child = records.children[records.keys.indexOf(key)]
  return child?.kind === 'scalar' && child.scalars.t === 'const' ? child.scalars.v : undefined
}

/** Unique identities for `bytes` of an export, sized for rows of about 190 bytes (an Anthropic cost row): a million-row export's table never grows. */
export function identitiesForBytes(bytes: number): UniqueIdentities {
  return new UniqueIdentities(bytes / 192)
}
