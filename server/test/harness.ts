/** Real servers, real providers, real processes for the sync tests and the benchmark (Node only). */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { TokenTable } from '../tokens'

export const WORKSPACE = 'ws-alpha'
export const OTHER_WORKSPACE = 'ws-beta'
/** Random base64url, 192 bits each, as the server demands of a token file. */
export const RW = 'HMKqo2sg90eLP1d6H6dtFe36zQVdIGqU'
export const RO = 'vgxC_jNLtcJsGIgbafXBDsnxSlupGRn0'
export const OTHER_RW = 'VkSJ6XVBTAslpS5IvagGTY3NW8nDLkSS'
export const TOKENS: TokenTable = {
  [RW]: { workspace: WORKSPACE, access: 'rw' },
  [RO]: { workspace: WORKSPACE, access: 'ro' },
  [OTHER_RW]: { workspace: OTHER_WORKSPACE, access: 'rw' },
}

export function temporaryDirectory(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'workfolio-sync-'))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done))
  const { port } = probe.address() as { port: number }
  await new Promise((done) => probe.close(done))
  return port
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((done) => setTimeout(done, 10))
  }
}

/**
 * The ws polyfill, minus one Node-only crash: closing a socket that is still connecting makes
 * ws emit an 'error' after the provider has removed its listeners (browsers stay silent).
 */
export class NodeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => undefined)
  }
}

export interface TestClient {
  doc: Y.Doc
  provider: HocuspocusProvider
  socket: HocuspocusProviderWebsocket
  /** The server acknowledged every local change (provider.unsyncedChanges is 0). */
  acknowledged(): boolean
  destroy(): void
}

/** The ws polyfill connecting from `localAddress`, one of the 127.0.0.0/8 loopback addresses. */
function webSocketFrom(localAddress: string): typeof NodeWebSocket {
  return class extends NodeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { localAddress })
    }
  }
}

/**
 * A provider as the renderer would open one, with the ws polyfill and quick reconnects;
 * `from` picks the loopback address it connects from (the server limits sockets per address).
 */
export function connectClient(url: string, documentName: string, token: string, doc = new Y.Doc(), from?: string): TestClient {
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: from ? webSocketFrom(from) : NodeWebSocket,
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
  })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: documentName, document: doc, token })
  provider.attach()
  let destroyed = false
  return {
    doc,
    provider,
    socket,
    acknowledged: () => provider.isSynced && provider.unsyncedChanges === 0,
    destroy: () => {
      if (destroyed) return
      destroyed = true
      provider.destroy()
      socket.destroy()
    },
  }
}

export function writeTokenFile(directory: string, tokens: TokenTable = TOKENS): string {
  const file = join(directory, 'tokens.json')
  writeFileSync(file, JSON.stringify(tokens))
  return file
}

/** The resident memory of process `pid` in bytes (Linux). */
export function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!match) throw new Error(`no VmRSS for process ${pid}`)
  return Number(match[1]) * 1024
}

const MAIN = resolve(import.meta.dirname, '../main.ts')

export interface ServerProcess {
  child: ChildProcess
  url: string
  output(): string
  /** Resolves with the exit code or signal. */
  exited: Promise<number | NodeJS.Signals | null>
}

/** `npm run cli -- server` as users run it: from the command line's bundle (scripts/cli.mjs). */
export const BUNDLED_SERVER = [resolve(import.meta.dirname, '../../scripts/cli.mjs'), 'server']

/** `server/main.ts` (or `entry`, the Node arguments before the server's own) in its own Node process, resolved once it prints its listening line. */
export async function startServerProcess(args: string[], env: NodeJS.ProcessEnv = {}, entry = ['--import', 'tsx', MAIN]): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | NodeJS.Signals | null>((done) => child.once('exit', (code, signal) => done(signal ?? code)))
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start within 20 s:\n${output}`)), 20_000)
    const onData = () => {
      const match = /listening on (ws:\/\/\S+).*\n/.exec(output)
      if (match) {
        clearTimeout(timer)
        child.stdout!.off('data', onData)
        done(match[1])
      }
    }
    child.stdout!.on('data', onData)
    void exited.then((code) => {
      clearTimeout(timer)
      fail(new Error(`server exited (${code}) before listening:\n${output}`))
    })
  })
  return { child, url, output: () => output, exited }
}

/** A private redis-server on a free loopback port, or null when the binary is missing. */
export async function startRedis(binary = '/usr/bin/redis-server'): Promise<{ port: number; stop(): Promise<void> } | null> {
  const port = await freePort()
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const started = await new Promise<boolean>((done) => {
    let output = ''
    child.once('error', () => done(false))
    child.stdout!.on('data', (chunk) => {
      output += chunk
      if (output.includes('Ready to accept connections')) done(true)
    })
    child.once('exit', () => done(false))
  })
  if (!started) return null
  return {
    port,
    stop: async () => {
      if (child.exitCode !== null) return
      const exit = new Promise((done) => child.once('exit', done))
      child.kill('SIGKILL')
      await exit
    },
  }
}
