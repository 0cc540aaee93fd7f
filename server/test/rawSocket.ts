/** Hand-made Hocuspocus clients for the attack tests: what a hostile script, not a provider, sends. */
import { IncomingMessage, MessageType, OutgoingMessage } from '@hocuspocus/server'
import WebSocket from 'ws'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { residentBytes } from './harness'

/** The Auth message a provider sends first for each document: type Auth, sub-type token. */
export function authMessage(documentName: string, token: string): Uint8Array {
  const message = new IncomingMessage(new Uint8Array())
  message.writeVarString(documentName)
  message.writeVarUint(MessageType.Auth)
  message.writeVarUint(0 as MessageType)
  message.writeVarString(token)
  return message.toUint8Array()
}

/** A BroadcastStateless message, which Hocuspocus relays to every connection of the document. */
export function broadcastStatelessMessage(documentName: string, payload: string): Uint8Array {
  const message = new IncomingMessage(new Uint8Array())
  message.writeVarString(documentName)
  message.writeVarUint(MessageType.BroadcastStateless)
  message.writeVarString(payload)
  return message.toUint8Array()
}

/** An awareness update setting `state` for `clientId`, with a clock ahead of any real client's. */
export function awarenessMessage(documentName: string, clientId: number, state: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const awareness = new Awareness(doc)
  for (let clock = 0; clock < 1000; clock++) awareness.setLocalState(state)
  const message = new OutgoingMessage(documentName).createAwarenessUpdateMessage(awareness, [clientId]).toUint8Array()
  awareness.destroy()
  return message
}

/** The type of a message the server sent (after its document name). */
export function messageType(bytes: Uint8Array): MessageType {
  const message = new IncomingMessage(bytes)
  message.readVarString()
  return message.readVarUint()
}

/** The reason of a CLOSE message the server sent for a document, or null for any other message. */
export function closeReason(bytes: Uint8Array): string | null {
  const message = new IncomingMessage(bytes)
  message.readVarString()
  return message.readVarUint() === MessageType.CLOSE ? message.readVarString() : null
}

/** A well-formed sync update for `documentName` carrying about `bytes` bytes of text. */
export function updateMessage(documentName: string, bytes: number): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('notes').insert(0, 'x'.repeat(bytes))
  return new OutgoingMessage(documentName).createSyncMessage().writeUpdate(Y.encodeStateAsUpdate(doc)).toUint8Array()
}

const MiB = 1024 * 1024

/** What the server did with a flood: how it closed the socket, how much was handed to the network, how its memory grew. */
export interface FloodOutcome {
  close: { code: number; reason: string }
  attemptedBytes: number
  serverGrowthBytes: number
}

/**
 * Sends 1 MiB sync updates for `documentName` until the socket closes or 256 MiB were handed to
 * the network, and measures the resident memory of the server process `pid` around it.
 */
export async function flood(socket: RawSocket, documentName: string, pid: number): Promise<FloodOutcome> {
  const before = residentBytes(pid)
  const message = updateMessage(documentName, MiB)
  let attemptedBytes = 0
  while (attemptedBytes < 256 * MiB && (await socket.send(message))) attemptedBytes += message.length
  const close = await socket.closed
  return { close, attemptedBytes, serverGrowthBytes: residentBytes(pid) - before }
}

/** A flood the server stopped: far less than 256 MiB got out, and the server did not keep it. */
export const STOPPED_FLOOD = { attemptedBytesBelow: 64 * MiB, serverGrowthBelow: 48 * MiB }

export interface RawSocket {
  socket: WebSocket
  /** Resolves with the close code and reason once the socket is closed. */
  closed: Promise<{ code: number; reason: string }>
  /** Messages received so far. */
  received: Uint8Array[]
  /** Sends `message` and resolves once it is handed to the network, or false if the socket closed first. */
  send(message: Uint8Array): Promise<boolean>
}

/** Opens a socket from `from` (a loopback address) and resolves once it is open, or with the refusal status. */
export function openRawSocket(url: string, from = '127.0.0.1'): Promise<RawSocket | number> {
  const socket = new WebSocket(url, { localAddress: from })
  const received: Uint8Array[] = []
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  socket.on('error', () => undefined)
  const closed = new Promise<{ code: number; reason: string }>((done) =>
    socket.once('close', (code, reason) => done({ code, reason: reason.toString() })),
  )
  const send = (message: Uint8Array) =>
    new Promise<boolean>((done) => {
      if (socket.readyState !== socket.OPEN) return done(false)
      socket.send(message, (error) => done(!error))
    })
  return new Promise((done) => {
    socket.once('open', () => done({ socket, closed, received, send }))
    socket.once('unexpected-response', (_request, response) => {
      done(response.statusCode ?? 0)
      socket.terminate()
    })
  })
}
