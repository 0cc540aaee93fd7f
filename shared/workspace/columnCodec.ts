/**
 * A compact, schema-free encoding of a list of JSON records, column by column: repeated
 * strings become dictionary indexes, nested objects and lists become columns of their own,
 * and a key is written once instead of once per record. 100,000 runs shrink about threefold
 * and parse faster, which is what a new teammate downloads and what IndexedDB keeps.
 * decode(encode(records)) deep-equals records for any JSON values, absent keys included.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export type Column =
  | { t: 'const'; v: Json }
  | { t: 'dict'; d: Json[]; i: number[] }
  | { t: 'obj'; k: string[]; c: Column[]; absent: number[][] }
  | { t: 'list'; n: number[]; items: Column }
  | { t: 'raw'; v: Json[] }

function isPlainObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isScalar(value: unknown): value is null | boolean | number | string {
  return value === null || typeof value !== 'object'
}

export function encodeColumn(values: readonly Json[]): Column {
  if (values.length === 0) return { t: 'raw', v: [] }
  const first = values[0]
  if (isScalar(first) && values.every((value) => value === first)) return { t: 'const', v: first }
  if (values.every(isScalar)) {
    // A dictionary pays off when values repeat: stop building it once half are distinct.
    const index = new Map<Json, number>()
    const ids: number[] = []
    const limit = values.length / 2
    for (const value of values) {
      let id = index.get(value)
      if (id === undefined) {
        if (index.size + 1 > limit) return { t: 'raw', v: [...values] }
        index.set(value, (id = index.size))
      }
      ids.push(id)
    }
    return { t: 'dict', d: [...index.keys()], i: ids }
  }
  if (values.every(isPlainObject)) return encodeObjects(values as Record<string, Json>[])
  if (values.every(Array.isArray)) {
    const items: Json[] = []
    for (const list of values as Json[][]) for (const item of list) items.push(item)
    return { t: 'list', n: (values as Json[][]).map((list) => list.length), items: encodeColumn(items) }
  }
  return { t: 'raw', v: [...values] }
}

function encodeObjects(objects: readonly Record<string, Json>[]): Column {
  const keys: string[] = []
  const seen = new Set<string>()
  for (const object of objects) for (const key in object) if (!seen.has(key)) (seen.add(key), keys.push(key))
  const columns: Column[] = []
  const absent: number[][] = []
  for (const key of keys) {
    const values: Json[] = []
    const missing: number[] = []
    objects.forEach((object, row) => {
      // A property set to undefined is absent, as JSON.stringify treats it.
      if (Object.prototype.hasOwnProperty.call(object, key) && object[key] !== undefined) values.push(object[key])
      else missing.push(row)
    })
    columns.push(encodeColumn(values))
    absent.push(missing)
  }
  return { t: 'obj', k: keys, c: columns, absent }
}

export function decodeColumn(column: Column, length: number): Json[] {
  switch (column.t) {
    case 'const':
      return new Array<Json>(length).fill(column.v)
    case 'dict':
      return column.i.map((id) => column.d[id])
    case 'raw':
      return column.v
    case 'list': {
      const items = decodeColumn(column.items, column.n.reduce((sum, n) => sum + n, 0))
      let at = 0
      return column.n.map((n) => items.slice(at, (at += n)))
    }
    case 'obj': {
      const rows: Record<string, Json>[] = Array.from({ length }, () => ({}))
      column.k.forEach((key, k) => {
        const missing = column.absent[k]
        const values = decodeColumn(column.c[k], length - missing.length)
        if (missing.length === 0 && key !== '__proto__') {
          // The common case, kept tight: every record has this key.
          for (let row = 0; row < length; row++) rows[row][key] = values[row]
          return
        }
        const absent = new Set(missing)
        let next = 0
        for (let row = 0; row < length; row++) if (!absent.has(row)) setOwn(rows[row], key, values[next++])
      })
      return rows
    }
  }
}

/** "__proto__" is a valid JSON key; plain assignment would change the prototype instead. */
function setOwn(object: Record<string, Json>, key: string, value: Json): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
  else object[key] = value
}

export const COLUMN_FORMAT = 'workfolio-columns-1'

export function encodeRecordColumns(records: readonly unknown[]): { format: string; length: number; column: Column } {
  return { format: COLUMN_FORMAT, length: records.length, column: encodeColumn(records as Json[]) }
}

export function decodeRecordColumns(value: unknown): unknown[] {
  const encoded = value as { format?: unknown; length?: unknown; column?: unknown }
  if (encoded?.format !== COLUMN_FORMAT || typeof encoded.length !== 'number' || typeof encoded.column !== 'object') {
    throw new Error('not a column-encoded record list')
  }
  return decodeColumn(encoded.column as Column, encoded.length)
}
