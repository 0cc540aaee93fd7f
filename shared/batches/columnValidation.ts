import type { z } from 'zod'
import { type Column, decodeColumn, type Json } from './columnCodec'
import { sameJson } from './sameJson'

type Schema = z.core.$ZodType

/**
 * Whether every value of a column is valid under `schema` exactly as it is, so that parsing
 * each would only copy it. Checked column by column: a constant or a dictionary's values
 * once each, not once a row (a million charges have a few hundred dates and models), and an
 * object column key by key when its schema is an object or a record. False when any value
 * is invalid or would come out changed (a key the schema drops); the caller then parses
 * record by record, for the exact problems.
 */
export function columnIsValid(schema: Schema, column: Column, length: number): boolean {
  switch (column.t) {
    case 'const':
      return length === 0 || parsesUnchanged(schema, column.v)
    case 'dict':
      return column.d.every((value) => parsesUnchanged(schema, value))
    case 'obj': {
      const shaped = objectSchema(schema)
      if (shaped?.kind === 'object') return objectColumnIsValid(shaped.shape, column, length)
      if (shaped?.kind === 'record') return column.k.every((key) => parsesUnchanged(shaped.keys, key)) && column.c.every((child, k) => columnIsValid(shaped.values, child, length - column.absent[k].length))
      break
    }
    case 'list': {
      // The items of all lists at once, as one column: a run's steps, calls and usage are not decoded to be checked.
      const element = listElement(schema)
      if (element) return columnIsValid(element, column.items, column.n.reduce((sum, n) => sum + n, 0))
      break
    }
    case 'raw': {
      const accepts = scalarCheck(schema)
      if (accepts) return column.v.every(accepts)
      break
    }
  }
  return decodeColumn(column, length).every((value) => parsesUnchanged(schema, value))
}

function objectColumnIsValid(shape: Record<string, Schema>, column: Extract<Column, { t: 'obj' }>, length: number): boolean {
  // A key no record has (each was set to undefined) is no key at all.
  if (column.k.some((key, k) => !Object.prototype.hasOwnProperty.call(shape, key) && column.absent[k].length < length)) return false
  for (const [key, field] of Object.entries(shape)) {
    const k = column.k.indexOf(key)
    const missing = k < 0 ? length : column.absent[k].length
    if (missing > 0 && !acceptsAbsent(field)) return false
    if (k >= 0 && !columnIsValid(field, column.c[k], length - missing)) return false
  }
  return true
}

/** An object column's schema, looking through optional and nullable (an object column holds no nulls). */
function objectSchema(schema: Schema): { kind: 'object'; shape: Record<string, Schema> } | { kind: 'record'; keys: Schema; values: Schema } | null {
  const def = schema._zod.def as { type: string; innerType?: Schema; shape?: Record<string, Schema>; keyType?: Schema; valueType?: Schema; checks?: unknown[] }
  if (def.checks?.length) return null
  if (def.type === 'optional' || def.type === 'nullable') return objectSchema(def.innerType!)
  if (def.type === 'object' && def.shape) return { kind: 'object', shape: def.shape }
  // String keys only: zod checks a record with enum keys for every key, not key by key.
  if (def.type === 'record' && def.keyType?._zod.def.type === 'string' && def.valueType) return { kind: 'record', keys: def.keyType, values: def.valueType }
  return null
}

/** A list column's item schema, looking through optional and nullable (a list column holds only lists); null when the list itself has checks. */
function listElement(schema: Schema): Schema | null {
  const def = schema._zod.def as { type: string; innerType?: Schema; element?: Schema; checks?: unknown[] }
  if (def.checks?.length) return null
  if (def.type === 'optional' || def.type === 'nullable') return listElement(def.innerType!)
  return def.type === 'array' && def.element ? def.element : null
}

/**
 * A test of one value equivalent to parsing it unchanged, for a string, number or boolean
 * schema: its type, then its checks (patterns, refinements) run as zod runs them, without a
 * parse around each value. A run's id, start, end and cost are distinct in every record, and
 * zod's safeParse took a microsecond a value. Null for schemas it does not cover (coercion,
 * conditional checks).
 */
function scalarCheck(schema: Schema): ((value: Json) => boolean) | null {
  const def = schema._zod.def as { type: string; checks?: z.core.$ZodCheck<unknown>[]; coerce?: boolean }
  if (def.coerce || !(def.type === 'string' || def.type === 'number' || def.type === 'boolean')) return null
  const checks = def.checks ?? []
  if (checks.some((check) => check._zod.def.when)) return null
  // Decoded from JSON, a number is finite.
  return (value) => {
    if (typeof value !== def.type) return false
    const payload: z.core.ParsePayload = { value, issues: [] }
    for (const check of checks) if (check._zod.check(payload) instanceof Promise) return false
    // A check that rewrites the value (trim) would change the record.
    return payload.issues.length === 0 && payload.value === value
  }
}

/** Optional and nothing more: a default would fill the key in, so the record would change. */
function acceptsAbsent(schema: Schema): boolean {
  return schema._zod.def.type === 'optional'
}

function parsesUnchanged(schema: Schema, value: unknown): boolean {
  const result = (schema as z.ZodType).safeParse(value)
  return result.success && sameJson(result.data, value)
}
