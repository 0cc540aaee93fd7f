import { doubled } from '../bytes/doubled'
import { hexWords } from '../hash/hexWords'

/**
 * Rows of strings most of which are the 32 hex digits of a 128-bit hash (a batch's stored
 * identities), kept as the hashes' words: per row whether its string is the hex of the next
 * four words of `words` (1) or the next of `others` (0). Plain data, which can go to another
 * thread.
 */
export interface HashedStringsPart {
  hashed: Uint8Array
  others: readonly string[]
  words: Int32Array
}

/**
 * A list of such rows, in parts (a big file's two halves, read on two threads), never made
 * into a million strings unless someone reads them (`strings`): jsonUtf8 writes the list's
 * JSON straight from the words. A million identities made as strings cost an import with a
 * workspace time (making them, the collector moving them) and memory at its peak.
 */
export class HashedStrings {
  constructor(readonly parts: readonly HashedStringsPart[]) {}

  get length(): number {
    let rows = 0
    for (const part of this.parts) rows += part.hashed.length
    return rows
  }

  /** The strings, in row order (the hex of a hashed row's words). */
  strings(): string[] {
    const strings: string[] = []
    for (const { hashed, others, words } of this.parts) {
      let hash = 0
      let other = 0
      for (let row = 0; row < hashed.length; row++) strings.push(hashed[row] === 1 ? hexWords(words, 4 * hash++, 4) : others[other++])
    }
    return strings
  }
}

/** Whether `part` holds a string for each row: one of `others` for each row not hashed and four words for each hashed one. */
export function isWholePart({ hashed, others, words }: HashedStringsPart): boolean {
  let hashes = 0
  for (let row = 0; row < hashed.length; row++) {
    if (hashed[row] === 1) hashes++
    else if (hashed[row] !== 0) return false
  }
  return others.length === hashed.length - hashes && words.length === 4 * hashes
}

/** Rows added one by one into a HashedStringsPart. */
export class HashedStringsBuilder {
  private hashed = new Uint8Array(1024)
  private words = new Int32Array(4 * 1024)
  private rows = 0
  private hashes = 0
  private readonly others: string[] = []

  get length(): number {
    return this.rows
  }

  /** The next row: a string of its own. */
  add(text: string): void {
    this.nextRow(0)
    this.others.push(text)
  }

  /** The next row: the hex of these four words (from `at`). */
  addHash(words: ArrayLike<number>, at = 0): void {
    this.nextRow(1)
    if (this.hashes * 4 === this.words.length) this.words = doubled(this.words)
    const to = this.hashes++ * 4
    this.words[to] = words[at]
    this.words[to + 1] = words[at + 1]
    this.words[to + 2] = words[at + 2]
    this.words[to + 3] = words[at + 3]
  }

  /** The rows added so far, as views of the arrays kept (taken once all are added). */
  part(): HashedStringsPart {
    return { hashed: this.hashed.subarray(0, this.rows), others: this.others, words: this.words.subarray(0, 4 * this.hashes) }
  }

  private nextRow(flag: number): void {
    if (this.rows === this.hashed.length) this.hashed = doubled(this.hashed)
    this.hashed[this.rows++] = flag
  }
}
