/**
 * A join code carries what a teammate needs to reach a team workspace, in one string to paste:
 * "wf1." + base64url of {u: server URL, t: token, w: workspace id}. It holds the token, so it
 * is shown and shared like a password. Encoded the same way by the desktop host, the team
 * server's launcher and the app.
 */
export interface JoinTarget {
  serverUrl: string
  token: string
  workspaceId: string
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

export function encodeJoinCode(target: JoinTarget): string {
  const json = JSON.stringify({ u: target.serverUrl, t: target.token, w: target.workspaceId })
  const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(json)))
  return 'wf1.' + base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function decodeJoinCode(code: string): JoinTarget | null {
  const match = /^wf1\.([A-Za-z0-9_-]+)$/.exec(code.trim())
  if (!match) return null
  try {
    const bytes = Uint8Array.from(atob(match[1].replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0))
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as { u?: unknown; t?: unknown; w?: unknown }
    if (typeof value.u !== 'string' || typeof value.t !== 'string' || typeof value.w !== 'string') return null
    if (!isValidServerUrl(value.u) || !isValidWorkspaceId(value.w)) return null
    return { serverUrl: value.u, token: value.t, workspaceId: value.w }
  } catch {
    return null
  }
}
