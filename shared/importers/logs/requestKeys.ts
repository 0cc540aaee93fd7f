import { hash64WordsJoined } from '../../hash/hash64'
import type { Run } from '../../records/run'

/**
 * A request's identity as stored with its run: a 64-bit hash of its key, `first`, `separator`
 * and `second` joined (`message.id:requestId`), as its two 32-bit words into `words` at `at`
 * (kept in typed arrays; stored as the 16 hex characters hexOfWordPair spells). Short enough
 * for thousands per session, long enough that two distinct requests practically never
 * collide, and it says nothing about the content.
 */
export function hashRequestKeyWords(first: string, separator: string, second: string, words: Uint32Array, at: number): void {
  hash64WordsJoined(first, separator, second, words, at)
}

/**
 * Request key → run id, from the runs already in the workspace. The importer drops a request
 * another run already counted (a resumed session copying its parent, a second machine's copy),
 * while the same run imported again keeps all its requests and replaces the older copy.
 */
export function knownRequestKeys(runs: Iterable<Pick<Run, 'id' | 'requestKeys'>>): Map<string, string> {
  const known = new Map<string, string>()
  for (const run of runs) for (const key of run.requestKeys ?? []) if (!known.has(key)) known.set(key, run.id)
  return known
}
