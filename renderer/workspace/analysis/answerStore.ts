import { murmur3x86_128Hex } from '../../../shared/hash/murmur3'
import type { WorkspaceStorage } from '../openLocalWorkspace'
import { openExistingDatabase, storedStateOf } from '../storedDoc'
import type { AnalysisAnswer } from './analysisProtocol'

/**
 * The analysis worker's answers, kept on this device beside the state they were computed from,
 * so a window opened later on the same workspace draws the Overview without analysing a
 * million charges again. Derived data only: never synced, and dropped for any other state.
 */
export interface StoredAnswer {
  fingerprint: string
  answer: AnalysisAnswer
}

export interface AnswerStore {
  read(key: string): Promise<StoredAnswer | undefined>
  write(key: string, entry: StoredAnswer): Promise<void>
}

const DATABASE = 'workfolio-analysis-answers'
const STORE = 'answers'

/**
 * What an answer depends on: the analysis code (`codeVersion`: its bundle's address changes
 * with it), the day (the automatic period and forecasts move with it) and which state each
 * document's store holds (storedStateOf: told without reading the stores' 100 MB). Null when a
 * store cannot tell: its answers are not kept.
 */
export function analysisFingerprint(states: { governance: string | null; ledger: string | null }, codeVersion: string, now: Date): string | null {
  if (states.governance === null || states.ledger === null) return null
  return [codeVersion, now.toISOString().slice(0, 10), murmur3x86_128Hex(states.governance), murmur3x86_128Hex(states.ledger)].join(' ')
}

/** This thread's connections to a workspace's stores' databases, opened once, for reading them. */
const readers = new Map<string, Promise<IDBDatabase>>()

export function storeReader(name: string): Promise<IDBDatabase> {
  let db = readers.get(name)
  if (!db) {
    db = openExistingDatabase(name)
    readers.set(name, db)
    // Closed when the database is deleted or upgraded (openExistingDatabase): opened again next time.
    db.then((opened) => opened.addEventListener('versionchange', () => readers.delete(name)), () => readers.delete(name))
  }
  return db
}

/** The fingerprint of what a workspace's stores hold now (for a kept answer), read without loading them. */
export async function storedFingerprint(storage: WorkspaceStorage, codeVersion: string, now: Date): Promise<string | null> {
  const [governance, ledger] = await Promise.all([storage.governance, storage.ledger].map(async (name) => storedStateOf(await storeReader(name))))
  return analysisFingerprint({ governance, ledger }, codeVersion, now)
}

/** The key of one question's answer about one workspace (named by its ledger's store). */
export const answerKey = (ledgerStore: string, question: string) => `${ledgerStore}\n${question}`

/** The answers in this origin's IndexedDB; null where there is none (unit tests without it). */
export function indexedDbAnswerStore(): AnswerStore | null {
  if (typeof indexedDB === 'undefined') return null
  // Opened at once: a new window's first question then waits for one read, not for opening too.
  const database = new Promise<IDBDatabase>((resolve, reject) => {
    const opening = indexedDB.open(DATABASE, 1)
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE)
    opening.onsuccess = () => resolve(opening.result)
    opening.onerror = () => reject(opening.error)
  })
  database.catch(() => undefined) // reported by each request
  const request = async <T>(mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest): Promise<T> => {
    const store = (await database).transaction(STORE, mode).objectStore(STORE)
    return new Promise((resolve, reject) => {
      const pending = make(store)
      pending.onsuccess = () => resolve(pending.result as T)
      pending.onerror = () => reject(pending.error)
    })
  }
  return {
    read: (key) => request<StoredAnswer | undefined>('readonly', (store) => store.get(key)),
    write: (key, entry) => request<void>('readwrite', (store) => store.put(entry, key)),
  }
}
