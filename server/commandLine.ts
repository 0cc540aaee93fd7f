import { parseArgs } from 'node:util'
import { parseRedisUrl } from './redisTarget'
import {
  DEFAULT_AUTHENTICATION_TIMEOUT_MS,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_MAX_QUEUED_BYTES,
  type SyncServerOptions,
} from './syncServer'
import { readTokenFile } from './tokens'

export const USAGE = `usage: npm run server -- --tokens FILE [options]

  --tokens FILE              token table (or set WORKFOLIO_TOKENS=FILE):
                             { "<token>": { "workspace": "<id>", "access": "rw" | "ro" } }
  --port N                   port to listen on (default 1234; 0 picks a free port)
  --host ADDRESS             interface to listen on (default 127.0.0.1; 0.0.0.0 for the network)
  --data DIR                 where documents are stored (default ./data)
  --redis URL                redis://host:port shared by several server processes
  --max-connections N        open connections allowed (default ${DEFAULT_MAX_CONNECTIONS})
  --max-connections-per-address N
                             open connections from one address (default ${DEFAULT_MAX_CONNECTIONS_PER_ADDRESS})
  --authentication-timeout-ms N
                             a connection must present a valid token within this (default ${DEFAULT_AUTHENTICATION_TIMEOUT_MS})
  --max-message-bytes N      largest message accepted (default ${DEFAULT_MAX_MESSAGE_BYTES})
  --max-queued-bytes N       bytes a connection may have waiting for documents not open yet (default ${DEFAULT_MAX_QUEUED_BYTES})
  --help                     show this help`

/** A mistake in the flags: the message, then the usage text. An empty message means --help. */
export class UsageError extends Error {}

/** Options for startSyncServer from the command line and environment; reads the token file. */
export function parseCommandLine(args: string[], env: NodeJS.ProcessEnv): SyncServerOptions {
  let values
  try {
    values = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        tokens: { type: 'string' },
        port: { type: 'string', default: '1234' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string', default: './data' },
        redis: { type: 'string' },
        'max-connections': { type: 'string', default: String(DEFAULT_MAX_CONNECTIONS) },
        'max-connections-per-address': { type: 'string', default: String(DEFAULT_MAX_CONNECTIONS_PER_ADDRESS) },
        'authentication-timeout-ms': { type: 'string', default: String(DEFAULT_AUTHENTICATION_TIMEOUT_MS) },
        'max-message-bytes': { type: 'string', default: String(DEFAULT_MAX_MESSAGE_BYTES) },
        'max-queued-bytes': { type: 'string', default: String(DEFAULT_MAX_QUEUED_BYTES) },
        help: { type: 'boolean', default: false },
      },
    }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (values.help) throw new UsageError('')
  const tokensFile = values.tokens ?? env.WORKFOLIO_TOKENS
  if (!tokensFile) throw new UsageError('missing --tokens FILE (or WORKFOLIO_TOKENS=FILE)')
  let redis
  try {
    redis = values.redis === undefined ? undefined : parseRedisUrl(values.redis)
  } catch (error) {
    throw new UsageError(`--redis: ${(error as Error).message}`)
  }
  return {
    port: integerFlag('--port', values.port, 0, 65535),
    host: values.host,
    dataDir: values.data,
    tokens: readTokenFile(tokensFile),
    redis,
    maxConnections: integerFlag('--max-connections', values['max-connections'], 1, 1_000_000),
    maxConnectionsPerAddress: integerFlag('--max-connections-per-address', values['max-connections-per-address'], 1, 1_000_000),
    authenticationTimeoutMs: integerFlag('--authentication-timeout-ms', values['authentication-timeout-ms'], 100, 600_000),
    maxMessageBytes: integerFlag('--max-message-bytes', values['max-message-bytes'], 1024, 2 ** 31 - 1),
    maxQueuedBytes: integerFlag('--max-queued-bytes', values['max-queued-bytes'], 1024, 2 ** 31 - 1),
  }
}

function integerFlag(name: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`)
  }
  return value
}
