import * as Y from 'yjs'
import { openExistingDatabase, readStoreSince, storedStateOf } from '../storedDoc'

/**
 * The analysis worker's copy of one stored document, read from IndexedDB itself instead of the
 * window encoding or posting 100 MB: `state` tells which state the store holds without reading
 * it (enough to find an answer kept for it), `catchUp` applies what was stored since the last
 * read and says which state the copy now holds.
 *
 * The window stores each edit in a transaction it begins before telling the worker, and
 * IndexedDB runs a read after every write begun before it, so a read holds every change the
 * window made before it asked.
 */
export class StoreMirror {
  private db: Promise<IDBDatabase> | null = null
  private nextKey = 0
  /** Undefined until first read. */
  private incarnation: string | null | undefined

  constructor(
    private readonly name: string,
    private readonly doc: Y.Doc,
  ) {}

  private database(): Promise<IDBDatabase> {
    return (this.db ??= openExistingDatabase(this.name))
  }

  async state(): Promise<string | null> {
    return storedStateOf(await this.database())
  }

  async catchUp(): Promise<string | null> {
    const read = await readStoreSince(await this.database(), this.nextKey)
    // Read from key `nextKey` on, a database created anew under the same name would be read short.
    if (this.incarnation !== undefined && read.incarnation !== this.incarnation) throw new Error(`the workspace's store ${this.name} was replaced: open the window again`)
    this.incarnation = read.incarnation
    Y.transact(this.doc, () => read.values.forEach((update) => Y.applyUpdate(this.doc, update)))
    if (read.keys.length > 0) this.nextKey = read.keys[read.keys.length - 1] + 1
    return read.state
  }
}
