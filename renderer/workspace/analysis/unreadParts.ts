import * as Y from 'yjs'
import { payloadPartKey, PayloadPartsUnread, type PayloadPartStandIns } from '../../../shared/workspace/payloadParts'
import { readStoreSince, readUpdatesAt, type StoredPartNote } from '../storedDoc'

/**
 * The payload parts a StoreMirror applied stand-ins for (standInUpdate) instead of reading
 * them: an import's 100 MB, which the analysis seldom needs (a batch's summary serves the
 * Overview), are read from the store only when a batch's rows are (`read`, after the ledger
 * threw PayloadPartsUnread).
 */
export class UnreadParts implements PayloadPartStandIns {
  /** By part key: its note, and its bytes once read (null: not in the store any more). */
  private readonly parts = new Map<string, { note: StoredPartNote; bytes?: Uint8Array | null }>()

  note(note: StoredPartNote): void {
    this.parts.set(payloadPartKey(note.batchId, note.index), { note })
  }

  bytesOf(key: string): Uint8Array | null | undefined {
    const part = this.parts.get(key)
    if (!part) return undefined
    if (part.bytes === undefined) throw new PayloadPartsUnread()
    return part.bytes
  }

  /** Reads every part not read yet: each from the update it was noted with, or, where a compaction replaced that, from the whole stored state. */
  async read(db: IDBDatabase): Promise<void> {
    const waiting = [...this.parts.values()].filter((part) => part.bytes === undefined)
    if (waiting.length === 0) return
    const byItem = new Map(waiting.map((part) => [`${part.note.client}:${part.note.clock}`, part]))
    const takeParts = (update: Uint8Array | undefined) => {
      if (!update) return
      for (const struct of Y.decodeUpdate(update).structs) {
        const part = struct instanceof Y.Item && struct.content instanceof Y.ContentBinary ? byItem.get(`${struct.id.client}:${struct.id.clock}`) : undefined
        if (part) part.bytes = (struct as Y.Item).content.getContent()[0] as Uint8Array
      }
    }
    for (const update of await readUpdatesAt(db, waiting.map((part) => part.note.updateKey))) takeParts(update)
    if (waiting.some((part) => part.bytes === undefined)) (await readStoreSince(db, 0)).values.forEach(takeParts)
    for (const part of waiting) part.bytes ??= null
  }
}
