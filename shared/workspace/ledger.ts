import * as Y from 'yjs'
import type { z } from 'zod'
import { rekeyLegacyCharges } from '../batches/legacyIdentities'
import { withoutCoveredOrganizationTotals } from '../batches/openaiOrganizationTotals'
import { BatchMeta } from '../records/batch'
import { Charge } from '../records/charge'
import { Run } from '../records/run'
import { decodeCheckedBatchPayload } from '../batches/batchPayload'
import type { Batch } from '../batches/batch'
import { ChargeIdentitySet } from '../batches/identities'
import { HashSet128 } from '../hash/hashSet128'
import { murmur3x86_128 } from '../hash/murmur3'
import { IMPORT, LOCAL_EDIT } from './origins'
import type { ReadResult, RecordProblem } from './problems'

type StoredBatch = BatchMeta & { payload: Uint8Array }

/**
 * The ledger document (`<workspace id>/ledger`): immutable import batches keyed by content
 * hash. It only grows, except when a person removes a batch (which undo brings back).
 */
export class Ledger {
  readonly batches: Y.Map<StoredBatch>
  /** Validated records per batch: batches never change, so each is checked once per session. */
  private readonly validated = new Map<string, { records: unknown[]; problems: RecordProblem[] }>()
  /** Per charges batch, whether its identities are unique (see batchIdentitiesUnique). */
  private readonly uniqueIdentities = new Map<string, boolean>()

  constructor(readonly doc: Y.Doc) {
    this.batches = doc.getMap('batches')
  }

  list(): ReadResult<BatchMeta> {
    const records: BatchMeta[] = []
    const problems: RecordProblem[] = []
    for (const [id, stored] of this.batches.entries()) {
      const { payload: _payload, ...meta } = (stored ?? {}) as Partial<StoredBatch>
      const result = BatchMeta.safeParse(meta)
      if (result.success) records.push(result.data)
      else problems.push({ collection: 'batches', id, message: result.error.issues.map((i) => i.message).join('; ') })
    }
    records.sort((a, b) => b.importedAt.localeCompare(a.importedAt))
    return { records, problems }
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
    if (this.batches.has(parsed.id)) return 'duplicate'
    if (parsed.kind === 'charges' && parsed.records > 0 && this.heldCharges().holdsEvery(batch.identities)) return 'duplicate'
    this.doc.transact(() => this.batches.set(parsed.id, { ...parsed, payload: batch.payload }), origin)
    return 'added'
  }

  /** The identities of every stored billing row. */
  private heldCharges(): ChargeIdentitySet {
    const held = new ChargeIdentitySet()
    for (const charge of this.everyCharge().records) held.add(charge.format, charge.identity)
    return held
  }

  remove(id: string, origin: unknown = LOCAL_EDIT): void {
    this.doc.transact(() => this.batches.delete(id), origin)
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

  /** Every stored billing row once. */
  private everyCharge(): ReadResult<Charge & { batchId: string }> {
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
      this.readBatch(meta.id, Charge, problems, (charge) => {
        if (seen.has(charge.format, charge.identity)) return
        seen.add(charge.format, charge.identity)
        records.push(charge)
      })
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
    const byId = new Map<string, Run & { batchId: string }>()
    const problems: RecordProblem[] = []
    for (const meta of this.orderedBatches('runs')) {
      this.readBatch(meta.id, Run, problems, (run) => {
        const existing = byId.get(run.id)
        if (!existing || run.requests > existing.requests) byId.set(run.id, run)
      })
    }
    return { records: [...byId.values()], problems }
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

  private readBatch<T>(id: string, schema: z.ZodType<T>, problems: RecordProblem[], onRecord: (record: T & { batchId: string }) => void): void {
    let cached = this.validated.get(id)
    if (!cached) {
      cached = this.decode(id, this.batches.get(id), schema)
      this.validated.set(id, cached)
    }
    problems.push(...cached.problems)
    for (const record of cached.records) onRecord(record as T & { batchId: string })
  }

  /** A stored batch's valid records, each tagged with its batch, and a problem for each bad one. */
  private decode<T>(id: string, stored: StoredBatch | undefined, schema: z.ZodType<T>): { records: unknown[]; problems: RecordProblem[] } {
    const decoded = { records: [] as unknown[], problems: [] as RecordProblem[] }
    try {
      // Decoded with their batch id: set afterwards, it cost V8 a hidden class a record (three times the memory).
      const { records, valid } = stored?.payload instanceof Uint8Array ? decodeCheckedBatchPayload(stored.payload, schema, { batchId: id }) : { records: [], valid: true }
      if (valid) decoded.records = records
      else this.validateEach(id, schema, records, decoded)
      if (stored?.kind === 'charges') rekeyLegacyCharges(stored, decoded.records as Charge[])
    } catch (error) {
      decoded.problems.push({ collection: 'batches', id, message: `payload unreadable: ${(error as Error).message}` })
    }
    return decoded
  }

  /** Record by record: the good ones kept, each bad one a problem naming its batch and index. */
  private validateEach<T>(id: string, schema: z.ZodType<T>, records: unknown[], into: { records: unknown[]; problems: RecordProblem[] }): void {
    records.forEach((raw, index) => {
      const result = schema.safeParse(raw)
      // zod returns a fresh object, so tagging it with its batch copies nothing.
      if (result.success) into.records.push(Object.assign(result.data as object, { batchId: id }))
      else into.problems.push({ collection: 'batches', id: `${id}#${index}`, message: result.error.issues.map((i) => i.message).join('; ') })
    })
  }
}
