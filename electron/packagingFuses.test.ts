import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const config = JSON.parse(readFileSync(resolve(root, 'electron-builder.json'), 'utf8'))
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'))

describe('packaging configuration (electron-builder.json)', () => {
  it('flips the Electron fuses that close the packaged app to code injection', () => {
    expect(config.electronFuses).toEqual({
      // ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node interpreter.
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('packs the app into an ASAR archive, which the integrity fuses check', () => {
    expect(config.asar).toBe(true)
  })

  it('packages what `npm run build` produces, entry point included', () => {
    expect(manifest.main).toBe('out/main/index.js')
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']))
    expect(manifest.scripts.package).toBe('electron-vite build && electron-builder --config electron-builder.json')
  })
})
