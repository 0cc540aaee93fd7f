import * as Y from 'yjs'
import { readStoreSince } from '../storedDoc'
import { standInUpdate } from '../../../shared/workspace/payloadParts'
import { storeReader } from './answerStore'
import type { UnreadParts } from './unreadParts'

/**
 * The analysis worker's copy of one stored document, read from IndexedDB itself instead of the
 * window encoding or posting 100 MB: `catchUp` applies what was stored since the last read and
 * says which state the copy now holds (storedFingerprint tells it without reading the store).
 *
 * The window stores each edit in a transaction it begins before telling the worker, and
 * IndexedDB runs a read after every write begun before it, so a read holds every change the
 * window made before it asked. The payload parts the window noted as it stored them (an
 * import's) are stood in for and read only when needed (see UnreadParts).
 */
export class StoreMirror {
  private nextKey = 0
  /** Undefined until first read. */
  private incarnation: string | null | undefined

  /** `unreadParts`: where the noted payload parts go, stood in for rather than read. */
  constructor(
    private readonly name: string,
    private readonly doc: Y.Doc,
    private readonly unreadParts?: UnreadParts,
  ) {}

  async catchUp(): Promise<string | null> {
    const read = await readStoreSince(await storeReader(this.name), this.nextKey, this.unreadParts !== undefined)
    // Read from key `nextKey` on, a database created anew under the same name would be read short.
    if (this.incarnation !== undefined && read.incarnation !== this.incarnation) throw new Error(`the workspace's store ${this.name} was replaced: open the window again`)
    this.incarnation = read.incarnation
    Y.transact(this.doc, () => {
      for (const part of read.parts) {
        this.unreadParts?.note(part)
        Y.applyUpdate(this.doc, standInUpdate(part))
      }
      for (const update of read.values) Y.applyUpdate(this.doc, update)
    })
    if (read.keys.length > 0) this.nextKey = read.keys[read.keys.length - 1] + 1
    return read.state
  }

  /** Reads the payload parts stood in for so far (see UnreadParts). */
  async readParts(): Promise<void> {
    await this.unreadParts?.read(await storeReader(this.name))
  }
}
