import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, test, vi } from 'vitest'
import { IPC } from '../../ipcChannels'
import { OpenFileRegistry } from './openFileRegistry'
import { registerIpc } from './registerIpc'

// The real electron package cannot load under Node; nothing here may need it.
vi.mock('electron', () => ({}))

type Listener = (event: unknown, payload?: unknown) => unknown

const APP = 'app://workfolio'
const trustedEvent = { senderFrame: { url: `${APP}/index.html`, parent: null } }

function setup() {
  const handlers = new Map<string, Listener>()
  const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() }
  const files = new OpenFileRegistry()
  registerIpc({
    ipcMain: { handle: (channel, listener) => handlers.set(channel, listener as Listener) },
    dialog: dialog as never,
    window: () => null,
    files,
    trustedOrigins: [APP],
    appInfo: () => ({ name: 'Workfolio', version: '0.1.0', platform: 'linux', electron: '45.5.0' }),
  })
  const invoke = (channel: string, event: unknown, payload?: unknown) => Promise.resolve().then(() => handlers.get(channel)!(event, payload))
  return { handlers, dialog, invoke }
}

describe('main-process IPC', () => {
  let ctx: ReturnType<typeof setup>
  beforeEach(() => {
    ctx = setup()
  })

  test('every channel has a handler', () => {
    expect([...ctx.handlers.keys()].sort()).toEqual([IPC.appInfo, IPC.closeFile, IPC.openFiles, IPC.readFileChunk, IPC.saveFile].sort())
  })

  test('a message from an unexpected sender is refused before the handler runs', async () => {
    for (const event of [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: `${APP}/index.html`, parent: { url: APP } } },
      { senderFrame: null },
      { senderFrame: { url: 'not a url', parent: null } },
    ]) {
      await expect(ctx.invoke(IPC.openFiles, event, {})).rejects.toThrow(/untrusted sender/)
    }
    expect(ctx.dialog.showOpenDialog).not.toHaveBeenCalled()
  })

  test('a message with a bad shape is refused', async () => {
    await expect(ctx.invoke(IPC.openFiles, trustedEvent, { extensions: ['../../etc'] })).rejects.toThrow(/malformed/)
    await expect(ctx.invoke(IPC.readFileChunk, trustedEvent, { handle: 42 })).rejects.toThrow(/malformed/)
    await expect(ctx.invoke(IPC.saveFile, trustedEvent, { suggestedName: '../../.bashrc', data: 'x' })).rejects.toThrow(/malformed/)
    await expect(ctx.invoke(IPC.appInfo, trustedEvent, { extra: true })).rejects.toThrow(/malformed/)
    expect(ctx.dialog.showOpenDialog).not.toHaveBeenCalled()
    expect(ctx.dialog.showSaveDialog).not.toHaveBeenCalled()
  })

  test('a valid request from the app is served: a picked file streams back in chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-ipc-'))
    const path = join(dir, 'cost.csv')
    writeFileSync(path, 'a'.repeat((1 << 20) + 10))
    ctx.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] })

    const [file] = (await ctx.invoke(IPC.openFiles, trustedEvent, { extensions: ['csv'] })) as { handle: string; name: string; size: number }[]
    expect(file).toMatchObject({ name: 'cost.csv', size: (1 << 20) + 10 })
    const sizes: number[] = []
    for (;;) {
      const chunk = (await ctx.invoke(IPC.readFileChunk, trustedEvent, { handle: file.handle })) as Uint8Array | null
      if (!chunk) break
      sizes.push(chunk.length)
    }
    expect(sizes).toEqual([1 << 20, 10])
    await expect(ctx.invoke(IPC.readFileChunk, trustedEvent, { handle: file.handle })).rejects.toThrow(/closed/)
    expect(await ctx.invoke(IPC.appInfo, trustedEvent)).toMatchObject({ name: 'Workfolio' })
  })
})
