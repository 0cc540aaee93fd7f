import type { Awareness } from 'y-protocols/awareness'
import type { Identity } from './identity'

/** Where a person is in the app: the view, and the review stage when they are in a review. */
export interface PresenceLocation {
  view: string
  reviewStage?: string
  /** The portfolio whose definition form this person has open (its name). */
  editing?: string
}

export interface Peer extends Identity {
  clientId: number
  location: PresenceLocation | null
  isSelf: boolean
}

/** Publishes who this person is and where they are; nothing else goes into awareness. */
export function publishPresence(awareness: Awareness, identity: Identity, location: PresenceLocation): void {
  awareness.setLocalStateField('user', { name: identity.name, colour: identity.colour })
  awareness.setLocalStateField('location', location)
}

/** A peer's free text, bounded; anything else is dropped. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, 80) : undefined
}

/** Everyone in the workspace right now, this person first; malformed states from others are ignored. */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: Partial<Identity> }).user
    if (!user || typeof user.name !== 'string') continue
    const location = (state as { location?: PresenceLocation }).location
    peers.push({
      clientId,
      name: user.name.slice(0, 40),
      colour: typeof user.colour === 'string' && /^#[0-9a-f]{6}$/i.test(user.colour) ? user.colour : '#5b6474',
      location: location && typeof location.view === 'string' ? { view: location.view, reviewStage: text(location.reviewStage), editing: text(location.editing) } : null,
      isSelf: clientId === awareness.clientID,
    })
  }
  return peers.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
}
