import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Server } from '@hocuspocus/server'
import type { Extension } from '@hocuspocus/server'
import { AuthenticationExtension } from './extensions/AuthenticationExtension'
import { ConnectionLimitExtension, type ConnectionLimits } from './extensions/ConnectionLimitExtension'
import { MessageGuardExtension } from './extensions/MessageGuardExtension'
import { QueuedBytesLimitExtension } from './extensions/QueuedBytesLimitExtension'
import { ReadOnlyGuardExtension } from './extensions/ReadOnlyGuardExtension'
import { RedisScalingExtension } from './extensions/RedisScalingExtension'
import { SqlitePersistenceExtension } from './extensions/SqlitePersistenceExtension'
import type { RedisTarget } from './redisTarget'
import type { TokenTable } from './tokens'

export const DEFAULT_MAX_CONNECTIONS = 200
/** A review meeting's colleagues come from their own addresses; behind a proxy, raise it. */
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 32
/** A provider sends its token as soon as its socket opens. */
export const DEFAULT_AUTHENTICATION_TIMEOUT_MS = 5000
/**
 * Before a token is accepted a provider sends, per document, its token, a state vector, its
 * presence and any edit made meanwhile: a few hundred bytes, rarely more than a few KiB.
 */
export const MAX_UNAUTHENTICATED_BYTES = 64 * 1024
export const MAX_UNAUTHENTICATED_MESSAGES = 32
/**
 * Bytes a socket may have waiting for a document that is not open on it yet (token being
 * checked, document loading, token refused). A provider's large sync goes out only after the
 * document is open, so this holds only edits made in that moment.
 */
export const DEFAULT_MAX_QUEUED_BYTES = 16 * 1024 * 1024
/**
 * A client that imported a large ledger offline sends it whole in its first sync message;
 * 100,000 runs are about 64 MB. Larger messages close the connection (WebSocket code 1009).
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 128 * 1024 * 1024
/**
 * Hocuspocus stores a document `debounce` ms after its last change, and at the latest when a
 * change arrives `maxDebounce` ms after the first unstored one; the sum bounds what a crash can
 * lose to one second of edits (clients still hold those edits and resend them on reconnect).
 */
const STORE_DEBOUNCE_MS = 250
const STORE_MAX_DEBOUNCE_MS = 750
export const DATABASE_FILE_NAME = 'workfolio-sync.sqlite'

export interface SyncServerOptions {
  /** 0 picks a free port. */
  port: number
  /** Interface to listen on: "127.0.0.1" for this machine only, "0.0.0.0" for the network. */
  host: string
  /** Directory of the SQLite database; created if missing. Processes that scale out share it. */
  dataDir: string
  tokens: TokenTable
  /** Set when several processes serve the same workspaces (see server/README.md). */
  redis?: RedisTarget
  maxConnections?: number
  maxConnectionsPerAddress?: number
  authenticationTimeoutMs?: number
  maxMessageBytes?: number
  maxQueuedBytes?: number
}

export interface RunningSyncServer {
  /** ws://host:port as clients on this machine reach it. */
  url: string
  port: number
  /** Stores every open document, closes every connection, then the database and Redis. */
  close(): Promise<void>
}

export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  mkdirSync(options.dataDir, { recursive: true })
  // Redis first: it is the step that can fail, and then nothing else is left open.
  const redis = options.redis ? [await RedisScalingExtension.connect(options.redis)] : []
  const limits: ConnectionLimits = {
    maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    maxConnectionsPerAddress: options.maxConnectionsPerAddress ?? DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
    authenticationTimeoutMs: options.authenticationTimeoutMs ?? DEFAULT_AUTHENTICATION_TIMEOUT_MS,
    maxUnauthenticatedBytes: MAX_UNAUTHENTICATED_BYTES,
    maxUnauthenticatedMessages: MAX_UNAUTHENTICATED_MESSAGES,
  }
  // Hooks run in this order and stop at the first that throws: the message guards see a message
  // before it reaches a document, and ConnectionLimit's onAuthenticate runs only for accepted tokens.
  const extensions: Extension[] = [
    new MessageGuardExtension(),
    new QueuedBytesLimitExtension(options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES),
    new AuthenticationExtension(options.tokens),
    new ConnectionLimitExtension(limits),
    new ReadOnlyGuardExtension(),
    new SqlitePersistenceExtension(join(options.dataDir, DATABASE_FILE_NAME)),
    ...redis,
  ]

  const server = new Server(
    {
      port: options.port,
      address: options.host,
      quiet: true,
      // The embedding app (or server/main.ts) decides what a signal means.
      stopOnSignals: false,
      debounce: STORE_DEBOUNCE_MS,
      maxDebounce: STORE_MAX_DEBOUNCE_MS,
      extensions,
    },
    // ws enforces the limit while reading the frame header, before buffering the payload.
    { maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES },
  )
  try {
    // Hocuspocus leaves listen errors (EADDRINUSE, EACCES) unhandled, which would crash the process.
    await new Promise((resolve, reject) => {
      server.httpServer.once('error', reject)
      server.listen().then(resolve, reject)
    })
  } catch (error) {
    await server.destroy()
    throw new Error(`cannot listen on ${urlHost(options.host)}:${options.port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  const port = server.address.port
  return {
    url: `ws://${urlHost(options.host)}:${port}`,
    port,
    close: async () => {
      await server.destroy()
      // Hocuspocus has stored and closed every document, but ws keeps client sockets open
      // after its server closes; "going away" makes providers retry elsewhere or later.
      for (const socket of server.webSocketServer.clients) socket.close(1001, 'server stopping')
    },
  }
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}
