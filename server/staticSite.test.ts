import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaticSite, listen, MAX_URL_LENGTH } from './staticSite'
import { connectClient, freePort, RW, temporaryDirectory, waitFor, WORKSPACE, writeTokenFile } from './test/harness'

/** Sends `head` as the whole request head (no client-side URL checks) and returns the status code. */
async function rawStatus(port: number, head: string): Promise<number> {
  const socket = connect(port, '127.0.0.1')
  socket.write(`${head}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
  let reply = ''
  socket.on('data', (chunk) => (reply += chunk))
  await new Promise((done) => socket.once('close', done))
  const status = /^HTTP\/1\.1 (\d{3})/.exec(reply)
  if (!status) throw new Error(`no HTTP status in reply: ${JSON.stringify(reply.slice(0, 200))}`)
  return Number(status[1])
}

const HOSTILE_REQUESTS: [string, number][] = [
  ['GET /%E0%A4%A HTTP/1.1', 400],
  ['GET /%ZZ HTTP/1.1', 400],
  ['GET /index.html%00.png HTTP/1.1', 400],
  ['GET /..%2f..%2f..%2fetc%2fpasswd HTTP/1.1', 403],
  ['GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1', 404],
  [`GET /${'a'.repeat(MAX_URL_LENGTH)} HTTP/1.1`, 414],
  // Beyond Node's 16 KiB request-head limit: refused by the parser, before the handler.
  [`GET /${'a'.repeat(64 * 1024)} HTTP/1.1`, 400],
  ['DELETE /index.html HTTP/1.1', 405],
  ['GARBAGE', 400],
]

describe('createStaticSite', () => {
  const folder = temporaryDirectory()
  let port: number
  const site = createStaticSite(join(folder.path, 'web'))
  beforeAll(async () => {
    mkdirSync(join(folder.path, 'web'))
    writeFileSync(join(folder.path, 'web', 'index.html'), '<!doctype html><title>Workfolio</title>')
    writeFileSync(join(folder.path, 'secret.txt'), 'outside the site')
    port = await listen(site, 0, '127.0.0.1')
  })
  afterAll(async () => {
    await new Promise((done) => site.close(done))
    folder.remove()
  })

  it('serves the folder, HEAD without a body', async () => {
    const page = await fetch(`http://127.0.0.1:${port}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Workfolio</title>')
    const head = await fetch(`http://127.0.0.1:${port}/index.html`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String('<!doctype html><title>Workfolio</title>'.length))
    expect(await head.text()).toBe('')
  })

  it.each(HOSTILE_REQUESTS)('answers %s with its status and keeps serving', async (request, status) => {
    expect(await rawStatus(port, request)).toBe(status)
    expect(await rawStatus(port, 'GET /%2e%2e/secret.txt HTTP/1.1')).toBe(404)
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200)
  })
})

describe('npm run serve (scripts/serve.ts)', () => {
  it('survives hostile requests, and its sync server keeps syncing', { timeout: 60_000 }, async () => {
    const data = temporaryDirectory()
    const [port, syncPort] = [await freePort(), await freePort()]
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../scripts/serve.ts')], {
      cwd: resolve(import.meta.dirname, '..'),
      env: { ...process.env, PORT: String(port), SYNC_PORT: String(syncPort), HOST: '127.0.0.1', DATA_DIR: data.path, WORKFOLIO_TOKENS: writeTokenFile(data.path) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    let exitCode: number | null = null
    child.once('exit', (code) => (exitCode = code ?? -1))
    const client = { current: null as ReturnType<typeof connectClient> | null }
    try {
      await waitFor(() => output.includes('Team sync server at') || exitCode !== null, 'serve to start', 30_000)
      expect(exitCode).toBeNull()
      for (const [request, status] of HOSTILE_REQUESTS) expect(await rawStatus(port, request)).toBe(status)
      expect(exitCode).toBeNull()
      client.current = connectClient(`ws://127.0.0.1:${syncPort}`, WORKSPACE, RW)
      await waitFor(() => client.current!.provider.isSynced, 'a provider synced with the sync server beside the site')
      expect(output).not.toMatch(/URIError|Unhandled|at .*staticSite/)
    } finally {
      client.current?.destroy()
      child.kill('SIGTERM')
      await new Promise((done) => (exitCode === null ? child.once('exit', done) : done(null)))
      data.remove()
    }
  })
})
