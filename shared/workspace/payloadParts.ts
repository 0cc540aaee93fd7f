import type * as Y from 'yjs'

/** Where the ledger keeps the parts of a payload written in parts (Ledger.addInParts). */
export const PAYLOAD_PARTS_MAP = 'payloadParts'

export const payloadPartKey = (batchId: string, index: number): string => `${batchId}/${index}`

/**
 * A stored batch's payload as the pieces it was written in: `[payload]` when stored whole, its
 * parts in order when written in parts, undefined when it has neither. A missing part throws,
 * naming which, so the batch is reported unreadable or damaged rather than read short.
 */
export function storedPayloadPieces(parts: Y.Map<Uint8Array>, batchId: string, stored: { payload?: unknown; payloadParts?: unknown }, standIns?: PayloadPartStandIns): Uint8Array[] | undefined {
  if (stored.payload instanceof Uint8Array) return [stored.payload]
  if (typeof stored.payloadParts !== 'number') return undefined
  const pieces: Uint8Array[] = []
  for (let index = 0; index < stored.payloadParts; index++) {
    const key = payloadPartKey(batchId, index)
    const standIn = standIns?.bytesOf(key)
    const part = standIn === undefined ? parts.get(key) : standIn
    if (!(part instanceof Uint8Array)) throw new Error(`part ${index + 1} of ${stored.payloadParts} is missing`)
    pieces.push(part)
  }
  return pieces
}

/** Yjs's content kind of a Uint8Array (ContentBinary), and the bit that says an item has a map key. */
const BINARY_CONTENT = 3
const HAS_MAP_KEY = 0x20

/**
 * The Yjs update (v1) that sets one payload part in a ledger's parts map, as a document of
 * client `client` writes it for the item it numbers `clock` (a fresh key: no left or right
 * neighbour, no deletions), in one copy of the part. A document encoding its own transaction
 * copies the part twice (into its encoder, then into one array), and a store that takes this
 * update as it is (DocumentStore) spares both.
 */
export function payloadPartUpdate(client: number, clock: number, batchId: string, index: number, part: Uint8Array): Uint8Array {
  const head: number[] = []
  const varUint = (value: number) => {
    for (; value > 0x7f; value = Math.floor(value / 0x80)) head.push(0x80 | (value & 0x7f))
    head.push(value)
  }
  const text = (value: string) => {
    const bytes = new TextEncoder().encode(value)
    varUint(bytes.length)
    head.push(...bytes)
  }
  // One client, one item: its id, its kind, its parent (a top-level type, by name) and key, then its bytes.
  varUint(1)
  varUint(1)
  varUint(client)
  varUint(clock)
  head.push(BINARY_CONTENT | HAS_MAP_KEY)
  varUint(1)
  text(PAYLOAD_PARTS_MAP)
  text(payloadPartKey(batchId, index))
  varUint(part.length)
  const update = new Uint8Array(head.length + part.length + 1)
  update.set(head)
  update.set(part, head.length)
  // No deletions (the last byte, 0, as the array starts).
  return update
}

/**
 * Which payload part an update stored as made sets (Ledger.addInParts), noted beside it: what
 * a reader needs to stand in for the part (standInUpdate) without reading its megabytes.
 */
export interface PayloadPartNote {
  client: number
  clock: number
  batchId: string
  index: number
}

/**
 * The update of a noted part's item with no bytes. Applied in the part's place, it keeps the
 * client's clock whole, so the client's later changes (the batch's listing) apply after it,
 * while the part itself stays unread until a batch's rows are (PayloadPartStandIns).
 */
export function standInUpdate(note: PayloadPartNote): Uint8Array {
  return payloadPartUpdate(note.client, note.clock, note.batchId, note.index, new Uint8Array(0))
}

/**
 * The parts a document holds stand-ins for (standInUpdate), by key: their bytes once read,
 * null when they are gone from the store (the batch is then unreadable, as with a part
 * missing), undefined for a key with no stand-in (the document's own value is the part).
 * Throws PayloadPartsUnread for a part not read yet: the reader reads them and asks again.
 */
export interface PayloadPartStandIns {
  bytesOf(key: string): Uint8Array | null | undefined
}

export class PayloadPartsUnread extends Error {
  constructor() {
    super('payload parts not read yet')
  }
}
