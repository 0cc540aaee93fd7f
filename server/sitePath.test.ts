import { sep } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sitePath } from './sitePath'

const ROOT = '/srv/out/web'

describe('sitePath', () => {
  it('names files inside the folder, index.html for "/"', () => {
    expect(sitePath(ROOT, '/')).toEqual({ path: '/srv/out/web/index.html' })
    expect(sitePath(ROOT, '/assets/index-D0KR.js')).toEqual({ path: '/srv/out/web/assets/index-D0KR.js' })
    expect(sitePath(ROOT, '/a%20b.png')).toEqual({ path: '/srv/out/web/a b.png' })
  })

  it('refuses bad escapes and NUL with 400, a way out of the folder with 403', () => {
    expect(sitePath(ROOT, '/%E0%A4%A')).toEqual({ refused: 400 })
    expect(sitePath(ROOT, '/index.html%00.png')).toEqual({ refused: 400 })
    expect(sitePath(ROOT, '/..%2f..%2fetc%2fpasswd')).toEqual({ refused: 403 })
    expect(sitePath(ROOT, '/..%2fweb-secrets/key')).toEqual({ refused: 403 })
  })

  it('never throws and never names a file outside the folder, whatever the pathname', () => {
    const pathname = fc
      .array(fc.oneof(fc.constantFrom('/', '..', '%2e', '%2f', '%5c', '%', '%00', '%E0%A4%A', '\\', '.'), fc.string({ maxLength: 5 })), { maxLength: 12 })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(pathname, (text) => {
        const resolved = sitePath(ROOT, text)
        if ('path' in resolved) expect(resolved.path.startsWith(ROOT + sep)).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })
})
