import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, test, vi } from 'vitest'
import { temporaryFolder } from '../../../test/support/tempDirs'
import { fixtureHome } from '../../../test/support/sqliteFixture'
import type { AgentLogRoot } from '../../../node/agentLogs/discover'
import { openCodeStore } from '../../../node/agentLogs/stores/opencode'
import { kiloStore } from '../../../node/agentLogs/stores/kilo'
import { importAgentLogs } from '../../../shared/importers/logs/importAgentLogs'
import { sqliteStoreHeader } from '../../../shared/importers/logs/sessionLogFormat'
import { IPC } from '../../ipcChannels'
import { IPC_CONTRACT } from './contract'
import { OpenFileRegistry } from './openFileRegistry'
import { registerIpc } from './registerIpc'

// The real electron package cannot load under Node; nothing here may need it.
vi.mock('electron', () => ({}))

type Listener = (event: unknown, payload?: unknown) => unknown

const APP = 'app://workfolio'
const trustedEvent = { senderFrame: { url: `${APP}/index.html`, parent: null } }

function setup(agentLogRoots?: () => AgentLogRoot[]) {
  const handlers = new Map<string, Listener>()
  const hostSession = vi.fn(async (workspaceId: string) => ({ workspaceId, token: 't', localServerUrl: 'ws://127.0.0.1:1234', addresses: [] }))
  const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() }
  const printToPdf = vi.fn(async () => new TextEncoder().encode('%PDF-1.7 report'))
  const files = new OpenFileRegistry()
  registerIpc({
    ipcMain: { handle: (channel, listener) => handlers.set(channel, listener as Listener) },
    dialog: dialog as never,
    window: () => null,
    files,
    trustedOrigins: [APP],
    appInfo: () => ({ name: 'Workfolio', version: '0.1.0', platform: 'linux', electron: '45.5.0' }),
    hostSession,
    printToPdf,
    agentLogRoots,
  })
  const invoke = (channel: string, event: unknown, payload?: unknown) => Promise.resolve().then(() => handlers.get(channel)!(event, payload))
  return { handlers, dialog, invoke, hostSession, printToPdf }
}

describe('main-process IPC', () => {
  let ctx: ReturnType<typeof setup>
  beforeEach(() => {
    ctx = setup()
  })

  test('every channel has a handler', () => {
    expect([...ctx.handlers.keys()].sort()).toEqual(Object.keys(IPC_CONTRACT).sort())
    expect(ctx.handlers.has(IPC.scanAgentLogs) && ctx.handlers.has(IPC.reopenFile)).toBe(true)
  })

  test('a message from an unexpected sender is refused before the handler runs', async () => {
    for (const event of [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: `${APP}/index.html`, parent: { url: APP } } },
      { senderFrame: null },
      { senderFrame: { url: 'not a url', parent: null } },
    ]) {
      await expect(ctx.invoke(IPC.openFiles, event, {})).rejects.toThrow(/untrusted sender/)
      await expect(ctx.invoke(IPC.scanAgentLogs, event)).rejects.toThrow(/untrusted sender/)
      await expect(ctx.invoke(IPC.reopenFile, event, { handle: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/untrusted sender/)
    }
    expect(ctx.dialog.showOpenDialog).not.toHaveBeenCalled()
  })

  test('a message with a bad shape is refused', async () => {
    await expect(ctx.invoke(IPC.openFiles, trustedEvent, { extensions: ['../../etc'] })).rejects.toThrow(/malformed/)
    await expect(ctx.invoke(IPC.readFileChunk, trustedEvent, { handle: 42 })).rejects.toThrow(/malformed/)
    await expect(ctx.invoke(IPC.saveFile, trustedEvent, { suggestedName: '../../.bashrc', data: 'x' })).rejects.toThrow(/malformed/)
    await expect(ctx.invoke(IPC.appInfo, trustedEvent, { extra: true })).rejects.toThrow(/malformed/)
    await expect(ctx.invoke(IPC.scanAgentLogs, trustedEvent, { path: '/etc' })).rejects.toThrow(/malformed/)
    await expect(ctx.invoke(IPC.reopenFile, trustedEvent, { handle: '/etc/passwd' })).rejects.toThrow(/malformed/)
    await expect(ctx.invoke(IPC.reopenFile, trustedEvent, { handle: randomUUIDLike() })).rejects.toThrow(/unknown file handle/)
    expect(ctx.dialog.showOpenDialog).not.toHaveBeenCalled()
    expect(ctx.dialog.showSaveDialog).not.toHaveBeenCalled()
  })

  test('a valid request from the app is served: a picked file streams back in chunks', async () => {
    const dir = temporaryFolder('wf-ipc-')
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

  test('a file already read can be read again from the start through a fresh handle', async () => {
    const dir = temporaryFolder('wf-ipc-')
    const path = join(dir, 'cost.csv')
    writeFileSync(path, 'date,cost\n2026-01-01,1\n')
    ctx.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] })
    const [file] = (await ctx.invoke(IPC.openFiles, trustedEvent, {})) as { handle: string }[]
    await ctx.invoke(IPC.readFileChunk, trustedEvent, { handle: file.handle })
    await ctx.invoke(IPC.closeFile, trustedEvent, { handle: file.handle })
    const again = (await ctx.invoke(IPC.reopenFile, trustedEvent, { handle: file.handle })) as { handle: string; size: number }
    expect(again.handle).not.toBe(file.handle)
    const chunk = (await ctx.invoke(IPC.readFileChunk, trustedEvent, { handle: again.handle })) as Uint8Array
    expect(new TextDecoder().decode(chunk)).toBe('date,cost\n2026-01-01,1\n')
  })
})

describe('agent-log scan over IPC', () => {
  test('lists the default folders with counts and sizes, and streams each session file on demand', async () => {
    const home = temporaryFolder('wf-scan-')
    const claude = join(home, '.claude', 'projects')
    mkdirSync(join(claude, '-home-me-repo'), { recursive: true })
    writeFileSync(join(claude, '-home-me-repo', 'a1.jsonl'), '{"type":"user"}\n')
    writeFileSync(join(claude, '-home-me-repo', 'notes.txt'), 'not a log')
    const codex = join(home, '.codex', 'sessions')
    mkdirSync(join(codex, '2026', '11', '03'), { recursive: true })
    writeFileSync(join(codex, '2026', '11', '03', 'rollout-1.jsonl'), '{"type":"session_meta"}\n{"type":"x"}\n')
    const roots = [
      { tool: 'claude-code' as const, path: claude },
      { tool: 'codex' as const, path: codex },
      { tool: 'codex' as const, path: join(home, '.codex', 'archived_sessions') },
    ]
    const ctx = setup(() => roots)
    const scan = (await ctx.invoke(IPC.scanAgentLogs, trustedEvent)) as {
      folders: { tool: string; path: string; exists: boolean; files: number; bytes: number; lastModified: string | null }[]
      files: { handle: string; relativePath: string; size: number }[]
    }
    expect(scan.folders.map(({ tool, exists, files }) => ({ tool, exists, files }))).toEqual([
      { tool: 'claude-code', exists: true, files: 1 },
      { tool: 'codex', exists: true, files: 1 },
      { tool: 'codex', exists: false, files: 0 },
    ])
    expect(scan.folders[1].bytes).toBe(37)
    expect(scan.folders[0].lastModified).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(scan.files.map((file) => file.relativePath)).toEqual(['projects/-home-me-repo/a1.jsonl', 'sessions/2026/11/03/rollout-1.jsonl'])
    const chunk = (await ctx.invoke(IPC.readFileChunk, trustedEvent, { handle: scan.files[0].handle })) as Uint8Array
    expect(new TextDecoder().decode(chunk)).toBe('{"type":"user"}\n')
    expect(await ctx.invoke(IPC.readFileChunk, trustedEvent, { handle: scan.files[0].handle })).toBeNull()
  })
})

describe('agent SQLite stores over IPC', () => {
  const FIXTURES = join(__dirname, '../../../test/fixtures/logs')
  type Opened = { handle: string; relativePath: string }

  /** A file read to its end through the IPC channel, as the renderer reads it. */
  function source(ctx: ReturnType<typeof setup>, file: Opened) {
    return {
      path: file.relativePath,
      async *chunks() {
        for (;;) {
          const chunk = (await ctx.invoke(IPC.readFileChunk, trustedEvent, { handle: file.handle })) as Uint8Array | null
          if (!chunk) return
          yield chunk
        }
      },
    }
  }

  test('"Scan this machine" serves OpenCode and Kilo stores as their row lines, which import as runs', async () => {
    const home = fixtureHome(join(FIXTURES, 'opencode'), { 'opencode.db.sql': '.local/share/opencode/opencode.db' })
    fixtureHomeInto(home, join(FIXTURES, 'kilo'), { 'kilo.db.sql': '.local/share/kilo/kilo.db' })
    const ctx = setup(() => [openCodeStore, kiloStore].flatMap((store) => store.locations({}, home).map((path) => ({ tool: store.tool, path }))))
    const scan = (await ctx.invoke(IPC.scanAgentLogs, trustedEvent)) as { files: Opened[] }
    const database = scan.files.find((file) => file.relativePath === 'opencode.db')!
    const first = (await ctx.invoke(IPC.readFileChunk, trustedEvent, { handle: database.handle })) as Uint8Array
    expect(new TextDecoder().decode(first).split('\n')[0]).toBe(sqliteStoreHeader('opencode'))
    await ctx.invoke(IPC.closeFile, trustedEvent, { handle: database.handle })

    const again = (await ctx.invoke(IPC.reopenFile, trustedEvent, { handle: database.handle })) as Opened
    const others = scan.files.filter((file) => file !== database)
    const result = await importAgentLogs([source(ctx, again), ...others.map((file) => source(ctx, file))])
    expect(result.errors).toEqual([])
    expect(result.runs.map((run) => `${run.tool} ${run.id}`).sort()).toEqual([
      'kilo ses_6b11d2e3cffeKiloOrchestr01',
      'opencode ses_2a0f9e8d7ffeFirstShapeV01a',
      'opencode ses_3d77b1e2affeOlderJsonOnly1',
      'opencode ses_4e88a0c3bffeMigratedJson01',
      'opencode ses_5a1f3c2b0ffeAbCdEf01234567',
      'opencode ses_5a40e7f1cffeForkOfRetryFix1',
    ])
  })

  test('a picked data folder serves its store the same way', async () => {
    const home = fixtureHome(join(FIXTURES, 'kilo'), { 'kilo.db.sql': '.local/share/kilo/kilo.db' })
    const ctx = setup()
    ctx.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [join(home, '.local/share/kilo')] })
    const files = (await ctx.invoke(IPC.openFiles, trustedEvent, { directories: true })) as Opened[]
    expect(files.map((file) => file.relativePath)).toEqual(['kilo/kilo.db'])
    const result = await importAgentLogs(files.map((file) => source(ctx, file)))
    expect(result.runs.map((run) => [run.tool, run.id])).toEqual([['kilo', 'ses_6b11d2e3cffeKiloOrchestr01']])
  })
})

/** Another agent's fixture added to a fixture home. */
function fixtureHomeInto(home: string, fixture: string, databases: Record<string, string>): void {
  cpSync(fixtureHome(fixture, databases), home, { recursive: true })
}

function randomUUIDLike(): string {
  return '00000000-0000-4000-8000-000000000000'
}

describe('saving the printable report as a PDF over IPC', () => {
  test('takes a .pdf file name from the app only, prints the sender and saves where the person says', async () => {
    const ctx = setup()
    await expect(ctx.invoke(IPC.printToPdf, { senderFrame: { url: 'https://evil.example/', parent: null }, sender: {} }, { suggestedName: 'review-2026-Q3.pdf' })).rejects.toThrow(
      /untrusted sender/,
    )
    await expect(ctx.invoke(IPC.printToPdf, trustedEvent, { suggestedName: '../../review.pdf' })).rejects.toThrow(/malformed/)
    await expect(ctx.invoke(IPC.printToPdf, trustedEvent, { suggestedName: 'review.exe' })).rejects.toThrow(/malformed/)
    await expect(ctx.invoke(IPC.printToPdf, trustedEvent, {})).rejects.toThrow(/malformed/)
    expect(ctx.printToPdf).not.toHaveBeenCalled()
    expect(ctx.dialog.showSaveDialog).not.toHaveBeenCalled()

    const path = join(temporaryFolder('wf-pdf-'), 'review-2026-Q3.pdf')
    ctx.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path })
    const sender = { id: 1 }
    expect(await ctx.invoke(IPC.printToPdf, { ...trustedEvent, sender }, { suggestedName: 'review-2026-Q3.pdf' })).toEqual({ saved: true, path })
    expect(ctx.printToPdf).toHaveBeenCalledWith(sender)
    expect(ctx.dialog.showSaveDialog.mock.calls[0][0]).toMatchObject({ defaultPath: 'review-2026-Q3.pdf' })
    expect(readFileSync(path, 'latin1').startsWith('%PDF')).toBe(true)
  })
})

describe('hosting a session over IPC', () => {
  test('takes a valid workspace id from the app only', async () => {
    const ctx = setup()
    await expect(ctx.invoke(IPC.hostSession, { senderFrame: { url: 'https://evil.example/', parent: null } }, { workspaceId: 'team' })).rejects.toThrow(/untrusted sender/)
    await expect(ctx.invoke(IPC.hostSession, trustedEvent, { workspaceId: '../etc' })).rejects.toThrow(/malformed/)
    await expect(ctx.invoke(IPC.hostSession, trustedEvent, {})).rejects.toThrow(/malformed/)
    expect(ctx.hostSession).not.toHaveBeenCalled()
    expect(await ctx.invoke(IPC.hostSession, trustedEvent, { workspaceId: 'team' })).toMatchObject({ workspaceId: 'team' })
  })
})

describe('OpenFileRegistry', () => {
  test('hands out each chunk of a file as a copy: chunks kept while the next are read still hold their bytes', async () => {
    const path = join(temporaryFolder(), 'big.jsonl')
    // Past one read (1 MiB), each byte told by its place.
    const bytes = Uint8Array.from({ length: 3 * 1024 * 1024 + 17 }, (_, at) => (at * 7 + (at >> 12)) % 251)
    writeFileSync(path, bytes)
    const files = new OpenFileRegistry()
    const [opened] = await files.openPaths([path], undefined)
    const kept: Uint8Array[] = []
    for (let chunk = await files.readChunk(opened.handle); chunk !== null; chunk = await files.readChunk(opened.handle)) kept.push(chunk)
    expect(kept.length).toBeGreaterThan(1)
    expect(Buffer.concat(kept).equals(Buffer.from(bytes))).toBe(true)
  })
})
