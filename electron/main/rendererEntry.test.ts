import { describe, expect, it } from 'vitest'
import { rendererEntry } from './rendererEntry'

describe('rendererEntry', () => {
  it('loads the dev server named by ELECTRON_RENDERER_URL only when not packaged', () => {
    expect(rendererEntry('http://localhost:5173/', false)).toEqual({
      startUrl: 'http://localhost:5173/',
      origins: ['app://workfolio', 'http://localhost:5173'],
    })
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(rendererEntry('https://evil.example/', true)).toEqual({ startUrl: 'app://workfolio/index.html', origins: ['app://workfolio'] })
  })

  it('loads the bundled renderer when no dev server is named', () => {
    expect(rendererEntry(undefined, false)).toEqual({ startUrl: 'app://workfolio/index.html', origins: ['app://workfolio'] })
  })
})
