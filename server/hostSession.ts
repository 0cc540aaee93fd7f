import { randomBytes } from 'node:crypto'
import { networkInterfaces } from 'node:os'
import { encodeJoinCode } from '../shared/sync/joinCode'
import type { TokenGrant, TokenTable } from './tokens'

/**
 * "Host a session on this network": a token that exists only for this run of the embedded
 * server, and the join codes teammates paste to reach it.
 */
export interface HostSession {
  workspaceId: string
  token: string
  /** Pass to startSyncServer; the host's own app connects with `token` too. */
  tokens: TokenTable
  /** The join code for one address of the server (see `lanServerUrls`). */
  joinCodeFor(serverUrl: string): string
}

export function createHostSession(workspaceId: string, access: TokenGrant['access'] = 'rw'): HostSession {
  const token = randomBytes(32).toString('base64url')
  return {
    workspaceId,
    token,
    tokens: { [token]: { workspace: workspaceId, access } },
    joinCodeFor: (serverUrl) => encodeJoinCode({ serverUrl, token, workspaceId }),
  }
}

/** ws:// addresses of this machine that teammates on the local network can reach. */
export function lanServerUrls(port: number): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address !== undefined && address.family === 'IPv4' && !address.internal)
    .map((address) => `ws://${address!.address}:${port}`)
}
