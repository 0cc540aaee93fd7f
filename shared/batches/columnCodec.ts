import { ScalarColumn, type ScalarPart, textsOfPacked } from './scalarColumn'

/**
 * A compact, schema-free encoding of a list of JSON records, column by column: repeated
 * strings become dictionary indexes, nested objects and lists become columns of their own,
 * and a key is written once instead of once per record. 100,000 runs shrink about threefold
 * and parse faster, which is what a new teammate downloads and what IndexedDB keeps.
 * decode(encode(records)) deep-equals records for any JSON values, absent keys included.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export type Column =
  | { t: 'const'; v: Json }
  /** `i`: parsed, a list; built (ScalarColumn), a typed array, written as the same list (jsonUtf8). */
  | { t: 'dict'; d: Json[]; i: readonly number[] | Int32Array }
  | { t: 'obj'; k: string[]; c: Column[]; absent: number[][] }
  | { t: 'list'; n: number[]; items: Column }
  | { t: 'raw'; v: Json[] }

function isScalar(value: unknown): value is null | boolean | number | string {
  return value === null || typeof value !== 'object'
}

export function encodeColumn(values: readonly Json[]): Column {
  const builder = new ColumnBuilder()
  for (const value of values) builder.add(value)
  return builder.finish()
}

type Kind = 'none' | 'scalar' | 'object' | 'list' | 'raw'

/**
 * A ColumnBuilder's values as plain data (`part()`), to add after another builder's: built
 * on another thread from the second part of a file, it travels as typed arrays and lists.
 */
export type ColumnPart =
  | { kind: 'none' }
  | { kind: 'scalar'; rows: number; scalars: ScalarPart }
  /**
   * `absent`: per key, the rows without it, in a typed array (an OpenAI export's charges all
   * lack a list cost: half a million row numbers, far slower to clone as a list).
   * `inOrder`: whether every record's keys came in the column's order, so that decoding the part gives them back as they were.
   */
  | { kind: 'object'; rows: number; keys: string[]; children: ColumnPart[]; absent: Int32Array[]; inOrder: boolean }
  | { kind: 'list'; rows: number; lengths: number[]; items: ColumnPart; inOrder: boolean }
  | { kind: 'raw'; rows: number; values: Json[] }

/** A change to each value of a column, or (for records) to some keys' values. */
export type ValueAdjustment = ((value: Json) => Json) | { readonly [key: string]: ValueAdjustment | undefined }

/** A value with the adjustment made (to it, or to its keys'). */
function adjusted(value: Json, adjust: ValueAdjustment): Json {
  if (typeof adjust === 'function') return adjust(value)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const copy = { ...value }
  for (const key in adjust) if (Object.prototype.hasOwnProperty.call(copy, key) && copy[key] !== undefined) copy[key] = adjusted(copy[key], adjust[key]!)
  return copy
}

function adjustedScalars(part: ScalarPart, adjust: (value: Json) => Json): ScalarPart {
  switch (part.t) {
    case 'const':
      return { ...part, v: adjust(part.v) }
    case 'dict':
      return { ...part, d: part.d.map(adjust) }
    case 'values':
      return { t: 'values', v: part.v.map(adjust) }
    case 'packed':
      return { t: 'values', v: textsOfPacked(part).map(adjust) }
    case 'numbers':
      return { t: 'values', v: Array.from(part.p, adjust) }
  }
}

/** The typed arrays in a part, which can be moved to another thread instead of copied. */
export function transferablesOf(part: ColumnPart, into: ArrayBuffer[] = []): ArrayBuffer[] {
  if (part.kind === 'scalar' && part.scalars.t === 'dict') into.push(part.scalars.i.buffer as ArrayBuffer)
  else if (part.kind === 'scalar' && (part.scalars.t === 'packed' || part.scalars.t === 'numbers')) into.push(part.scalars.p.buffer as ArrayBuffer)
  else if (part.kind === 'list') transferablesOf(part.items, into)
  else if (part.kind === 'object') {
    for (const rows of part.absent) into.push(rows.buffer as ArrayBuffer)
    for (const child of part.children) transferablesOf(child, into)
  }
  return into
}

function kindOf(value: Json): Exclude<Kind, 'none' | 'raw'> {
  return isScalar(value) ? 'scalar' : Array.isArray(value) ? 'list' : 'object'
}

/**
 * Encodes a column value by value, so that a batch's records need not all exist as objects
 * at once: a million-row billing export is shredded into its columns as it is parsed.
 * `finish()` gives exactly what the whole list would have: scalars become a constant, a
 * dictionary (when at most half are distinct) or raw values; objects become one column per
 * key (in first-seen order, with the rows lacking it); lists one column of their items; a
 * column mixing those kinds stays raw.
 */
export class ColumnBuilder {
  private kind: Kind = 'none'
  private rows = 0
  private scalars: ScalarColumn
  /** Raw columns (values of mixed kinds): the values. */
  private values: Json[] = []
  // Object columns: per key, its column and the rows without it.
  private keys: string[] = []
  private keyIndex = new Map<string, number>()
  private children: ColumnBuilder[] = []
  private absent: number[][] = []
  private lastRowWith: number[] = []
  // List columns: each list's length and one column of all items.
  private lengths: number[] = []
  private items: ColumnBuilder | null = null
  /** Values whose keys would not decode in their own order (see becomeRaw), by row. */
  private reordered = new Map<number, Json>()
  /** Whether a last part was added (addLastPart). */
  private closed = false

  /** `room`: the rows to make room for at once, when the column will hold that many (a batch's records; their keys' columns too). */
  constructor(private readonly room = 0) {
    this.scalars = new ScalarColumn(undefined, room)
  }

  get length(): number {
    return this.rows
  }

  /**
   * Adds the next value. Returns whether decoding the column gives it back with its keys in
   * the same order (a key it has before one seen earlier in the column breaks that).
   */
  add(record: unknown): boolean {
    if (this.closed) throw new Error('no value can be added after the last part')
    const value = record as Json
    const kind = kindOf(value)
    if (this.kind === 'none') this.kind = kind
    else if (this.kind !== kind && this.kind !== 'raw') this.becomeRaw()
    const row = this.rows++
    if (this.kind === 'scalar') {
      this.scalars.add(value)
      return true
    }
    if (this.kind === 'raw') {
      this.values.push(value)
      return true
    }
    const inOrder = this.kind === 'object' ? this.addObject(value as Record<string, Json>, row) : this.addList(value as Json[])
    if (!inOrder) this.reordered.set(row, value)
    return inOrder
  }

  /** The values added so far as plain data another thread can take (see `addLastPart`). */
  part(): ColumnPart {
    switch (this.kind) {
      case 'raw':
        return { kind: 'raw', rows: this.rows, values: this.values }
      case 'none':
        return { kind: 'none' }
      case 'scalar':
        return { kind: 'scalar', rows: this.rows, scalars: this.scalars.part() }
      case 'list':
        return { kind: 'list', rows: this.rows, lengths: this.lengths, items: this.items!.part(), inOrder: this.reordered.size === 0 }
      case 'object':
        return { kind: 'object', rows: this.rows, keys: this.keys, children: this.children.map((child) => child.part()), absent: this.absent.map((rows) => Int32Array.from(rows)), inOrder: this.reordered.size === 0 }
    }
  }

  /**
   * Whether `part` (another builder's values) can be added after the values here by
   * `addLastPart`: each of its columns holds values of the kind the same column holds here, or
   * the two differ and the column ends as the list of every value (as one builder's would),
   * the part's values decoded: always exact for scalars, for records and lists when their
   * keys came in the column's order (`inOrder`; otherwise only where they were added is the
   * order known).
   */
  canAdd(part: ColumnPart): boolean {
    if (part.kind === 'none' || this.kind === 'none' || part.kind === 'raw') return true
    if (part.kind !== this.kind) return part.kind === 'scalar' || part.inOrder
    if (part.kind === 'scalar') return true
    if (part.kind === 'list') return this.items!.canAdd(part.items)
    return part.keys.every((key, k) => {
      const mine = this.keyIndex.get(key)
      return mine === undefined || this.children[mine].canAdd(part.children[k])
    })
  }

  /**
   * Adds another builder's values (its `part()`, which `canAdd` allows) after those added here,
   * as the last: `finish()` then gives what adding each of them here would have. None can be
   * added after it, for a record whose keys came in another order than earlier ones' is known
   * only where it was added (and, were its column to become raw, would be decoded in the wrong
   * order). `adjust`: for some keys (nested, as the records'), a change made to each of their
   * values on the way (a line number counted from elsewhere).
   */
  addLastPart(part: ColumnPart, adjust?: ValueAdjustment): void {
    this.addPart(part, adjust)
    this.closed = true
  }

  private addPart(part: ColumnPart, adjust: ValueAdjustment | undefined): void {
    if (part.kind === 'none') return
    if (part.kind === 'raw' || (this.kind !== 'none' && part.kind !== this.kind)) {
      // Values of mixed kinds in the part or in the two: this column ends as the list of every value.
      if (this.kind !== 'raw') this.becomeRaw()
      for (const value of part.kind === 'raw' ? part.values : valuesOfPart(part)) this.values.push(adjust === undefined ? value : adjusted(value, adjust))
      this.rows += part.rows
      return
    }
    if (this.kind === 'none') this.kind = part.kind
    const before = this.rows
    this.rows += part.rows
    if (part.kind === 'scalar') {
      this.scalars.addPart(typeof adjust === 'function' ? adjustedScalars(part.scalars, adjust) : part.scalars)
    } else if (part.kind === 'list') {
      for (const length of part.lengths) this.lengths.push(length)
      this.items ??= new ColumnBuilder()
      this.items.addPart(part.items, typeof adjust === 'object' ? adjust : undefined)
    } else {
      const seen = new Uint8Array(this.keys.length)
      for (let k = 0; k < part.keys.length; k++) {
        const key = part.keys[k]
        let mine = this.keyIndex.get(key)
        if (mine === undefined) mine = this.addKey(key, before)
        else seen[mine] = 1
        this.children[mine].addPart(part.children[k], typeof adjust === 'object' ? adjust[key] : undefined)
        const absent = this.absent[mine]
        for (const row of part.absent[k]) absent.push(row + before)
      }
      // Keys the part's records all lack.
      for (let k = 0; k < seen.length; k++) if (seen[k] === 0) for (let row = before; row < this.rows; row++) this.absent[k].push(row)
    }
  }

  /** A key first met at `row`: a column of its own, lacking from every earlier record. */
  private addKey(key: string, row: number): number {
    const k = this.keys.length
    this.keys.push(key)
    this.keyIndex.set(key, k)
    this.children.push(new ColumnBuilder(this.room))
    this.absent.push(Array.from({ length: row }, (_, earlier) => earlier))
    this.lastRowWith.push(-1)
    return k
  }

  /** The encoded column; the builder is spent. */
  finish(): Column {
    switch (this.kind) {
      case 'none':
        return { t: 'raw', v: [] }
      case 'scalar':
        return this.scalars.finish()
      case 'raw':
        return { t: 'raw', v: this.values }
      case 'object':
        return { t: 'obj', k: this.keys, c: this.children.map((child) => child.finish()), absent: this.absent }
      case 'list':
        return { t: 'list', n: this.lengths, items: this.items!.finish() }
    }
  }

  /**
   * Adds a record, its keys walked once: while they are the column's, in its order (most
   * records: a batch's charges all come from one literal), each value goes straight to its
   * column, a scalar to its dictionary; from the first key out of place on, addObjectFrom does
   * the lookups and bookkeeping a record of another shape needs.
   */
  private addObject(object: Record<string, Json>, row: number): boolean {
    const { keys, children, absent } = this
    let inOrder = true
    let k = 0
    for (const key in object) {
      if (keys[k] !== key) return this.addObjectFrom(object, row, k, inOrder)
      const value = object[key]
      const child = children[k]
      // A property set to undefined is absent, as JSON.stringify treats it.
      if (value === undefined || !Object.prototype.hasOwnProperty.call(object, key)) absent[k].push(row)
      else if (child.kind === 'scalar' && isScalar(value)) {
        child.rows++
        child.scalars.add(value)
      } else if (!child.add(value)) inOrder = false
      k++
    }
    // The column's keys after the record's last.
    for (; k < keys.length; k++) absent[k].push(row)
    return inOrder
  }

  /** Adds the rest of a record whose first `from` keys addObject added, in the column's order. */
  private addObjectFrom(object: Record<string, Json>, row: number, from: number, inOrder: boolean): boolean {
    const { keys, lastRowWith } = this
    for (let k = 0; k < from; k++) lastRowWith[k] = row
    // Keys with a value or already noted as lacking one.
    let noted = from
    // Records mostly share one key order: try the next known key before the map.
    let expected = from
    let skipped = 0
    for (const key in object) {
      if (skipped++ < from) continue
      let k = keys[expected] === key ? expected : this.keyIndex.get(key)
      if (k === undefined) k = this.addKey(key, row)
      if (k < expected) inOrder = false
      expected = k + 1
      const value = object[key]
      if (value !== undefined && Object.prototype.hasOwnProperty.call(object, key)) {
        if (!this.children[k].add(value)) inOrder = false
        lastRowWith[k] = row
        noted++
      }
    }
    // Most records have every key: only others are looked through for the ones they lack.
    if (noted < keys.length) for (let k = 0; k < keys.length; k++) if (lastRowWith[k] !== row) this.absent[k].push(row)
    return inOrder
  }

  private addList(list: Json[]): boolean {
    this.items ??= new ColumnBuilder()
    this.lengths.push(list.length)
    let inOrder = true
    for (const item of list) if (!this.items.add(item)) inOrder = false
    return inOrder
  }

  /**
   * Values of different kinds in one column are kept as they are, as a list of them would
   * have been: the objects and lists added so far are decoded back, and the few whose keys
   * would come back in another order were kept whole for this.
   */
  private becomeRaw(): void {
    if (this.kind === 'scalar') {
      this.values = this.scalars.list()
      this.scalars = new ScalarColumn()
    } else {
      this.values = decodeColumn(this.finish(), this.rows)
      for (const [row, value] of this.reordered) this.values[row] = value
    }
    this.kind = 'raw'
    this.keys = []
    this.keyIndex = new Map()
    this.children = []
    this.absent = []
    this.lastRowWith = []
    this.lengths = []
    this.items = null
    this.reordered = new Map()
  }
}

/** A part's values, decoded (as they were added, for a part `canAdd` takes into a column of another kind). */
function valuesOfPart(part: Exclude<ColumnPart, { kind: 'none' | 'raw' }>): Json[] {
  const builder = new ColumnBuilder()
  builder.addLastPart(part)
  return decodeColumn(builder.finish(), part.rows)
}

export function decodeColumn(column: Column, length: number): Json[] {
  switch (column.t) {
    case 'const':
      return new Array<Json>(length).fill(column.v)
    case 'dict': {
      const { d, i } = column
      if (Array.isArray(i)) return (i as readonly number[]).map((id) => d[id])
      // A built column's typed ids (Array.from with a function is several times slower).
      const values = new Array<Json>(i.length)
      for (let row = 0; row < values.length; row++) values[row] = d[i[row]]
      return values
    }
    case 'raw':
      return column.v
    case 'list': {
      const items = decodeColumn(column.items, column.n.reduce((sum, n) => sum + n, 0))
      let at = 0
      return column.n.map((n) => items.slice(at, (at += n)))
    }
    case 'obj':
      return decodeObjects(column, length, {})
  }
}

const MAX_PARTIAL_TEMPLATES = 64

/**
 * Records are built row by row. A record with every key starts as a copy of one template, so
 * all share one shape and each key is a store into a field it already has; filling records
 * column by column, each key a new property, was much slower.
 * With `only`, the records get just those keys (a command that reads a few fields of 100,000
 * runs does not build the rest). `appended` fields are set on every record after its own keys,
 * as Object.assign would, but are in the template: a key added to a copy of a parsed template
 * cost V8 a new hidden class a record (984 bytes a charge instead of 256, measured).
 */
function decodeObjects(column: Extract<Column, { t: 'obj' }>, length: number, { only, appended = {} }: DecodeOptions): Record<string, Json>[] {
  const picked = column.k.flatMap((key, k) => (only && !only.has(key) ? [] : [k]))
  const keys = picked.map((k) => column.k[k])
  const absent = picked.map((k) => column.absent[k])
  const values = picked.map((k) => decodeColumn(column.c[k], length - column.absent[k].length))
  const next = keys.map(() => 0)
  const nextAbsent = keys.map(() => 0)
  const appendedKeys = Object.keys(appended)
  // Parsed, not assigned key by key: V8 turns an object given many computed keys into a hash
  // map, and a copy of a hash map is slow to make and to fill.
  const templateOf = (present: string[]) => {
    const templateKeys = [...present, ...appendedKeys.filter((key) => !present.includes(key))]
    return JSON.parse(`{${templateKeys.map((key) => `${JSON.stringify(key)}:null`).join(',')}}`) as Record<string, Json>
  }
  const template = templateOf(keys)
  // Rows lacking some keys get a template of the keys they have, one per set of missing keys
  // (a key absent from every row, as an export's missing column, is one set); past a few
  // dozen sets, such rows are built key by key.
  const partialTemplates = new Map<string, Record<string, Json> | null>()
  const partialTemplate = (missing: string) => {
    let found = partialTemplates.get(missing)
    if (found === undefined) {
      const skipped = new Set(missing.split(',').map(Number))
      found = partialTemplates.size < MAX_PARTIAL_TEMPLATES ? templateOf(keys.filter((_, k) => !skipped.has(k))) : null
      partialTemplates.set(missing, found)
    }
    return found
  }
  const rows: Record<string, Json>[] = new Array(length)
  for (let row = 0; row < length; row++) {
    let missing = ''
    for (let k = 0; k < keys.length; k++) if (absent[k][nextAbsent[k]] === row) missing += missing ? `,${k}` : String(k)
    const partial = missing ? partialTemplate(missing) : template
    const record = partial ? { ...partial } : {}
    for (let k = 0; k < keys.length; k++) {
      if (absent[k][nextAbsent[k]] === row) nextAbsent[k]++
      else setOwn(record, keys[k], values[k][next[k]++])
    }
    for (const key of appendedKeys) setOwn(record, key, appended[key])
    rows[row] = record
  }
  return rows
}

/** "__proto__" is a valid JSON key; plain assignment would change the prototype instead. */
function setOwn(object: Record<string, Json>, key: string, value: Json): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
  else object[key] = value
}

export const COLUMN_FORMAT = 'workfolio-columns-1'

/** Records as one column-encoded value. */
export function encodeRecordColumns(records: readonly unknown[]): EncodedRecords {
  return { format: COLUMN_FORMAT, length: records.length, column: encodeColumn(records as Json[]) }
}

/** Records as one column-encoded value, as stored (COLUMN_FORMAT). */
export type EncodedRecords = { format: string; length: number; column: Column }

/** What decoding records adds or leaves out: see decodeObjects. */
export interface DecodeOptions {
  only?: ReadonlySet<string>
  appended?: Record<string, Json>
}

/**
 * The records of a column-encoded value; with `only`, records (objects) get just those keys,
 * and each also gets the `appended` fields (set last, as Object.assign would).
 */
export function decodeRecordColumns(value: unknown, options: DecodeOptions = {}): unknown[] {
  const encoded = value as { format?: unknown; length?: unknown; column?: unknown }
  if (encoded?.format !== COLUMN_FORMAT || typeof encoded.length !== 'number' || typeof encoded.column !== 'object') {
    throw new Error('not a column-encoded record list')
  }
  const column = encoded.column as Column
  if ((options.only || options.appended) && column.t === 'obj') return decodeObjects(column, encoded.length, options)
  const records = decodeColumn(column, encoded.length)
  const { appended } = options
  if (appended) for (const record of records) if (record !== null && typeof record === 'object' && !Array.isArray(record)) for (const key in appended) setOwn(record, key, appended[key])
  return records
}
