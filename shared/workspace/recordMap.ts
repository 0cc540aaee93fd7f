import * as Y from 'yjs'
import type { z } from 'zod'
import { LOCAL_EDIT } from './origins'
import type { ReadResult, RecordProblem } from './problems'

type Identified = { id: string }

/**
 * A field whose parts are written independently by different people: an object of keys (a
 * review's votes per participant) or a list of items each with its own key (decisions per
 * portfolio: `keyOf` names the item). Stored as a nested map, so concurrent writes of
 * different keys all stay; a list reads back ordered by key.
 */
export type KeyedField = { kind: 'object' } | { kind: 'list'; keyOf: (item: unknown) => string }

function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`).join('; ')
}

/**
 * Typed access to a Y.Map<id, Y.Map<field, value>>. Each record is a nested map so that two
 * people editing different fields of the same record both keep their change. Reads validate
 * with zod and report invalid entries instead of throwing; fields this version does not know
 * are kept because writes only touch the fields they set.
 */
export class RecordMap<T extends Identified> {
  readonly map: Y.Map<Y.Map<unknown>>

  /** @param keyedFields fields whose parts merge key by key (see KeyedField). */
  constructor(
    private readonly doc: Y.Doc,
    readonly name: string,
    private readonly schema: z.ZodType<T>,
    private readonly keyedFields: Readonly<Record<string, KeyedField>> = {},
  ) {
    this.map = doc.getMap(name)
  }

  list(): ReadResult<T> {
    const records: T[] = []
    const problems: RecordProblem[] = []
    for (const [id, entry] of this.map.entries()) {
      const result = this.validate(id, entry)
      if ('record' in result) records.push(result.record)
      else problems.push(result.problem)
    }
    return { records, problems }
  }

  get(id: string): T | undefined {
    const entry = this.map.get(id)
    if (entry === undefined) return undefined
    const result = this.validate(id, entry)
    return 'record' in result ? result.record : undefined
  }

  has(id: string): boolean {
    return this.map.has(id)
  }

  /** The live nested map of one record, for fields that are shared types (Y.Text). */
  entry(id: string): Y.Map<unknown> | undefined {
    const entry = this.map.get(id)
    return entry instanceof Y.Map ? entry : undefined
  }

  /** Creates or replaces the given fields of a record; unknown fields already there stay. */
  put(record: T, origin: unknown = LOCAL_EDIT): void {
    const parsed = this.schema.parse(record) as T & Record<string, unknown>
    this.doc.transact(() => {
      let entry = this.entry(parsed.id)
      if (!entry) {
        entry = new Y.Map<unknown>()
        this.map.set(parsed.id, entry)
      }
      for (const [field, value] of Object.entries(parsed)) {
        const keyed = this.keyedFields[field]
        if (keyed?.kind === 'object' && isPlainObject(value)) writeKeyed(entry, field, value)
        else if (keyed?.kind === 'list' && Array.isArray(value)) writeKeyed(entry, field, Object.fromEntries(value.map((item) => [keyed.keyOf(item), item])))
        else if (!sameJson(entry.get(field), value)) entry.set(field, value)
      }
    }, origin)
  }

  /** Changes some fields of an existing record, validating the result before writing. */
  update(id: string, patch: Partial<T>, origin: unknown = LOCAL_EDIT): T {
    const current = this.get(id)
    if (!current) throw new Error(`${this.name}: no record ${id}`)
    const next = { ...current, ...patch, id } as T
    this.put(next, origin)
    return next
  }

  delete(id: string, origin: unknown = LOCAL_EDIT): void {
    this.doc.transact(() => this.map.delete(id), origin)
  }

  observe(listener: () => void): () => void {
    const handler = () => listener()
    this.map.observeDeep(handler)
    return () => this.map.unobserveDeep(handler)
  }

  private validate(id: string, entry: unknown): { record: T } | { problem: RecordProblem } {
    const json = entry instanceof Y.AbstractType ? entry.toJSON() : entry
    const result = this.schema.safeParse(this.withKeyedLists(json))
    if (result.success) return { record: result.data }
    return { problem: { collection: this.name, id, message: describeZodError(result.error) } }
  }

  /** Keyed lists are stored as maps; they read back as lists, ordered by key. */
  private withKeyedLists(json: unknown): unknown {
    if (!isPlainObject(json)) return json
    let out = json
    for (const [field, keyed] of Object.entries(this.keyedFields)) {
      if (keyed.kind === 'list' && isPlainObject(json[field])) out = { ...out, [field]: keyedListValues(json[field] as Record<string, unknown>) }
    }
    return out
  }
}

function keyedListValues(value: Record<string, unknown>): unknown[] {
  return Object.keys(value)
    .sort()
    .map((key) => value[key])
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
}

/** Writes only the keys that changed into the field's nested map (created on first write). */
function writeKeyed(entry: Y.Map<unknown>, field: string, value: Record<string, unknown>): void {
  let nested = entry.get(field)
  if (!(nested instanceof Y.Map)) {
    nested = new Y.Map<unknown>()
    entry.set(field, nested)
  }
  const map = nested as Y.Map<unknown>
  for (const [key, item] of Object.entries(value)) if (!sameJson(map.get(key), item)) map.set(key, item)
  for (const key of [...map.keys()]) if (!(key in value)) map.delete(key)
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false
  return JSON.stringify(a) === JSON.stringify(b)
}
