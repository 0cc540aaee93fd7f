const STORAGE_KEY = 'workfolio:participant'

/**
 * This device's stable participant id in reviews: a random id kept in localStorage, never a
 * person's name. Names appear only in live presence, which is never stored.
 */
export function participantId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage()): string {
  const stored = storage?.getItem(STORAGE_KEY)
  if (stored && /^p-[a-z0-9]{6,32}$/.test(stored)) return stored
  const id = `p-${randomId()}`
  try {
    storage?.setItem(STORAGE_KEY, id)
  } catch {
    // Storage full or blocked: this session still gets one id.
  }
  return id
}

export function randomId(): string {
  const bytes = new Uint8Array(8)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 12)
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}
