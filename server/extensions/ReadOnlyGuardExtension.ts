import { IncomingMessage, MessageType } from '@hocuspocus/server'
import type { beforeHandleMessagePayload, Connection, Document, Extension } from '@hocuspocus/server'

/**
 * Thrown from a hook, it makes Hocuspocus close the document's connection and send the
 * provider `reason`; 4403 is Hocuspocus's own "Forbidden" code.
 */
class ReadOnlyViolation extends Error {
  readonly code = 4403
  readonly reason = 'read-only'
}

/**
 * Hocuspocus's read-only mode drops document updates only. A read-only connection may also
 * send neither stateless messages (which Hocuspocus relays to every other connection) nor any
 * presence but its own: one awareness client id, not held by anyone else when first announced.
 * Entries that would change nothing (a provider echoing the states it received) pass. Breaking
 * either rule closes the connection. Runs after MessageGuardExtension, so messages are well formed.
 */
export class ReadOnlyGuardExtension implements Extension {
  extensionName = 'ReadOnlyGuard'

  async beforeHandleMessage({ connection, document, update }: beforeHandleMessagePayload): Promise<void> {
    if (!connection.readOnly) return
    const message = new IncomingMessage(update)
    message.readVarString()
    const type = message.readVarUint()
    if (type === MessageType.Stateless || type === MessageType.BroadcastStateless) {
      throw new ReadOnlyViolation('a read-only connection sent a stateless message')
    }
    if (type === MessageType.Awareness) {
      const client = foreignPresence(document, connection, message.readVarUint8Array())
      if (client !== null) throw new ReadOnlyViolation(`a read-only connection set the presence of client ${client}`)
    }
  }
}

/** The first client id in an awareness update that is not the connection's own presence, or null. */
function foreignPresence(document: Document, connection: Connection, update: Uint8Array): number | null {
  const own = document.getClients(connection.webSocket)
  const heldByOthers = (client: number) =>
    document.getConnections().some((other) => other !== connection && document.getClients(other.webSocket).has(client))
  const entries = new IncomingMessage(update)
  let claims = own.size
  for (let count = entries.readVarUint(); count > 0; count--) {
    const client = entries.readVarUint()
    const clock = entries.readVarUint()
    const state: unknown = JSON.parse(entries.readVarString())
    if (own.has(client) || !wouldChange(document, client, clock, state)) continue
    if (claims === 0 && state !== null && !document.awareness.states.has(client) && !heldByOthers(client)) {
      claims += 1
      continue
    }
    return client
  }
  return null
}

/** The rule y-protocols' applyAwarenessUpdate applies an entry by. */
function wouldChange(document: Document, client: number, clock: number, state: unknown): boolean {
  const current = document.awareness.meta.get(client)?.clock ?? 0
  return current < clock || (current === clock && state === null && document.awareness.states.has(client))
}
