import * as Y from 'yjs'
import { hexBytes } from '../../shared/hash/hexWords'
import type { DocumentStore } from '../../shared/workspace/ledger'
import type { PayloadPartNote } from '../../shared/workspace/payloadParts'
import { nextTask } from './nextTask'

/**
 * A Y.Doc kept in this device's IndexedDB, in y-indexeddb's layout (database named after the
 * document, its updates in order in the auto-numbered store `updates`, a store `custom`), so
 * workspaces stored by earlier versions open as they were. Written here rather than taken from
 * y-indexeddb because the app needs what it does not do:
 *
 * - the stored updates are loaded a few megabytes per task (y-indexeddb reads and applies a
 *   100 MB ledger in one long window task), and only when asked (`load`), so the window
 *   can draw before its ledger has loaded;
 * - each update is committed as soon as it is written (`IDBTransaction.commit`), not when its
 *   write's result has come back to the page, so a reload straight after an edit keeps it;
 *   `flush` waits for every write begun;
 * - the store says which state it holds (`storedStateOf`), so a kept analysis is known to be for
 *   it without reading 100 MB;
 * - a payload part stored as made (an import's) is noted in `custom` beside its update, so the
 *   analysis worker's copy can stand in for it rather than read it (StoreMirror, UnreadParts).
 */
export class StoredDoc implements DocumentStore {
  /** Updates with keys from here on are not in the document yet, but for this window's own (`ownKeys`). */
  private nextKey = 0
  /** Keys of the updates this window stored since it last read the store: in the document already. */
  private ownKeys = new Set<number>()
  private entries = 0
  private loading: Promise<void> | null = null
  private loaded = false
  private readonly writes = new Set<Promise<void>>()
  private compacting: ReturnType<typeof setTimeout> | undefined
  private closed = false

  private constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly db: IDBDatabase,
  ) {
    doc.on('update', this.storeUpdate)
  }

  /** Opens (or creates) the document's database; nothing is read yet. */
  static async open(name: string, doc: Y.Doc): Promise<StoredDoc> {
    return new StoredDoc(name, doc, await openDatabase(name))
  }

  /** Applies the stored updates to the document, about `bytesPerTask` of them per task (once; later calls wait for it). */
  load(bytesPerTask = DEFAULT_BYTES_PER_TASK): Promise<void> {
    this.loading ??= this.loadInTasks(bytesPerTask).then(() => {
      this.loaded = true
    })
    return this.loading
  }

  private async loadInTasks(bytesPerTask: number): Promise<void> {
    // Read a few at first, then as many as fit the budget given the sizes seen so far.
    let count = 4
    while (!this.closed) {
      const { keys, values } = await readUpdates(this.db, this.nextKey, count)
      if (this.closed || keys.length === 0) break
      // Applied no more than the budget per task (one update at least), even when a read brought
      // more (the first, of a few updates of unknown size): the window draws in between.
      for (let from = 0; from < values.length && !this.closed; ) {
        if (from > 0) await nextTask()
        let to = from + 1
        for (let bytes = values[from].byteLength; to < values.length && bytes + values[to].byteLength <= bytesPerTask; to++) bytes += values[to].byteLength
        this.unheard(() => Y.transact(this.doc, () => values.slice(from, to).forEach((update) => Y.applyUpdate(this.doc, update)), this, false))
        this.nextKey = keys[to - 1] + 1
        this.entries += to - from
        from = to
      }
      const bytes = values.reduce((sum, update) => sum + update.byteLength, 0)
      count = Math.max(1, Math.min(MAX_UPDATES_PER_READ, Math.floor((count * bytesPerTask) / Math.max(1, bytes))))
    }
  }

  /**
   * Runs `change`, which makes the document's update `update` (a payload part's,
   * payloadPartUpdate), and stores `update` as it is: the document does not encode it to be
   * stored (a 2 MB part copied twice), nor at all unless something else listens for its
   * updates (a team server's sync). The part is noted beside it (readStoreSince).
   */
  storeAsMade(update: Uint8Array, change: () => void, part: PayloadPartNote): void {
    this.unheard(change)
    if (!this.closed) this.write(update, part)
  }

  /**
   * Runs `change` with this store not listening to the document: for updates it holds, or is
   * given as made. Yjs encodes a transaction's update only when someone listens for it.
   */
  private unheard(change: () => void): void {
    this.doc.off('update', this.storeUpdate)
    try {
      change()
    } finally {
      this.doc.on('update', this.storeUpdate)
    }
  }

  /** Every update the document emits, except those it loaded from here, is stored in order. */
  private readonly storeUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || this.closed) return
    this.write(update)
  }

  /**
   * Stores an update of this window's, committed at once; a payload part's with its note,
   * written in the same transaction once the update's key is known.
   */
  private write(update: Uint8Array, part?: PayloadPartNote): void {
    const transaction = this.db.transaction(part ? [UPDATES, CUSTOM] : UPDATES, 'readwrite')
    const added = transaction.objectStore(UPDATES).add(update)
    added.onsuccess = () => {
      const key = added.result as number
      this.ownKeys.add(key)
      if (!part) return
      transaction.objectStore(CUSTOM).put({ ...part, updateKey: key } satisfies StoredPartNote, `${PART_NOTE_PREFIX}${key}`)
      transaction.commit()
    }
    this.track(transaction)
    if (!part) transaction.commit()
    if (++this.entries >= COMPACT_AT_ENTRIES) this.scheduleCompaction()
  }

  /** Remembers a write until it is done, for `flush`. */
  private track(transaction: IDBTransaction): void {
    const done = new Promise<void>((resolve) => {
      transaction.oncomplete = transaction.onabort = () => resolve()
    })
    this.writes.add(done)
    void done.then(() => this.writes.delete(done))
  }

  /**
   * Like y-indexeddb: past 500 stored updates, the document's whole state replaces them (in one
   * transaction, with any update another window stored meanwhile applied first). Only once the
   * document holds everything stored, or the updates not loaded yet would be lost. This window's
   * own updates are not applied again (y-indexeddb does: an import's megabytes of parts twice).
   */
  private scheduleCompaction(): void {
    clearTimeout(this.compacting)
    this.compacting = setTimeout(() => {
      if (!this.loaded || this.closed) return
      const transaction = this.db.transaction([UPDATES, CUSTOM], 'readwrite')
      const store = transaction.objectStore(UPDATES)
      const newerKeys = store.getAllKeys(IDBKeyRange.lowerBound(this.nextKey))
      newerKeys.onsuccess = () => {
        // Only other windows' updates are read: this window's own (an import's megabytes of parts) are in the document.
        const reads = (newerKeys.result as number[]).filter((key) => !this.ownKeys.has(key)).map((key) => store.get(key))
        const replace = () => {
          // Updates commute: applied in any order, they make the same document.
          if (reads.length > 0) this.unheard(() => Y.transact(this.doc, () => reads.forEach((read) => Y.applyUpdate(this.doc, read.result as Uint8Array)), this, false))
          this.ownKeys = new Set()
          const added = store.add(Y.encodeStateAsUpdate(this.doc))
          added.onsuccess = () => {
            const key = added.result as number
            store.delete(IDBKeyRange.upperBound(key, true))
            // Every noted part was in an update just replaced.
            transaction.objectStore(CUSTOM).delete(partNotes())
            this.nextKey = key + 1
            this.entries = 1
            transaction.commit()
          }
        }
        // A transaction's requests succeed in the order made: the last read's success follows every other's.
        if (reads.length === 0) replace()
        else reads[reads.length - 1].onsuccess = replace
      }
      this.track(transaction)
    }, COMPACT_AFTER_MS)
  }

  /** Which state the store holds now (storedStateOf), read over this document's own connection. */
  storedState(): Promise<string | null> {
    return storedStateOf(this.db)
  }

  /** Resolves once every update written so far is on disk (or failed). */
  async flush(): Promise<void> {
    await Promise.all([...this.writes])
  }

  /** Stops storing; waits for the writes begun, then closes the database. */
  async destroy(): Promise<void> {
    this.doc.off('update', this.storeUpdate)
    clearTimeout(this.compacting)
    this.closed = true
    await this.flush()
    this.db.close()
  }
}

const UPDATES = 'updates'
const CUSTOM = 'custom'
/** A random id the database gets when created (or first opened by this version): see storedStateOf. */
const INCARNATION = 'workfolio:incarnation'
/** A payload part's note (storeAsMade) is kept in `custom` under this prefix and its update's key. */
const PART_NOTE_PREFIX = 'workfolio:part:'
const partNotes = () => IDBKeyRange.bound(PART_NOTE_PREFIX, `${PART_NOTE_PREFIX}\uffff`)

/** A payload part's note as stored, with the key of the update that sets the part. */
export type StoredPartNote = PayloadPartNote & { updateKey: number }

const DEFAULT_BYTES_PER_TASK = 4 << 20
const MAX_UPDATES_PER_READ = 1024
const COMPACT_AT_ENTRIES = 500
const COMPACT_AFTER_MS = 1000

function openDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(name)
    opening.onupgradeneeded = () => {
      const db = opening.result
      if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true })
      if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM)
    }
    opening.onerror = () => reject(opening.error ?? new Error(`could not open ${name}`))
    opening.onsuccess = () => {
      const db = opening.result
      db.onversionchange = () => db.close()
      // `add`, not `put`: of two windows opening a new database at once, the first one's id stays.
      const transaction = db.transaction(CUSTOM, 'readwrite')
      transaction.objectStore(CUSTOM).add(randomId(), INCARNATION).onerror = (event) => event.preventDefault()
      transaction.oncomplete = transaction.onabort = () => resolve(db)
    }
  })
}

function randomId(): string {
  return hexBytes(crypto.getRandomValues(new Uint8Array(16)))
}

/** Up to `count` stored updates from key `from` on, with their keys, in one request each. */
function readUpdates(db: IDBDatabase, from: number, count?: number): Promise<{ keys: number[]; values: Uint8Array[] }> {
  return new Promise((resolve, reject) => {
    const store = db.transaction(UPDATES, 'readonly').objectStore(UPDATES)
    const range = IDBKeyRange.lowerBound(from)
    const keys = store.getAllKeys(range, count)
    const values = store.getAll(range, count)
    values.onsuccess = () => resolve({ keys: keys.result as number[], values: values.result as Uint8Array[] })
    values.onerror = () => reject(values.error)
  })
}

/**
 * Which state a document's store holds, told without reading its updates: its incarnation and
 * the keys of its updates (as ranges). A stored update never changes and its key is never given
 * again in the same database (a compaction stores the whole state under a new key and deletes
 * the older ones), so the same answer means the same stored content; a database deleted and
 * created again gets another incarnation. Null when the store has none (a database no version
 * with StoredDoc has opened).
 */
export function storedStateOf(db: IDBDatabase): Promise<string | null> {
  return readStoreSince(db, Infinity).then((read) => read.state)
}

/**
 * The store's state (storedStateOf) and the updates from key `from` on, read together. With
 * `leavingParts`, the updates that set a noted payload part (storeAsMade) are left unread and
 * their notes given instead (`parts`): `values` are then the other updates, in order.
 */
export function readStoreSince(db: IDBDatabase, from: number, leavingParts = false): Promise<{ state: string | null; incarnation: string | null; keys: number[]; values: Uint8Array[]; parts: StoredPartNote[] }> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction([UPDATES, CUSTOM], 'readonly')
    const updates = transaction.objectStore(UPDATES)
    const custom = transaction.objectStore(CUSTOM)
    const incarnation = custom.get(INCARNATION)
    const keys = updates.getAllKeys()
    const reads: IDBRequest[] = []
    let parts: StoredPartNote[] = []
    if (from !== Infinity && !leavingParts) reads.push(updates.getAll(IDBKeyRange.lowerBound(from)))
    if (from !== Infinity && leavingParts) {
      const notes = custom.getAll(partNotes())
      // A transaction's requests succeed in the order made: the keys are in by now.
      notes.onsuccess = () => {
        const newer = (keys.result as number[]).filter((key) => key >= from)
        const noted = new Map((notes.result as StoredPartNote[]).map((note) => [note.updateKey, note]))
        parts = newer.flatMap((key) => noted.get(key) ?? [])
        // The other updates in runs of keys with no noted one among them, a request a run.
        for (let start = 0; start < newer.length; ) {
          if (noted.has(newer[start])) {
            start++
            continue
          }
          let end = start
          while (end + 1 < newer.length && !noted.has(newer[end + 1])) end++
          reads.push(updates.getAll(IDBKeyRange.bound(newer[start], newer[end])))
          start = end + 1
        }
      }
    }
    transaction.oncomplete = () => {
      const all = keys.result as number[]
      const id = typeof incarnation.result === 'string' ? incarnation.result : null
      resolve({ state: id === null ? null : `${id} ${keyRanges(all)}`, incarnation: id, keys: all.filter((key) => key >= from), values: reads.flatMap((read) => read.result as Uint8Array[]), parts })
    }
    transaction.onerror = () => reject(transaction.error)
  })
}

/** The stored updates under `keys`, each undefined where there is none (replaced by a compaction). */
export function readUpdatesAt(db: IDBDatabase, keys: readonly number[]): Promise<(Uint8Array | undefined)[]> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(UPDATES, 'readonly')
    const reads = keys.map((key) => transaction.objectStore(UPDATES).get(key))
    transaction.oncomplete = () => resolve(reads.map((read) => read.result as Uint8Array | undefined))
    transaction.onerror = () => reject(transaction.error)
  })
}

/** `[1,2,3,7,8]` as `1-3,7-8`. */
export function keyRanges(keys: number[]): string {
  const ranges: string[] = []
  for (let start = 0; start < keys.length; ) {
    let end = start
    while (end + 1 < keys.length && keys[end + 1] === keys[end] + 1) end++
    ranges.push(`${keys[start]}-${keys[end]}`)
    start = end + 1
  }
  return ranges.join(',')
}

/** Opens a document's existing database to read it (never creating it: y-indexeddb's layout comes from its writer). */
export function openExistingDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(name)
    opening.onupgradeneeded = () => opening.transaction?.abort()
    opening.onerror = () => reject(opening.error ?? new Error(`the workspace's store ${name} is not on this device`))
    opening.onsuccess = () => {
      const db = opening.result
      db.onversionchange = () => db.close()
      resolve(db)
    }
  })
}
