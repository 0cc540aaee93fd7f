import { IncomingMessage } from '@hocuspocus/server'
import type { connectedPayload, Extension, Hocuspocus, onListenPayload } from '@hocuspocus/server'
import type { RawData, WebSocket } from 'ws'
import { closeForPolicy } from './closeForPolicy'
import { frameBytes } from './frameBytes'

/**
 * Hocuspocus holds a socket's messages for a document in memory until that document's
 * connection is set up: while its token is checked, while the document loads, and for good
 * when the token was refused. This caps the bytes so held per socket; past the cap the socket
 * is closed (a real provider resends what it had not synced when it reconnects).
 */
export class QueuedBytesLimitExtension implements Extension {
  extensionName = 'QueuedBytesLimit'

  // Per socket: bytes received for each document that has no connection on it yet.
  private readonly queued = new WeakMap<WebSocket, Map<string, number>>()

  constructor(private readonly maxQueuedBytes: number) {}

  async onListen({ instance }: onListenPayload): Promise<void> {
    instance.server?.webSocketServer.on('connection', (socket: WebSocket) => {
      const perDocument = new Map<string, number>()
      this.queued.set(socket, perDocument)
      socket.on('message', (data: RawData) => {
        const bytes = frameBytes(data)
        const name = documentName(bytes)
        // Undecodable messages are MessageGuardExtension's to close.
        if (name === null || hasConnection(instance, name, socket)) return
        perDocument.set(name, (perDocument.get(name) ?? 0) + bytes.length)
        let total = 0
        for (const size of perDocument.values()) total += size
        if (total > this.maxQueuedBytes) closeForPolicy(socket, 'too many bytes waiting for documents that are not open')
      })
    })
  }

  /** Hocuspocus has just handed the document's queued messages to its new connection. */
  async connected({ connection, documentName }: connectedPayload): Promise<void> {
    this.queued.get(connection.webSocket)?.delete(documentName)
  }
}

function documentName(bytes: Uint8Array): string | null {
  try {
    return new IncomingMessage(bytes).readVarString()
  } catch {
    return null
  }
}

function hasConnection(instance: Hocuspocus, name: string, socket: WebSocket): boolean {
  return instance.documents.get(name)?.getConnections().some((connection) => connection.webSocket === socket) ?? false
}
