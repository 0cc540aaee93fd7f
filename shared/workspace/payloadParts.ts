import type * as Y from 'yjs'

/** Where the ledger keeps the parts of a payload written in parts (Ledger.addInParts). */
export const PAYLOAD_PARTS_MAP = 'payloadParts'

export const payloadPartKey = (batchId: string, index: number): string => `${batchId}/${index}`

/**
 * A stored batch's payload as the pieces it was written in: `[payload]` when stored whole, its
 * parts in order when written in parts, undefined when it has neither. A missing part throws,
 * naming which, so the batch is reported unreadable or damaged rather than read short.
 */
export function storedPayloadPieces(parts: Y.Map<Uint8Array>, batchId: string, stored: { payload?: unknown; payloadParts?: unknown }): Uint8Array[] | undefined {
  if (stored.payload instanceof Uint8Array) return [stored.payload]
  if (typeof stored.payloadParts !== 'number') return undefined
  const pieces: Uint8Array[] = []
  for (let index = 0; index < stored.payloadParts; index++) {
    const part = parts.get(payloadPartKey(batchId, index))
    if (!(part instanceof Uint8Array)) throw new Error(`part ${index + 1} of ${stored.payloadParts} is missing`)
    pieces.push(part)
  }
  return pieces
}
