import { IncomingMessage, MessageType } from '@hocuspocus/server'
import type { beforeHandleMessagePayload, Extension, onListenPayload } from '@hocuspocus/server'
import type { RawData, WebSocket } from 'ws'
import * as Y from 'yjs'
import { frameBytes } from './frameBytes'

// y-protocols/sync sub-messages and the Hocuspocus auth sub-message a client may send.
const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2
const AUTH_TOKEN = 0

/** WebSocket close code for "the message contradicts its own format" (RFC 6455 §7.4.1). */
export const MALFORMED_MESSAGE_CLOSE_CODE = 1007

/**
 * Describes why `bytes` is not a message a Hocuspocus provider could have sent, or returns
 * null when it is well formed. Yjs payloads are fully decoded (without applying them), so a
 * truncated update is caught here rather than half-applied to a document.
 */
export function malformation(bytes: Uint8Array): string | null {
  try {
    const message = new IncomingMessage(bytes)
    // lib0 reads a length-prefixed array as a view of the underlying buffer, which for a
    // truncated message can extend past its end into unrelated bytes; an exact copy cannot.
    const payload = () => message.readVarUint8Array().slice()
    message.readVarString() // document name
    const type = message.readVarUint()
    switch (type) {
      case MessageType.Sync:
      case MessageType.SyncReply: {
        const step = message.readVarUint()
        if (step === SYNC_STEP_1) Y.decodeStateVector(payload())
        else if (step === SYNC_STEP_2 || step === SYNC_UPDATE) Y.decodeUpdate(payload())
        else return `unknown sync step ${step}`
        break
      }
      case MessageType.Awareness:
        checkAwarenessUpdate(payload())
        break
      case MessageType.Auth:
        if (message.readVarUint() !== AUTH_TOKEN) return 'unexpected authentication message'
        message.readVarString()
        break
      case MessageType.Stateless:
      case MessageType.BroadcastStateless:
        message.readVarString()
        break
      case MessageType.QueryAwareness:
      case MessageType.CLOSE:
        break
      default:
        return `unknown message type ${type}`
    }
    if (message.decoder.pos > bytes.length) return 'truncated'
    if (message.decoder.pos < bytes.length) return 'trailing bytes'
    return null
  } catch (error) {
    return `undecodable (${(error as Error).message})`
  }
}

/** The y-protocols awareness encoding: a count, then (client id, clock, JSON state) per client. */
function checkAwarenessUpdate(update: Uint8Array): void {
  const decoder = new IncomingMessage(update)
  const clients = decoder.readVarUint()
  for (let i = 0; i < clients; i++) {
    decoder.readVarUint()
    decoder.readVarUint()
    JSON.parse(decoder.readVarString())
  }
  if (decoder.decoder.pos !== update.length) throw new Error('awareness update length mismatch')
}

/**
 * Closes any connection that sends something other than a well-formed Hocuspocus message.
 * Two checkpoints, one rule:
 * - every WebSocket frame, including frames Hocuspocus merely queues before authentication
 *   (without this, garbage sent before a token would sit in memory with the socket open);
 * - `beforeHandleMessage`, the last step before a message touches a document, which is what
 *   guarantees garbage is never applied (the frame check runs alongside, not before, Hocuspocus).
 */
export class MessageGuardExtension implements Extension {
  extensionName = 'MessageGuard'

  async onListen({ instance }: onListenPayload): Promise<void> {
    instance.server?.webSocketServer.on('connection', (socket: WebSocket) => {
      // Text frames are judged by their bytes too: Hocuspocus itself re-emits queued frames
      // without the isBinary flag, so the flag cannot be trusted here.
      socket.on('message', (data: RawData) => {
        const problem = malformation(frameBytes(data))
        if (problem) reject(socket, problem)
      })
    })
  }

  async beforeHandleMessage({ update, connection }: beforeHandleMessagePayload): Promise<void> {
    const problem = malformation(update)
    if (problem) {
      reject(connection.webSocket, problem)
      throw new Error(`malformed message: ${problem}`)
    }
  }
}

function reject(socket: WebSocket, problem: string): void {
  if (socket.readyState !== socket.OPEN) return
  console.warn(`closing a connection: malformed message (${problem})`)
  socket.close(MALFORMED_MESSAGE_CLOSE_CODE, 'malformed message')
}
