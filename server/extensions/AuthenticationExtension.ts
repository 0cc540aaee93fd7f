import { createHash } from 'node:crypto'
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server'
import type { TokenGrant, TokenTable } from '../tokens'
import { AuthenticationBackoff } from './authenticationBackoff'
import { clientAddress } from './clientAddress'

/** The documents of a workspace: its governance document and its ledger (shared/workspace/ledger.ts). */
export function workspaceDocumentNames(workspaceId: string): string[] {
  return [workspaceId, `${workspaceId}/ledger`]
}

/** What the connection's hooks see as `context` once a token is accepted. */
export interface GrantContext {
  workspace: string
  access: TokenGrant['access']
}

/**
 * Every document connection presents a token; the token must grant the workspace the
 * document belongs to. Read-only grants make the connection read-only, so Hocuspocus
 * drops (and reports unsynced) every update it sends. Checks from one address wait their
 * turn and slow down after failures (AuthenticationBackoff).
 */
export class AuthenticationExtension implements Extension {
  extensionName = 'Authentication'

  // Keyed by a digest of the token: the table in memory holds nothing a heap dump could replay.
  private readonly grants = new Map<string, TokenGrant>()

  constructor(
    tokens: TokenTable,
    private readonly backoff = new AuthenticationBackoff(),
  ) {
    for (const [token, grant] of Object.entries(tokens)) this.grants.set(digest(token), grant)
  }

  async onAuthenticate({ token, documentName, connectionConfig, request }: onAuthenticatePayload): Promise<GrantContext> {
    const socket = request.socket
    const grant = await this.backoff.attempt(clientAddress(request), () => socket.destroyed, () => {
      const found = token ? this.grants.get(digest(token)) : undefined
      // The message is logged by Hocuspocus; it must never contain the token.
      if (!found) throw new Error(`refused ${documentName}: unknown token`)
      if (!workspaceDocumentNames(found.workspace).includes(documentName)) {
        throw new Error(`refused ${documentName}: token is for another workspace`)
      }
      return found
    })
    connectionConfig.readOnly = grant.access === 'ro'
    return { workspace: grant.workspace, access: grant.access }
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
