import { doubled } from '../bytes/doubled'
import { HashSet128 } from '../hash/hashSet128'
import { murmur3x86_128 } from '../hash/murmur3'
import { rowRoomFor } from './rowRoom'
import { hexWords } from '../hash/hexWords'
import { HashedStrings, HashedStringsBuilder } from './hashedStrings'
import type { Charge } from '../records/charge'
import { isStoredWhole, storedIdentity } from '../records/chargeIdentity'

/**
 * Keeps identities unique within one batch. Two rows with the same natural key in one export
 * are two charges (two identical Cursor events, two Copilot rows), so the repeat gets an
 * occurrence suffix; an overlapping export holds the same repeats in the same order and
 * therefore the same identities.
 */
export class UniqueIdentities {
  // Keys seen, by their 128-bit hash (the hash a long key is stored as, computed once), with how often.
  private readonly seen: HashSet128

  /** `expectedKeys`: how many rows are likely (HashSet128). */
  constructor(expectedKeys = 0) {
    this.seen = new HashSet128(expectedKeys)
  }

  /**
   * The stored identity for the next row with natural key `naturalKey`; `hash`, when that
   * identity is the hex of these four words (valid until the next call), for ChargeIdentityLog.
   */
  next(naturalKey: string, keyHash?: Int32Array): { identity: string; repeated: boolean; hash: Int32Array | null } {
    const { key, repeated, hash } = this.nextKey(naturalKey, keyHash)
    return { identity: repeated ? storedIdentity(key) : hash ? hexWords(hash) : key, repeated, hash }
  }

  /**
   * The next row's identity in natural-key form, whose storedIdentity is what `next` gives:
   * the key, or a repeat's key with its occurrence number. For a check, which never stores
   * the hex a million times: `hash` as in `next`.
   * `keyHash`: the key's murmur3x86_128, when the caller has it already.
   */
  nextKey(naturalKey: string, keyHash?: Int32Array): { key: string; repeated: boolean; hash: Int32Array | null } {
    const hash = keyHash ?? murmur3x86_128(naturalKey)
    const occurrence = this.seen.addCounting(hash)
    if (occurrence === 0) return { key: naturalKey, repeated: false, hash: isStoredWhole(naturalKey) ? null : hash }
    return { key: `${naturalKey}\u001f#${occurrence}`, repeated: true, hash: null }
  }

  /** Whether any of these keys' hashes (four words a key, as `nextKey` hashes them) is one of the keys seen. */
  seenAnyOf(hashes: Int32Array): boolean {
    for (let at = 0; at < hashes.length; at += 4) if (this.seen.has(hashes, at)) return true
    return false
  }
}

/** 128-bit hashes, each with a line number, in the order added: kept in typed arrays that can go to another thread. */
export class HashesOnLines {
  private words: Int32Array
  private lineNumbers: Int32Array
  private count = 0

  /** `bytes`: how much of an export the hashes come from, to make room for its rows at once (rowRoomFor). */
  constructor(bytes = 0) {
    const rows = Math.max(1024, rowRoomFor(bytes))
    this.words = new Int32Array(4 * rows)
    this.lineNumbers = new Int32Array(rows)
  }

  add(hash: ArrayLike<number>, line: number): void {
    if (this.count === this.lineNumbers.length) {
      this.words = doubled(this.words)
      this.lineNumbers = doubled(this.lineNumbers)
    }
    const at = this.count * 4
    this.words[at] = hash[0]
    this.words[at + 1] = hash[1]
    this.words[at + 2] = hash[2]
    this.words[at + 3] = hash[3]
    this.lineNumbers[this.count++] = line
  }

  /** The hashes added, as a view of the array kept (a million rows' are 16 MB: not copied; taken once all are added). */
  hashes(): Int32Array {
    return this.words.subarray(0, this.count * 4)
  }

  /** The line of each hash, as a view of the array kept (see hashes). */
  lines(): Int32Array {
    return this.lineNumbers.subarray(0, this.count)
  }
}

/**
 * Billing rows by what tells them apart across batches and files: their format and stored
 * identity. The one "count each charge once" rule, for the ledger, the overlap warning and
 * the command line's summary. Batches stored before identities were hashed hold whole
 * natural keys, so each is compared in its stored form.
 */
export class ChargeIdentitySet {
  private readonly byFormat = new Map<string, Set<string>>()

  add(format: string, identity: string): void {
    let identities = this.byFormat.get(format)
    if (!identities) this.byFormat.set(format, (identities = new Set()))
    identities.add(storedIdentity(identity))
  }

  addAll(identities: ChargeIdentities): void {
    for (const [format, list] of identities) for (const identity of list) this.add(format, identity)
  }

  has(format: string, identity: string): boolean {
    return this.byFormat.get(format)?.has(storedIdentity(identity)) ?? false
  }

  /** Whether every one of a batch's identities is held (a batch without any is not). */
  holdsEvery(identities: ChargeIdentities): boolean {
    // Nothing held: not read at all (a built batch's identities are made as strings only when first read).
    if (this.byFormat.size === 0) return false
    let any = false
    for (const [format, list] of identities) {
      for (const identity of list) {
        if (!this.has(format, identity)) return false
        any = true
      }
    }
    return any
  }
}

/**
 * The stored identities of a charges batch's rows, per format, in row order: computed once as
 * the batch is built, so adding the batch to the ledger compares them without decoding it.
 */
export type ChargeIdentities = ReadonlyMap<string, readonly string[]>

/** Notes a charge's identity (already made unique and stored-form) in `into`. */
export function noteChargeIdentity(into: Map<string, string[]>, charge: Pick<Charge, 'format' | 'identity'>): void {
  const list = into.get(charge.format)
  if (list) list.push(charge.identity)
  else into.set(charge.format, [charge.identity])
}

/**
 * The stored identities of a file's rows, for a check that stores no batch (the command line
 * without a workspace), noted as the rows are read: a hashed identity as its four words in
 * one typed array, any other as its string. Kept as a million hex strings, they cost a check
 * CPU (the collector moving them) and memory; here the strings are made only when read (by a
 * later file of the same run).
 */
export class ChargeIdentityLog {
  private readonly byFormat = new Map<string, HashedStringsBuilder>()

  /** Notes the next row's stored identity; `hash`: its words when the identity is their hex (UniqueIdentities.next). */
  note(format: string, identity: string, hash: ArrayLike<number> | null): void {
    let list = this.byFormat.get(format)
    if (!list) this.byFormat.set(format, (list = new HashedStringsBuilder()))
    if (hash === null) list.add(identity)
    else list.addHash(hash)
  }

  /** The identities noted, per format in row order; the strings are made the first time a list is read. */
  identities(): ChargeIdentities {
    return new PackedChargeIdentities(new Map([...this.byFormat].map(([format, list]) => [format, new HashedStrings([list.part()])])))
  }
}

/**
 * Identities per format kept packed (HashedStrings), each list made as strings only when read:
 * knowing which formats there are costs nothing, a million strings do (about half a second).
 * `packed` crosses to another thread as it is (renderer/views/Import/packedIdentities.ts).
 */
export class PackedChargeIdentities implements ReadonlyMap<string, readonly string[]> {
  private made: ReadonlyMap<string, readonly string[]> | null = null

  constructor(readonly packed: ReadonlyMap<string, HashedStrings>) {}

  get size(): number {
    return this.packed.size
  }

  has(format: string): boolean {
    return this.packed.has(format)
  }

  keys(): MapIterator<string> {
    return this.packed.keys()
  }

  get(format: string): readonly string[] | undefined {
    return this.lists().get(format)
  }

  entries(): MapIterator<[string, readonly string[]]> {
    return this.lists().entries()
  }

  values(): MapIterator<readonly string[]> {
    return this.lists().values()
  }

  forEach(callback: (list: readonly string[], format: string, map: ReadonlyMap<string, readonly string[]>) => void, thisArg?: unknown): void {
    this.lists().forEach(callback, thisArg)
  }

  [Symbol.iterator](): MapIterator<[string, readonly string[]]> {
    return this.lists()[Symbol.iterator]()
  }

  private lists(): ReadonlyMap<string, readonly string[]> {
    return (this.made ??= new Map([...this.packed].map(([format, list]) => [format, list.strings()])))
  }
}
