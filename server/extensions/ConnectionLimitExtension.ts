import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Extension, onAuthenticatePayload, onListenPayload, onUpgradePayload } from '@hocuspocus/server'
import type { WebSocket } from 'ws'
import { clientAddress } from './clientAddress'
import { closeForPolicy } from './closeForPolicy'

export interface ConnectionLimits {
  /** Open sockets in all (one socket carries both documents of a workspace). */
  maxConnections: number
  /** Open sockets from one remote address (one IPv6 /64, see clientAddress). */
  maxConnectionsPerAddress: number
  /** A socket none of whose tokens was accepted this long after it opened is closed. */
  authenticationTimeoutMs: number
  /** Bytes on the wire a socket may send before one of its tokens is accepted. */
  maxUnauthenticatedBytes: number
  /** Messages a socket may send before one of its tokens is accepted. */
  maxUnauthenticatedMessages: number
}

/** One open socket, from its upgrade until it closes. */
interface Admission {
  address: string
  raw: Duplex
  socket?: WebSocket
  authenticated: boolean
  bytes: number
  messages: number
  timer: NodeJS.Timeout
  /** Removes the listeners that count what the socket sends before it authenticates. */
  stopCounting(): void
}

/**
 * Who gets a socket, and for how long without a token:
 * - an address may hold `maxConnectionsPerAddress` sockets (HTTP 429 beyond);
 * - when all `maxConnections` slots are taken, a new socket takes the slot of the oldest socket
 *   that has not authenticated, so idle sockets never lock out a client with a token; only when
 *   every socket is authenticated does the upgrade get HTTP 503;
 * - until one of its tokens is accepted, a socket may send only a small budget of bytes and
 *   messages, and must authenticate within `authenticationTimeoutMs`; past either it is closed.
 *
 * Runs after AuthenticationExtension: its onAuthenticate is reached only for accepted tokens.
 */
export class ConnectionLimitExtension implements Extension {
  extensionName = 'ConnectionLimit'

  // Insertion order is opening order: the first unauthenticated entry is the oldest.
  private readonly admissions = new Map<IncomingMessage, Admission>()
  private readonly perAddress = new Map<string, number>()

  constructor(private readonly limits: ConnectionLimits) {}

  onUpgrade({ request, socket, head }: onUpgradePayload): Promise<void> {
    const raw = socket as Duplex
    const address = clientAddress(request)
    if ((this.perAddress.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress) return refuse(raw, '429 Too Many Requests')
    if (this.admissions.size >= this.limits.maxConnections && !this.displaceOldestUnauthenticated()) {
      return refuse(raw, '503 Service Unavailable')
    }
    const admission: Admission = {
      address,
      raw,
      authenticated: false,
      bytes: (head as Buffer).length,
      messages: 0,
      timer: setTimeout(() => this.expire(admission), this.limits.authenticationTimeoutMs),
      stopCounting: () => undefined,
    }
    this.admissions.set(request, admission)
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1)
    raw.once('close', () => this.release(request))
    return Promise.resolve()
  }

  async onListen({ instance }: onListenPayload): Promise<void> {
    instance.server?.webSocketServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
      const admission = this.admissions.get(request)
      if (!admission) return
      admission.socket = socket
      // Counted on the wire, so a single huge frame is cut off while it streams in.
      const countBytes = (chunk: Buffer) => {
        admission.bytes += chunk.length
        if (admission.bytes > this.limits.maxUnauthenticatedBytes) closeForPolicy(socket, 'too much data before authentication')
      }
      const countMessage = () => {
        admission.messages += 1
        if (admission.messages > this.limits.maxUnauthenticatedMessages) closeForPolicy(socket, 'too many messages before authentication')
      }
      admission.raw.on('data', countBytes)
      socket.on('message', countMessage)
      admission.stopCounting = () => {
        admission.raw.off('data', countBytes)
        socket.off('message', countMessage)
      }
    })
  }

  async onAuthenticate({ request }: onAuthenticatePayload): Promise<void> {
    const admission = this.admissions.get(request)
    if (!admission) return
    admission.authenticated = true
    clearTimeout(admission.timer)
    admission.stopCounting()
  }

  private expire(admission: Admission): void {
    if (admission.authenticated) return
    if (admission.socket) closeForPolicy(admission.socket, 'authentication timeout')
    else admission.raw.destroy()
  }

  /** Frees the slot of the oldest open socket without an accepted token; false when there is none. */
  private displaceOldestUnauthenticated(): boolean {
    for (const [request, admission] of this.admissions) {
      if (admission.authenticated || !admission.socket) continue
      closeForPolicy(admission.socket, 'server full: slot given to a newer connection')
      this.release(request)
      return true
    }
    return false
  }

  private release(request: IncomingMessage): void {
    const admission = this.admissions.get(request)
    if (!admission) return
    clearTimeout(admission.timer)
    this.admissions.delete(request)
    const count = (this.perAddress.get(admission.address) ?? 1) - 1
    if (count > 0) this.perAddress.set(admission.address, count)
    else this.perAddress.delete(admission.address)
  }
}

function refuse(raw: Duplex, status: string): Promise<void> {
  raw.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  // Hocuspocus stops handling the upgrade quietly only when a hook rejects with no error
  // (Server.setupHttpUpgrade); an Error here would become an unhandled rejection.
  return Promise.reject()
}
