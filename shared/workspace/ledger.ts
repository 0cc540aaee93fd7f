import * as Y from 'yjs'
import type { z } from 'zod'
import { rekeyLegacyCharges } from '../batches/legacyIdentities'
import { withoutCoveredOrganizationTotals } from '../batches/openaiOrganizationTotals'
import { BatchMeta } from '../records/batch'
import { Charge } from '../records/charge'
import { CHARGE_IDENTITY_VERSION } from '../records/chargeIdentity'
import { Run } from '../records/run'
import { decodeCheckedBatchPayload } from '../batches/batchPayload'
import type { Batch } from '../batches/batch'
import { readChargeSummary, type ChargeSummary } from '../batches/chargeSummaryRead'
import { isSummaryDimension } from '../batches/chargeSummary'
import { CHARGE_LINE_KEYS, type ChargeLine } from '../analysis/input'
import { ChargeIdentitySet } from '../batches/identities'
import { HashSet128 } from '../hash/hashSet128'
import { murmur3x86_128 } from '../hash/murmur3'
import { IMPORT, LOCAL_EDIT } from './origins'
import { concatBytes } from '../bytes/concatBytes'
import { PAYLOAD_PARTS_MAP, payloadPartKey, payloadPartUpdate, PayloadPartsUnread, type PayloadPartNote, type PayloadPartStandIns, storedPayloadPieces } from './payloadParts'
import type { ReadResult, RecordProblem } from './problems'

/**
 * A batch as the ledger keeps it: its meta, its records' payload whole or (addInParts) the
 * number of parts it was written in, and, for most charges batches, their summary.
 */
type StoredBatch = BatchMeta & { payload?: Uint8Array; payloadParts?: number; summary?: Uint8Array }


const storedSummary = (batch: Batch) => (batch.summary ? { summary: batch.summary } : {})

/**
 * Where a ledger's document is kept, when it can take an update the document did not encode:
 * runs `change`, which makes the document's update `update` (a payload part's,
 * payloadPartUpdate), without the document encoding it, and stores `update` as it is, noting
 * beside it which part it sets (`part`), so a reader can leave the part unread.
 */
export interface DocumentStore {
  storeAsMade(update: Uint8Array, change: () => void, part: PayloadPartNote): void
}

/**
 * The ledger document (`<workspace id>/ledger`): immutable import batches keyed by content
 * hash. It only grows, except when a person removes a batch (which undo brings back).
 */
export class Ledger {
  readonly batches: Y.Map<StoredBatch>
  /** The payloads of batches added in parts (addInParts), keyed `<batch id>/<part>`. */
  readonly payloadParts: Y.Map<Uint8Array>
  /** Validated records per batch: batches never change, so each is checked once per session. */
  private readonly validated = new Map<string, { records: unknown[]; problems: RecordProblem[] }>()
  /** Per charges batch, whether its identities are unique (see batchIdentitiesUnique). */
  private readonly uniqueIdentities = new Map<string, boolean>()
  /** Per charges batch, its summary, or null when it has none that matches it. */
  private readonly summaries = new Map<string, ChargeSummary | null>()

  /** `standIns`: parts the document holds stand-ins for (a reader's copy that reads parts only when rows are read). */
  constructor(
    readonly doc: Y.Doc,
    private readonly standIns?: PayloadPartStandIns,
  ) {
    this.batches = doc.getMap('batches')
    this.payloadParts = doc.getMap(PAYLOAD_PARTS_MAP)
  }

  list(): ReadResult<BatchMeta> {
    const records: BatchMeta[] = []
    const problems: RecordProblem[] = []
    for (const [id, stored] of this.batches.entries()) {
      const result = parsedMeta(stored)
      if (result.success) records.push(result.data)
      else problems.push({ collection: 'batches', id, message: result.error.issues.map((i) => i.message).join('; ') })
    }
    records.sort((a, b) => b.importedAt.localeCompare(a.importedAt))
    return { records, problems }
  }

  /** One batch's meta, without reading every other batch's: null when there is none or it is invalid. */
  meta(id: string): BatchMeta | null {
    const result = parsedMeta(this.batches.get(id))
    return result.success ? result.data : null
  }

  has(id: string): boolean {
    return this.batches.has(id)
  }

  /**
   * Adds a batch the import pipeline built, atomically. 'duplicate', and nothing added, when
   * the same content is there already, or when every billing row of it is (a copy of a file
   * under another name): told by the identities the pipeline computed, so the new batch is
   * not decoded here. Its records are validated when first read, like a batch that arrives
   * from another device through sync.
   */
  add(batch: Batch, origin: unknown = IMPORT): 'added' | 'duplicate' {
    const parsed = BatchMeta.parse(batch.meta)
    if (this.holds(parsed, batch)) return 'duplicate'
    this.doc.transact(() => this.batches.set(parsed.id, { ...parsed, payload: batch.payload, ...storedSummary(batch) }), origin)
    return 'added'
  }

  /**
   * Adds a batch as add() does, but a payload over `partBytes` is written in parts, one
   * transaction each, awaiting `pause()` before each: no single update (which the document
   * encodes, its persistence copies and sync sends) holds a 100 MB payload, so the app's window
   * is never busy with one for long. The batch is listed only with its last transaction, after
   * every part, so a peer never lists it without its payload. Given the document's `store`,
   * a part under a key never used is set with its update made here (payloadPartUpdate: the
   * document's next item), which the store keeps as it is, rather than the document encoding
   * it (two copies of the part).
   */
  async addInParts(batch: Batch, partBytes: number, pause: () => Promise<void>, store?: DocumentStore, origin: unknown = IMPORT): Promise<'added' | 'duplicate'> {
    const { payload } = batch
    if (payload.length <= partBytes) return this.add(batch, origin)
    const parsed = BatchMeta.parse(batch.meta)
    if (this.holds(parsed, batch)) return 'duplicate'
    const parts = Math.ceil(payload.length / partBytes)
    for (let index = 0; index < parts; index++) {
      await pause()
      const key = payloadPartKey(parsed.id, index)
      const part = payload.subarray(index * partBytes, (index + 1) * partBytes)
      const set = () => this.doc.transact(() => this.payloadParts.set(key, part), origin)
      // A key ever used (a batch removed, a peer's parts) gives the item a left neighbour, which payloadPartUpdate does not write.
      if (store && !this.payloadParts._map.has(key)) {
        const note = { client: this.doc.clientID, clock: Y.getState(this.doc.store, this.doc.clientID), batchId: parsed.id, index }
        store.storeAsMade(payloadPartUpdate(note.client, note.clock, parsed.id, index, part), set, note)
      } else set()
    }
    await pause()
    // The same batch may have arrived from a peer meanwhile: its parts were written again, under the same keys;
    // those past the parts it was stored with (all, when stored whole) are nobody's, and go.
    const arrived = this.batches.get(parsed.id)
    if (arrived) {
      const kept = typeof arrived.payloadParts === 'number' ? arrived.payloadParts : 0
      this.doc.transact(() => {
        for (let index = kept; index < parts; index++) this.payloadParts.delete(payloadPartKey(parsed.id, index))
      }, origin)
      return 'duplicate'
    }
    this.doc.transact(() => this.batches.set(parsed.id, { ...parsed, payloadParts: parts, ...storedSummary(batch) }), origin)
    return 'added'
  }

  /** The same content is stored, or every billing row of it is (a copy of a file under another name). */
  private holds(meta: BatchMeta, batch: Batch): boolean {
    if (this.batches.has(meta.id)) return true
    return meta.kind === 'charges' && meta.records > 0 && this.heldCharges().holdsEvery(batch.identities)
  }

  /** The identities of every stored billing row. */
  private heldCharges(): ChargeIdentitySet {
    const held = new ChargeIdentitySet()
    for (const charge of this.everyCharge().records) held.add(charge.format, charge.identity)
    return held
  }

  /** Removes a batch and its payload's parts together, so one undo brings both back. */
  remove(id: string, origin: unknown = LOCAL_EDIT): void {
    this.doc.transact(() => {
      this.batches.delete(id)
      // Up to the first missing part: the count is a peer's word, not to be looped over blindly.
      for (let index = 0; this.payloadParts.has(payloadPartKey(id, index)); index++) this.payloadParts.delete(payloadPartKey(id, index))
    }, origin)
  }

  /** The valid records of one batch, whatever its kind (validated once: batches never change). */
  batchRecords(id: string): (Charge | Run)[] {
    const kind = this.batches.get(id)?.kind
    const records: (Charge | Run)[] = []
    if (kind === 'charges') this.readBatch(id, Charge, [], (charge) => records.push(charge))
    else if (kind === 'runs') this.readBatch(id, Run, [], (run) => records.push(run))
    return records
  }

  /**
   * The charges to count: each billing row once even when two overlapping exports both hold
   * it, and no OpenAI organisation total for a day that a grouped export also covers.
   */
  charges(): ReadResult<Charge & { batchId: string }> {
    const { records, problems } = this.everyCharge()
    return { records: withoutCoveredOrganizationTotals(records), problems }
  }

  /**
   * The charges charges() gives, each read with only what the analysis reads of a charge (a
   * ChargeLine) and what telling organisation totals needs: overlapping exports are decoded
   * without their rows' token counts, quantities and source lines. Whole records are
   * validated all the same; a batch read whole before is not read again.
   */
  chargeLines(): ReadResult<ChargeLine & { batchId: string }> {
    const { records, problems } = this.everyCharge(CHARGE_LINE_FIELDS)
    return { records: withoutCoveredOrganizationTotals(records), problems }
  }

  /**
   * The charges to count as charges() gives them, but as the lines of the batches' summaries
   * (see chargeSummary.ts), or null when some charge must be read row by row: a batch without
   * a summary that matches it (stored before summaries, or damaged), a summary that leaves out
   * one of `fields` (an API key per row, when a rule reads API keys), or two batches of one
   * format (they may hold the same rows, which only their identities tell apart).
   */
  summarizedCharges(fields: ReadonlySet<keyof ChargeLine>): ReadResult<ChargeLine> | null {
    const batches = this.orderedBatches('charges')
    // Batches of one import format are mostly of one charge format: no summary read to find out.
    if (new Set(batches.map((meta) => meta.format)).size < batches.length) return null
    const records: ChargeLine[] = []
    const formats = new Set<string>()
    for (const meta of batches) {
      const summary = this.summaryOf(meta)
      if (!summary || formats.has(summary.chargeFormat) || [...fields].some((field) => !summarizes(summary, field))) return null
      formats.add(summary.chargeFormat)
      for (const line of summary.lines) records.push(line)
    }
    return { records, problems: [] }
  }

  /** A charges batch's summary lines, or null when it has none that matches it (see chargeSummary.ts). */
  summaryOf(meta: Pick<BatchMeta, 'id' | 'records' | 'totals'>): ChargeSummary | null {
    let summary = this.summaries.get(meta.id)
    if (summary === undefined) {
      const bytes = this.batches.get(meta.id)?.summary
      summary = bytes instanceof Uint8Array ? readChargeSummary(bytes, meta) : null
      this.summaries.set(meta.id, summary)
    }
    return summary
  }

  /** Every stored billing row once; with `only`, those of several batches with just those fields (see chargeLines). */
  private everyCharge(only?: ReadonlySet<string>): ReadResult<Charge & { batchId: string }> {
    const batches = this.orderedBatches('charges')
    // One batch (the common case: one big export) has unique identities by construction
    // (UniqueIdentities), so nothing is dropped and a million-entry set is not built.
    if (batches.length === 1 && this.batchIdentitiesUnique(batches[0].id)) {
      const problems: RecordProblem[] = []
      const records: (Charge & { batchId: string })[] = []
      this.readBatch(batches[0].id, Charge, problems, (charge) => records.push(charge))
      return { records, problems }
    }
    const seen = new ChargeIdentitySet()
    const records: (Charge & { batchId: string })[] = []
    const problems: RecordProblem[] = []
    for (const meta of batches) {
      // A batch of older identities is read whole: its rows are keyed again from fields the analysis does not read.
      const fields = (meta.identityVersion ?? 1) >= CHARGE_IDENTITY_VERSION ? only : undefined
      this.readBatch(meta.id, Charge, problems, (charge) => {
        if (seen.has(charge.format, charge.identity)) return
        seen.add(charge.format, charge.identity)
        records.push(charge)
      }, fields)
    }
    return { records, problems }
  }

  /**
   * Whether no two valid charges of a batch share format and identity. Checked once a batch
   * (batches never change) by hashing the identities: a batch from an older version or a peer
   * is not trusted to hold them unique.
   */
  private batchIdentitiesUnique(id: string): boolean {
    let unique = this.uniqueIdentities.get(id)
    if (unique === undefined) {
      const seen = new HashSet128()
      let format: string | undefined
      unique = true
      this.readBatch(id, Charge, [], (charge) => {
        format ??= charge.format
        // A batch of several formats (none is written today) takes the exact path.
        if (unique && (charge.format !== format || !seen.add(murmur3x86_128(charge.identity)))) unique = false
      })
      this.uniqueIdentities.set(id, unique)
    }
    return unique
  }

  /**
   * Every run once. A session imported again later (it grew) or from another machine keeps
   * the copy with the most requests; the importer already removed requests seen in other batches.
   */
  runs(): ReadResult<Run & { batchId: string }> {
    return this.fullestRuns(undefined, (runs) => runs)
  }

  /**
   * Every run once, as runs() chooses them, each read with only `fields` (and its id and
   * requests) and turned into what `project` makes of it, batch by batch: a command that needs
   * a little of 100,000 runs neither builds the rest of each record nor holds every record
   * until the last batch is read. Whole records are validated all the same.
   */
  projectedRuns<K extends keyof Run, T>(fields: readonly K[], project: (runs: (Pick<Run, K | 'id' | 'requests'> & { batchId: string })[]) => T[]): ReadResult<T> {
    return this.fullestRuns(new Set<string>([...fields, 'id', 'requests']), project)
  }

  private fullestRuns<T>(only: ReadonlySet<string> | undefined, project: (runs: (Run & { batchId: string })[]) => T[]): ReadResult<T> {
    const byId = new Map<string, { requests: number; value: T }>()
    const problems: RecordProblem[] = []
    for (const meta of this.orderedBatches('runs')) {
      const batch = this.batchOf(meta.id, Run, only)
      problems.push(...batch.problems)
      const runs = batch.records as (Run & { batchId: string })[]
      const values = project(runs)
      runs.forEach((run, i) => {
        const existing = byId.get(run.id)
        if (!existing || run.requests > existing.requests) byId.set(run.id, { requests: run.requests, value: values[i] })
      })
    }
    return { records: [...byId.values()].map((entry) => entry.value), problems }
  }

  /** The valid records of every batch of one kind, oldest import first (outcome batches: see outcomeLedger.ts). */
  recordsOfKind<T>(kind: BatchMeta['kind'], schema: z.ZodType<T>): ReadResult<T & { batchId: string }> {
    const records: (T & { batchId: string })[] = []
    const problems: RecordProblem[] = []
    for (const meta of this.orderedBatches(kind)) this.readBatch(meta.id, schema, problems, (record) => records.push(record))
    return { records, problems }
  }

  observe(listener: () => void): () => void {
    const handler = () => listener()
    this.batches.observe(handler)
    return () => this.batches.unobserve(handler)
  }

  private orderedBatches(kind: BatchMeta['kind']): BatchMeta[] {
    return this.list()
      .records.filter((meta) => meta.kind === kind)
      .sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id))
  }

  private readBatch<T>(id: string, schema: z.ZodType<T>, problems: RecordProblem[], onRecord: (record: T & { batchId: string }) => void, only?: ReadonlySet<string>): void {
    const batch = this.batchOf(id, schema, only)
    problems.push(...batch.problems)
    for (const record of batch.records) onRecord(record as T & { batchId: string })
  }

  /** A batch's records, validated once; with `only`, records of a batch not validated before carry just those keys, and are not kept for later reads. */
  private batchOf<T>(id: string, schema: z.ZodType<T>, only?: ReadonlySet<string>): { records: unknown[]; problems: RecordProblem[] } {
    let cached = this.validated.get(id)
    if (!cached) {
      cached = this.decode(id, this.batches.get(id), schema, only)
      if (!only) this.validated.set(id, cached)
    }
    return cached
  }

  /** A stored batch's valid records, each tagged with its batch, and a problem for each bad one. */
  private decode<T>(id: string, stored: StoredBatch | undefined, schema: z.ZodType<T>, only?: ReadonlySet<string>): { records: unknown[]; problems: RecordProblem[] } {
    const decoded = { records: [] as unknown[], problems: [] as RecordProblem[] }
    try {
      // Decoded with their batch id: set afterwards, it cost V8 a hidden class a record (three times the memory).
      const payload = stored && this.payloadOf(id, stored)
      const { records, valid } = payload ? decodeCheckedBatchPayload(payload, schema, { only, appended: { batchId: id } }) : { records: [], valid: true }
      if (valid) decoded.records = records
      else this.validateEach(id, schema, records, decoded)
      if (stored?.kind === 'charges') rekeyLegacyCharges(stored, decoded.records as Charge[])
    } catch (error) {
      if (error instanceof PayloadPartsUnread) throw error
      decoded.problems.push({ collection: 'batches', id, message: `payload unreadable: ${(error as Error).message}` })
    }
    return decoded
  }

  /** A stored batch's payload: whole, or its parts joined (a part missing throws, and the batch is reported unreadable). */
  private payloadOf(id: string, stored: StoredBatch): Uint8Array | undefined {
    const pieces = storedPayloadPieces(this.payloadParts, id, stored, this.standIns)
    return pieces && concatBytes(pieces)
  }

  /** Record by record: the good ones kept, each bad one a problem naming its batch and index. */
  private validateEach<T>(id: string, schema: z.ZodType<T>, records: unknown[], into: { records: unknown[]; problems: RecordProblem[] }): void {
    records.forEach((raw, index) => {
      const result = schema.safeParse(raw)
      // zod returns a fresh object, so tagging it with its batch copies nothing.
      if (result.success) into.records.push(tagged(result.data, id))
      else into.problems.push({ collection: 'batches', id: `${id}#${index}`, message: result.error.issues.map((i) => i.message).join('; ') })
    })
  }
}

/** What chargeLines() reads of each charge: a ChargeLine's fields, and its end (organisation totals are told by it). */
const CHARGE_LINE_FIELDS: ReadonlySet<string> = new Set<keyof Charge>([...CHARGE_LINE_KEYS, 'end'])

/** Whether a summary's lines hold `field` as every charge of the line has it: every field but a dimension it left out. */
function summarizes(summary: ChargeSummary, field: keyof ChargeLine): boolean {
  return !isSummaryDimension(field) || summary.dimensions.has(field)
}

/**
 * The record with its batch id set in place. Assigned, not Object.assign'ed: V8 turns a record
 * given a new key by Object.assign into a slow dictionary object, which made every later copy
 * of a run (deriveRuns) slow.
 */
function tagged(record: unknown, batchId: string): unknown {
  ;(record as { batchId: string }).batchId = batchId
  return record
}

function parsedMeta(stored: unknown) {
  const { payload: _payload, payloadParts: _parts, summary: _summary, ...meta } = (stored ?? {}) as Partial<StoredBatch>
  return BatchMeta.safeParse(meta)
}
