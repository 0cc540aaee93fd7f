import * as Y from 'yjs'
import { createSha256 } from '../hash/sha256'
import { batchContentHash } from '../batches/batchPayload'
import { PAYLOAD_PARTS_MAP, storedPayloadPieces } from './payloadParts'
import { plural } from '../text/plural'

/**
 * A workspace saved to one file (the CLI's --workspace): a magic header naming the format
 * version, then the governance and ledger documents as Yjs updates.
 * - v1 (`WORKFOLIO-WS1`): each document is a 4-byte big-endian length and the update.
 * - v2 (`WORKFOLIO-WS2`): each document is a 4-byte length, the SHA-256 of the update (64
 *   hex characters) and the update, and nothing follows the ledger. A flipped byte anywhere
 *   fails the header, a length or a checksum, so damage is found before anything is read.
 * v1 files still read (without checksums: their batches' content hashes are the only check)
 * and are written back as v2.
 */
const MAGIC_V1 = ascii('WORKFOLIO-WS1\n')
const MAGIC_V2 = ascii('WORKFOLIO-WS2\n')
const CHECKSUM_BYTES = 64
const DOCUMENTS = ['governance', 'ledger'] as const

export interface WorkspaceDocs {
  governance: Y.Doc
  ledger: Y.Doc
}

/** The file is not a whole, intact workspace; `message` names what is damaged. */
export class DamagedWorkspaceError extends Error {}

export function encodeWorkspaceFile(docs: WorkspaceDocs): Uint8Array {
  const parts = encodeWorkspaceFileParts(docs)
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/**
 * The file's bytes as consecutive parts, to write one after another: a ledger holding a
 * million-row batch is about 100 MB, which joining into one array would copy once more.
 */
export function encodeWorkspaceFileParts(docs: WorkspaceDocs): Uint8Array[] {
  const { parts, checksums } = workspaceFileLayout(docs)
  checksums.forEach(fillChecksum)
  return parts
}

/** A document's checksum: the part that holds it (zeros until filled) and the pieces it is of. */
export interface DocumentChecksum {
  part: Uint8Array
  pieces: readonly Uint8Array[]
}

/**
 * The file's parts as encodeWorkspaceFileParts gives them, but each document's checksum still
 * to fill in (fillChecksum) where its part stands, so that the bytes around it can be written
 * meanwhile: hashing a million-row ledger took a third as long as writing it out.
 */
export function workspaceFileLayout(docs: WorkspaceDocs): { parts: Uint8Array[]; checksums: DocumentChecksum[] } {
  const parts: Uint8Array[] = [MAGIC_V2]
  const checksums: DocumentChecksum[] = []
  for (const name of DOCUMENTS) {
    const pieces = updatePieces(docs[name])
    const length = new Uint8Array(4)
    new DataView(length.buffer).setUint32(0, pieces.reduce((sum, piece) => sum + piece.length, 0))
    const checksumPart = new Uint8Array(CHECKSUM_BYTES)
    checksums.push({ part: checksumPart, pieces })
    parts.push(length, checksumPart, ...pieces)
  }
  return { parts, checksums }
}

export function fillChecksum({ part, pieces }: DocumentChecksum): void {
  part.set(ascii(checksum(pieces)))
}

/**
 * A document's state as Y.encodeStateAsUpdate gives it, but in pieces, the bytes inside a
 * stored record (a batch's payload and summary, as `Ledger.add` stores them) each one of them
 * as they are: Yjs copied the million-row ledger's 75 MB payload into its encoder and then
 * joined the encoder's buffers: two copies of bytes that are written out anyway.
 * Bytes set straight into a map (the app's 2 MB payload parts) are still copied.
 */
export function updatePieces(doc: Y.Doc): Uint8Array[] {
  // Updates still waiting for what they build on are merged in by Yjs from the joined bytes.
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return [Y.encodeStateAsUpdate(doc)]
  const encoder = new PiecesEncoder()
  Y.encodeStateAsUpdateV2(doc, undefined, encoder)
  return encoder.pieces
}

/** From this size on, bytes in a document (a payload, a summary) are a piece of their own. */
const OWN_PIECE_BYTES = 1 << 16

/**
 * Yjs's update encoder (v1, as encodeStateAsUpdate uses), keeping its pieces where it would
 * join them. Values are written as lib0's writeAny writes them (objects and lists item by
 * item, through the encoder's own writes), but bytes of OWN_PIECE_BYTES or more are not copied.
 */
class PiecesEncoder extends Y.UpdateEncoderV1 {
  pieces: Uint8Array[] = []

  override writeAny(value: unknown): void {
    if (value instanceof Uint8Array && value.length >= OWN_PIECE_BYTES) {
      // lib0's type 116 (bytes) and their length, then the bytes after the buffer so far.
      this.writeInfo(116)
      this.writeLen(value.length)
      const encoder = this.restEncoder
      // The bytes so far copied out and the buffer kept: a new buffer a payload kept each old
      // one whole, which lib0 doubles as it fills (a workspace of many batches, hundreds of MB).
      encoder.bufs.push(encoder.cbuf.slice(0, encoder.cpos), value)
      encoder.cpos = 0
    } else if (value === null || typeof value !== 'object' || value instanceof Uint8Array) {
      super.writeAny(value as Parameters<Y.UpdateEncoderV1['writeAny']>[0])
    } else if (Array.isArray(value)) {
      this.writeInfo(117)
      this.writeLen(value.length)
      for (const item of value) this.writeAny(item)
    } else {
      const keys = Object.keys(value)
      this.writeInfo(118)
      this.writeLen(keys.length)
      for (const key of keys) {
        this.writeString(key)
        this.writeAny((value as Record<string, unknown>)[key])
      }
    }
  }

  override toUint8Array(): Uint8Array {
    const { bufs, cbuf, cpos } = this.restEncoder
    this.pieces = [...bufs, cbuf.subarray(0, cpos)]
    return new Uint8Array(0)
  }
}

/**
 * The two documents of a workspace file, after checking the file's checksums (v2) and every
 * batch against its content hash. Throws DamagedWorkspaceError naming what is damaged.
 */
export function decodeWorkspaceFile(bytes: Uint8Array, into: WorkspaceDocs = { governance: new Y.Doc(), ledger: new Y.Doc() }): WorkspaceDocs {
  const version = startsWith(bytes, MAGIC_V2) ? 2 : startsWith(bytes, MAGIC_V1) ? 1 : null
  if (version === null) throw new DamagedWorkspaceError('not a Workfolio workspace file (its header is missing or damaged)')
  const checksumBytes = version === 2 ? CHECKSUM_BYTES : 0
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = MAGIC_V2.length
  const parts: Uint8Array[] = []
  for (const name of DOCUMENTS) {
    if (offset + 4 + checksumBytes > bytes.length) throw new DamagedWorkspaceError(`the workspace file is truncated (in the ${name} document)`)
    const length = view.getUint32(offset)
    const start = offset + 4 + checksumBytes
    if (start + length > bytes.length) throw new DamagedWorkspaceError(`the workspace file is truncated or damaged (the ${name} document's length)`)
    const part = bytes.subarray(start, start + length)
    if (version === 2 && new TextDecoder().decode(bytes.subarray(offset + 4, start)) !== checksum(part)) {
      throw new DamagedWorkspaceError(`the ${name} document is damaged (it fails its checksum)`)
    }
    parts.push(part)
    offset = start + length
  }
  if (version === 2 && offset !== bytes.length) throw new DamagedWorkspaceError(`the workspace file is damaged (${plural(bytes.length - offset, 'unexpected byte')} after the ledger document)`)
  DOCUMENTS.forEach((name, i) => {
    try {
      Y.applyUpdate(into[name], parts[i])
    } catch (error) {
      throw new DamagedWorkspaceError(`the ${name} document is damaged (${(error as Error).message})`)
    }
  })
  checkBatchHashes(into.ledger)
  return into
}

/** Every stored batch is keyed by the hash of its kind and payload (whole or in parts); one that no longer matches was damaged. */
function checkBatchHashes(ledger: Y.Doc): void {
  const parts = ledger.getMap<Uint8Array>(PAYLOAD_PARTS_MAP)
  for (const [id, stored] of ledger.getMap<{ kind?: unknown; payload?: unknown; payloadParts?: unknown; fileNames?: unknown }>('batches').entries()) {
    const { kind, fileNames } = stored ?? {}
    const pieces = piecesOrNothing(parts, id, stored ?? {})
    if (typeof kind === 'string' && pieces && batchContentHash(kind, pieces) === id) continue
    const from = Array.isArray(fileNames) && fileNames.length > 0 ? ` (imported from ${fileNames.join(', ')})` : ''
    throw new DamagedWorkspaceError(`batch ${id.slice(0, 12)}${from} is damaged (its content no longer matches its hash)`)
  }
}

function piecesOrNothing(parts: Y.Map<Uint8Array>, id: string, stored: { payload?: unknown; payloadParts?: unknown }): Uint8Array[] | undefined {
  try {
    return storedPayloadPieces(parts, id, stored)
  } catch {
    return undefined
  }
}

function checksum(pieces: Uint8Array | readonly Uint8Array[]): string {
  const hash = createSha256()
  for (const piece of pieces instanceof Uint8Array ? [pieces] : pieces) hash.update(piece)
  return hash.digestHex()
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte)
}

function ascii(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
