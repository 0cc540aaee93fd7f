/**
 * How this person appears to teammates: a name and a colour they pick. Kept on this device
 * only; it travels in Yjs awareness (ephemeral presence), never into a stored document.
 */
export interface Identity {
  name: string
  colour: string
}

export const PRESENCE_COLOURS = ['#2f5bd3', '#c2410c', '#15803d', '#9333ea', '#be123c', '#0e7490', '#a16207', '#4d7c0f']

const STORAGE_KEY = 'workfolio:identity'

export function loadIdentity(storage: Storage = localStorage): Identity {
  try {
    const stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Partial<Identity> | null
    if (stored && typeof stored.name === 'string' && stored.name.trim() && typeof stored.colour === 'string') {
      return { name: stored.name, colour: stored.colour }
    }
  } catch {
    // A corrupt entry falls back to a fresh identity below.
  }
  const identity = {
    name: `Guest ${Math.floor(1000 + Math.random() * 9000)}`,
    colour: PRESENCE_COLOURS[Math.floor(Math.random() * PRESENCE_COLOURS.length)],
  }
  saveIdentity(identity, storage)
  return identity
}

export function saveIdentity(identity: Identity, storage: Storage = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify({ name: identity.name.trim().slice(0, 40) || 'Guest', colour: identity.colour }))
}
