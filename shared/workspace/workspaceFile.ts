import * as Y from 'yjs'

/**
 * A workspace saved to one file (the CLI's --workspace, the desktop backup): a magic header,
 * then the governance and ledger documents as Yjs updates, each length-prefixed.
 */
const MAGIC = new TextEncoder().encode('WORKFOLIO-WS1\n')

export interface WorkspaceDocs {
  governance: Y.Doc
  ledger: Y.Doc
}

export function encodeWorkspaceFile(docs: WorkspaceDocs): Uint8Array {
  const parts = [Y.encodeStateAsUpdate(docs.governance), Y.encodeStateAsUpdate(docs.ledger)]
  const size = MAGIC.length + parts.reduce((sum, part) => sum + 4 + part.length, 0)
  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  out.set(MAGIC, 0)
  let offset = MAGIC.length
  for (const part of parts) {
    view.setUint32(offset, part.length)
    out.set(part, offset + 4)
    offset += 4 + part.length
  }
  return out
}

export function decodeWorkspaceFile(bytes: Uint8Array, into: WorkspaceDocs = { governance: new Y.Doc(), ledger: new Y.Doc() }): WorkspaceDocs {
  const header = bytes.subarray(0, MAGIC.length)
  if (header.length !== MAGIC.length || header.some((byte, i) => byte !== MAGIC[i])) {
    throw new Error('not a Workfolio workspace file')
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = MAGIC.length
  const parts: Uint8Array[] = []
  for (let i = 0; i < 2; i++) {
    if (offset + 4 > bytes.length) throw new Error('workspace file is truncated')
    const length = view.getUint32(offset)
    if (offset + 4 + length > bytes.length) throw new Error('workspace file is truncated')
    parts.push(bytes.subarray(offset + 4, offset + 4 + length))
    offset += 4 + length
  }
  Y.applyUpdate(into.governance, parts[0])
  Y.applyUpdate(into.ledger, parts[1])
  return into
}
