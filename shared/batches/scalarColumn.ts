import { doubled } from '../bytes/doubled'
import type { Column, Json } from './columnCodec'
import { NEW, NOT_SHORT, packShortString, ShortStringIds } from './shortStringIds'

/**
 * A ScalarColumn's values as plain data (`part()`): a count of one value, a dictionary and each
 * row's id in it, short strings each packed (`p`) and all joined by NUL (`s`: one string to
 * clone for another thread instead of half a million), a list of numbers only (line numbers)
 * as one typed array (moved to another thread, where a list of half a million numbers is
 * cloned), or the list.
 */
export type ScalarPart =
  | { t: 'const'; v: Json; n: number }
  | { t: 'dict'; d: Json[]; i: Int32Array }
  | { t: 'packed'; p: Float64Array; s: string }
  | { t: 'numbers'; p: Float64Array }
  | { t: 'values'; v: Json[] }

/**
 * A column of scalars, encoded as values arrive: a count while all are equal, then a
 * dictionary (each row keeps a small id, so a million rows of dates or model names do not
 * keep a million strings alive), and when over three quarters of the first `trial` values
 * differ (ids, keys, precise amounts) either the list with each row's short string also
 * packed into a number (packShortString), while every value is one, or the plain list.
 * `finish()` gives exactly what encoding the whole list at once gives. (Amounts can be two
 * thirds distinct over thousands of rows and then repeat: giving up on them at half meant
 * encoding them a second time at the end. Mostly distinct, as an OpenAI export's amounts are,
 * a dictionary of them cost a table lookup a row that missed the caches and, for a file read
 * in two parts, half a million strings cloned from the other thread and looked up again;
 * packed, their distinct ones are counted once at the end, on numbers.)
 */
export class ScalarColumn {
  /**
   * @param trial the number of values after which a column of mostly distinct ones (ids, keys) gives its dictionary up
   * @param room the rows to make room for at once in the rows' ids (and packed strings), when the column will get that many (rowRoomFor)
   */
  constructor(
    private readonly trial = 4096,
    private readonly room = 0,
  ) {}

  private repeats = 0
  private first: Json = null
  private index: Map<Json, number> | null = null
  private short: ShortStringIds | null = null
  private distinct: Json[] = []
  /** Each row's dictionary id, in a typed array: a million rows of a column are 4 MB the collector never walks. */
  private ids = new Int32Array(0)
  private count = 0
  /** The value last looked up and its id: rows come in runs (dates, a file's models), and equal text compares faster than a lookup hashes it. */
  private lastValue: Json | undefined = undefined
  private lastId = 0
  /** Whether every distinct value so far is a short string (found in `short`, without hashing text). */
  private onlyShort = true
  /** The list, once the dictionary is given up. */
  private values: Json[] | null = null
  /** Beside the list, each of its strings packed, while every value is a short string (see endTrial). */
  private packed: Float64Array | null = null

  add(value: Json): void {
    if (this.values !== null) {
      if (this.packed === null) this.values.push(ownCopy(value))
      else this.addPacked(value)
      return
    }
    if (this.index === null) {
      if (this.repeats === 0 || value === this.first) {
        if (this.repeats++ === 0) this.first = value
        return
      }
      this.index = new Map()
      this.short = new ShortStringIds()
      this.distinct = []
      this.ids = new Int32Array(Math.max(64, this.repeats * 2, this.room)).fill(this.idOf(this.first), 0, this.repeats)
      this.count = this.repeats
    }
    if (this.count === this.ids.length) this.ids = doubled(this.ids)
    this.ids[this.count++] = value === this.lastValue ? this.lastId : this.idOf(value)
    if (this.count === this.trial) this.endTrial()
  }

  /** At `trial` values: a dictionary of mostly distinct values is given up for the list, its strings also packed when all are short strings. */
  private endTrial(): void {
    if (this.distinct.length <= this.trial * 0.75) return
    const values = this.list()
    if (this.onlyShort) {
      this.packed = new Float64Array(this.ids.length)
      for (let row = 0; row < values.length; row++) this.packed[row] = packShortString(values[row] as string)
    }
    this.values = values
    this.index = null
    this.short = null
    this.distinct = []
    this.ids = new Int32Array(0)
    this.count = 0
  }

  /** Adds a value to a packed column, which stays the plain list from the first value that is no short string. */
  private addPacked(value: Json): void {
    const values = this.values!
    const packed = typeof value === 'string' ? packShortString(value) : 0
    if (packed === 0) this.packed = null
    else {
      if (values.length === this.packed!.length) this.packed = doubled(this.packed!)
      this.packed![values.length] = packed
    }
    values.push(ownCopy(value))
  }

  /**
   * The values added so far as plain data another thread can take (its dictionary ids in a
   * typed array): what `addPart` there adds as if each value were added to it.
   */
  part(): ScalarPart {
    if (this.packed !== null) return { t: 'packed', p: this.packed.slice(0, this.values!.length), s: this.values!.join('\0') }
    if (this.values !== null) return this.values.every(isNumber) ? { t: 'numbers', p: Float64Array.from(this.values as number[]) } : { t: 'values', v: this.values }
    if (this.index === null) return { t: 'const', v: this.first, n: this.repeats }
    return { t: 'dict', d: this.distinct, i: this.ids.slice(0, this.count) }
  }

  /**
   * Adds another column's values (its `part()`), after those added here, ending as adding them
   * one by one would: a dictionary's rows cost a typed-array step each, its values one lookup
   * each (a list of mostly distinct values, one each: looked up when this column kept its
   * dictionary), packed strings a typed-array step each when this column is packed too.
   */
  addPart(part: ScalarPart): void {
    if (part.t === 'values') this.addValues(part.v)
    else if (part.t === 'numbers') this.addValues(Array.from(part.p))
    else if (part.t === 'dict') this.addIds(part.d, part.i, part.i.length)
    else if (part.t === 'packed') this.addPackedPart(part.p, textsOfPacked(part))
    // The same constant on: counted.
    else if (this.values === null && this.index === null && (this.repeats === 0 || part.v === this.first) && part.n > 0) {
      if (this.repeats === 0) this.first = part.v
      this.repeats += part.n
    } else this.addIds([part.v], null, part.n)
  }

  /** A list of values: onto this column's list at once when it is a plain one (another column's values are its own copies already). */
  private addValues(values: readonly Json[]): void {
    if (this.values === null || this.packed !== null) for (const value of values) this.add(value)
    else this.values = this.values.concat(values)
  }

  /** Packed strings: a typed-array step each onto a packed column, else added one by one. */
  private addPackedPart(packed: Float64Array, texts: string[]): void {
    if (this.packed === null) {
      for (const text of texts) this.add(text)
      return
    }
    const at = this.values!.length
    if (this.packed.length < at + packed.length) this.packed = doubled(this.packed, at + packed.length)
    this.packed.set(packed, at)
    this.values = this.values!.concat(texts)
  }

  /** Adds `count` values given as ids in `dictionary` (`ids` null: all the first). */
  private addIds(dictionary: readonly Json[], ids: Int32Array | null, count: number): void {
    let row = 0
    // While a constant, a list, or before the trial: as adding each value does.
    for (; row < count && (this.index === null || this.count < this.trial); row++) this.add(dictionary[ids === null ? 0 : ids[row]])
    if (row === count) return
    // A dictionary past its trial (kept to the end): the rest are ids. Their values are looked
    // up in the dictionary's order, the order each first comes in, so a new one gets the id
    // adding the rows one by one gives it (one already met is found).
    if (this.onlyShort) this.short!.reserve(dictionary.length)
    // Each of the dictionary's values as an id here.
    const mine = new Int32Array(dictionary.length)
    for (let theirs = 0; theirs < dictionary.length; theirs++) mine[theirs] = this.idOf(dictionary[theirs])
    if (this.ids.length < this.count + count - row) this.ids = doubled(this.ids, this.count + count - row)
    const into = this.ids
    let at = this.count
    if (ids === null) {
      into.fill(mine[0], at, at + count - row)
      at += count - row
    } else for (; row < count; row++) into[at++] = mine[ids[row]]
    this.count = at
  }

  /**
   * The dictionary id of `value`, the next one when it is new. While the dictionary holds a few
   * values (a file's models, workspaces, token types), it is looked through: comparing the text
   * costs less than hashing a freshly parsed string for the map. Short ASCII strings (amounts)
   * are found in a table of their own (shortStringIds.ts), anything else in the map.
   */
  private idOf(value: Json): number {
    const { distinct } = this
    if (distinct.length <= FEW_VALUES) for (let id = 0; id < distinct.length; id++) if (distinct[id] === value) return this.remember(id)
    const short = typeof value === 'string' ? this.short!.find(value) : NOT_SHORT
    if (short >= 0) return this.rememberShort(short, value as string)
    const known = short === NOT_SHORT ? this.index!.get(value) : undefined
    if (known !== undefined) return this.remember(known)
    const id = this.distinct.length
    if (short === NEW) this.short!.add(id)
    else {
      this.index!.set(value, id)
      this.onlyShort = false
    }
    this.distinct.push(ownCopy(value))
    return this.remember(id)
  }

  /** Notes `id` as the last one looked up (its value is the dictionary's own copy, which keeps no parsed text alive). */
  private remember(id: number): number {
    this.lastValue = this.distinct[id]
    this.lastId = id
    return id
  }

  /**
   * Notes a short string found in `short` as the last one looked up: the text itself, which
   * is a copy of the parsed text already (see ownCopy), for the dictionary's value of a column
   * of many (amounts) is seldom in the caches: reading it made building the columns of an
   * export's amounts markedly slower.
   */
  private rememberShort(id: number, text: string): number {
    if (text.length >= OWN_COPY_LENGTH) return this.remember(id)
    this.lastValue = text
    this.lastId = id
    return id
  }

  /** Every value added so far, in order. */
  list(): Json[] {
    if (this.values !== null) return this.values
    if (this.index === null) return new Array<Json>(this.repeats).fill(this.first)
    const values = new Array<Json>(this.count)
    for (let row = 0; row < this.count; row++) values[row] = this.distinct[this.ids[row]]
    return values
  }

  /** A constant, a dictionary when at most half the values are distinct, otherwise the values. */
  finish(): Column {
    if (this.values !== null) return this.packed === null ? encodeScalars(this.values) : encodePacked(this.packed, this.values)
    if (this.index === null) return { t: 'const', v: this.first }
    return this.distinct.length > this.count / 2 ? { t: 'raw', v: this.list() } : { t: 'dict', d: this.distinct, i: this.ids.subarray(0, this.count) }
  }
}

/**
 * A string that keeps only its own characters. A parser's values are slices of the text they
 * were cut from, and V8 keeps that whole text alive for each slice of 13 characters or more:
 * a million API key names kept the benchmark file's 187 MB of text. Shorter slices are
 * copies already. The copy is a slice of a fresh string one character longer.
 */
function ownCopy(value: Json): Json {
  return typeof value === 'string' && value.length >= OWN_COPY_LENGTH ? ` ${value}`.slice(1) : value
}

const OWN_COPY_LENGTH = 13

/** Up to this many values a dictionary is looked through instead of looked up in (see idOf). */
const FEW_VALUES = 8

/** Scalars of which at least two differ, encoded as a whole list. */
function encodeScalars(values: Json[]): Column {
  // Ascending values (line numbers) are all distinct, which one pass of comparisons tells.
  if (ascending(values)) return { t: 'raw', v: values }
  // A dictionary pays off when values repeat: at most half distinct. Counted first with one
  // set operation a value, since columns that reach this point are mostly distinct.
  const limit = values.length / 2
  const distinct = new Set<Json>()
  for (const value of values) if (distinct.add(value).size > limit) return { t: 'raw', v: values }
  const index = new Map<Json, number>()
  for (const value of distinct) index.set(value, index.size)
  return { t: 'dict', d: [...distinct], i: values.map((value) => index.get(value)!) }
}

function isNumber(value: Json): boolean {
  return typeof value === 'number'
}

/** The strings of a packed part, each as its own (a part of no rows joined none). */
export function textsOfPacked(part: Extract<ScalarPart, { t: 'packed' }>): string[] {
  return part.p.length === 0 ? [] : part.s.split('\0')
}

/**
 * Short strings, each also packed, encoded as encodeScalars encodes them: a dictionary in the
 * order each first comes when at most half are distinct (counted on the packed numbers),
 * otherwise the list.
 */
function encodePacked(packed: Float64Array, texts: Json[]): Column {
  const limit = texts.length / 2
  const table = new ShortStringIds()
  table.reserve(Math.min(texts.length, Math.floor(limit) + 1))
  const dictionary: Json[] = []
  const ids = new Int32Array(texts.length)
  for (let row = 0; row < texts.length; row++) {
    let id = table.findPacked(packed[row])
    if (id === NEW) {
      if (dictionary.length + 1 > limit) return { t: 'raw', v: texts }
      id = dictionary.length
      table.add(id)
      dictionary.push(texts[row])
    }
    ids[row] = id
  }
  return { t: 'dict', d: dictionary, i: ids }
}

/** Whether each value is a number (or each a string) greater than the one before it. */
function ascending(values: Json[]): boolean {
  const kind = typeof values[0]
  if (kind !== 'number' && kind !== 'string') return false
  for (let i = 1; i < values.length; i++) if (typeof values[i] !== kind || !((values[i] as number) > (values[i - 1] as number))) return false
  return true
}
