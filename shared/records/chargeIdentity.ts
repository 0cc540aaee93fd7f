import { murmur3x86_128Hex } from '../hash/murmur3'

/** Natural keys up to this length are stored as they are; a hashed key is 32 characters. */
const LONGEST_KEPT_KEY = 40

/**
 * The identity a charge is stored and compared under. Most formats' natural keys join ten
 * or more columns (190 characters for an Anthropic cost row, more than the row itself): they
 * are stored as their 128-bit MurmurHash3 in hex, short ids (an AWS line item, an OpenRouter
 * generation) as they are. Idempotent, so batches stored with whole keys before still match
 * the same rows imported now.
 */
export function storedIdentity(naturalKey: string): string {
  return isStoredWhole(naturalKey) ? naturalKey : murmur3x86_128Hex(naturalKey)
}

/** Whether a natural key is stored as it is rather than as its hash. */
export function isStoredWhole(naturalKey: string): boolean {
  return naturalKey.length <= LONGEST_KEPT_KEY
}

/**
 * The version of the natural keys a batch's charges are stored under (BatchMeta.identityVersion;
 * a batch without one is version 1).
 * 2: Anthropic Console rows keyed by the columns every header version has (anthropicConsoleKey.ts).
 * Batches of an older version are re-keyed when the ledger reads them (legacyIdentities.ts).
 */
export const CHARGE_IDENTITY_VERSION = 2
