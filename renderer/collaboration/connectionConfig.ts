/** Which workspace this device opens, and the team server it syncs with (if any). */
export interface ConnectionConfig {
  workspaceId: string
  /** ws:// or wss:// address of the team server; null works locally only. */
  serverUrl: string | null
  token: string | null
}

export const LOCAL_WORKSPACE_ID = 'local'
const STORAGE_KEY = 'workfolio:connection'

export function loadConnectionConfig(storage: Storage = localStorage): ConnectionConfig {
  try {
    const stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Partial<ConnectionConfig> | null
    if (stored && typeof stored.workspaceId === 'string' && isValidWorkspaceId(stored.workspaceId)) {
      return {
        workspaceId: stored.workspaceId,
        serverUrl: typeof stored.serverUrl === 'string' ? stored.serverUrl : null,
        token: typeof stored.token === 'string' ? stored.token : null,
      }
    }
  } catch {
    // Fall through to the local workspace.
  }
  return { workspaceId: LOCAL_WORKSPACE_ID, serverUrl: null, token: null }
}

export function saveConnectionConfig(config: ConnectionConfig, storage: Storage = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(config))
}

export function isValidWorkspaceId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id)
}

export function isValidServerUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'ws:' || parsed.protocol === 'wss:') && !!parsed.host
  } catch {
    return false
  }
}

/**
 * A join code carries everything a teammate needs in one string to paste:
 * "wf1.<base64url of {u, t, w}>". It contains the token, so share it like a password.
 */
export function encodeJoinCode(config: { serverUrl: string; token: string; workspaceId: string }): string {
  const json = JSON.stringify({ u: config.serverUrl, t: config.token, w: config.workspaceId })
  return 'wf1.' + btoa(String.fromCharCode(...new TextEncoder().encode(json))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function decodeJoinCode(code: string): ConnectionConfig | null {
  const match = /^wf1\.([A-Za-z0-9_-]+)$/.exec(code.trim())
  if (!match) return null
  try {
    const base64 = match[1].replace(/-/g, '+').replace(/_/g, '/')
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as { u?: unknown; t?: unknown; w?: unknown }
    if (typeof value.u !== 'string' || typeof value.t !== 'string' || typeof value.w !== 'string') return null
    if (!isValidServerUrl(value.u) || !isValidWorkspaceId(value.w)) return null
    return { serverUrl: value.u, token: value.t, workspaceId: value.w }
  } catch {
    return null
  }
}
