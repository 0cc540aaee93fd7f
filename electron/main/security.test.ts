import { describe, expect, test, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, lockDownSession, lockDownWebContents } from './security'

vi.mock('electron', () => ({}))

describe('window security', () => {
  test('navigation stays inside the app', () => {
    expect(isAllowedNavigation('app://workfolio/index.html#/runs', ['app://workfolio'])).toBe(true)
    expect(isAllowedNavigation('https://example.com/', ['app://workfolio'])).toBe(false)
    expect(isAllowedNavigation('app://workfolio.evil.com/', ['app://workfolio'])).toBe(false)
    expect(isAllowedNavigation('garbage', ['app://workfolio'])).toBe(false)
  })

  test('navigation away, redirects, webviews and new windows are blocked', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>()
    let openHandler: (() => { action: string }) | undefined
    const contents = {
      on: (name: string, listener: never) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: () => { action: string }) => (openHandler = handler),
    }
    lockDownWebContents(contents as never, ['app://workfolio'])
    const prevented = (name: string, url?: string) => {
      const event = { preventDefault: vi.fn() }
      listeners.get(name)!(event, url)
      return event.preventDefault.mock.calls.length > 0
    }
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true)
    expect(prevented('will-navigate', 'app://workfolio/index.html')).toBe(false)
    expect(prevented('will-redirect', 'http://127.0.0.1:9/')).toBe(true)
    expect(prevented('will-attach-webview')).toBe(true)
    expect(openHandler!()).toEqual({ action: 'deny' })
  })

  test('every permission request is denied and pages get the strict CSP', () => {
    let requestHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined
    let checkHandler: (() => boolean) | undefined
    let headersHandler: ((details: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined
    lockDownSession({
      setPermissionRequestHandler: (h: never) => (requestHandler = h),
      setPermissionCheckHandler: (h: never) => (checkHandler = h),
      webRequest: { onHeadersReceived: (h: never) => (headersHandler = h) },
    } as never)
    const granted = vi.fn()
    requestHandler!(null, 'media', granted)
    expect(granted).toHaveBeenCalledWith(false)
    expect(checkHandler!()).toBe(false)
    const respond = vi.fn()
    headersHandler!({ responseHeaders: {} }, respond)
    expect(respond.mock.calls[0][0].responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
  })
})
