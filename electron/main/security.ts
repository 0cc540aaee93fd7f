import type { Session, WebContents } from 'electron'

export const APP_PROTOCOL = 'app'
export const APP_HOST = 'workfolio'
export const APP_ORIGIN = `${APP_PROTOCOL}://${APP_HOST}`

/**
 * The Content-Security-Policy of every app page: only the app's own scripts, no eval, no
 * plugins, no framing; network only to WebSocket sync servers the person chose.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * The origin of a URL as "scheme://host[:port]". Node's URL reports "null" as the origin of
 * custom schemes such as app://, so the main process cannot use `.origin` for them.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null
  } catch {
    return null
  }
}

/** Navigation is allowed only within the app itself. */
export function isAllowedNavigation(url: string, appOrigins: readonly string[]): boolean {
  const origin = originOf(url)
  return origin !== null && appOrigins.includes(origin)
}

/** Blocks navigation away from the app, new windows and webviews. */
export function lockDownWebContents(contents: WebContents, appOrigins: readonly string[]): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appOrigins)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appOrigins)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** Denies every permission request (camera, notifications, geolocation, …) and adds the CSP header. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}
