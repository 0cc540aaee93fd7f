import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseCommandLine, UsageError } from './commandLine'
import { freePort, RO, RW, startServerProcess, temporaryDirectory, writeTokenFile } from './test/harness'

describe('parseCommandLine', () => {
  let data: ReturnType<typeof temporaryDirectory>
  let tokens: string
  beforeEach(() => {
    data = temporaryDirectory()
    tokens = writeTokenFile(data.path)
  })
  afterEach(() => data.remove())

  it('reads the flags and the token file', () => {
    const options = parseCommandLine(['--port', '4321', '--data', 'store', '--tokens', tokens, '--redis', 'redis://10.0.0.5:6380/2'], {})
    expect(options).toMatchObject({ port: 4321, host: '127.0.0.1', dataDir: 'store', redis: { host: '10.0.0.5', port: 6380, db: 2 } })
    expect(options.tokens[RO]).toEqual({ workspace: 'ws-alpha', access: 'ro' })
  })

  it('falls back to WORKFOLIO_TOKENS', () => {
    expect(Object.keys(parseCommandLine([], { WORKFOLIO_TOKENS: tokens }).tokens)).toHaveLength(3)
  })

  it('explains bad flags', () => {
    expect(() => parseCommandLine(['--tokens', tokens, '--prot', '1'], {})).toThrow(UsageError)
    expect(() => parseCommandLine(['--tokens', tokens, '--port', 'http'], {})).toThrow(/--port must be a whole number/)
    expect(() => parseCommandLine(['--tokens', tokens, '--redis', 'http://x'], {})).toThrow(/--redis: not a Redis URL/)
    expect(() => parseCommandLine([], {})).toThrow(/missing --tokens FILE/)
  })

  it('names the token file and the entry at fault, never the token', () => {
    expect(() => parseCommandLine(['--tokens', join(data.path, 'absent.json')], {})).toThrow(/cannot read token file .*absent\.json: ENOENT/)
    const bad = join(data.path, 'bad.json')
    writeFileSync(bad, `{"${RW}": {"workspace": "a", "access": "admin"}}`)
    expect(() => parseCommandLine(['--tokens', bad], {})).toThrow(/bad\.json line 1: entry 1 is invalid \(access:/)
    expect(() => parseCommandLine(['--tokens', bad], {})).not.toThrow(RW)
    writeFileSync(bad, '{"hunter2": ')
    expect(() => parseCommandLine(['--tokens', bad], {})).toThrow(/bad\.json is not valid JSON/)
    writeFileSync(bad, `{"${RW}": {"workspace": "a/ledger", "access": "rw"}}`)
    expect(() => parseCommandLine(['--tokens', bad], {})).toThrow(/cannot contain "\/"/)
  })

  it('refuses a token with less than 128 bits of randomness, naming the file and line', () => {
    const weak = join(data.path, 'weak.json')
    writeFileSync(weak, `{\n  "${RW}": { "workspace": "a", "access": "rw" },\n  "x7": { "workspace": "a", "access": "ro" }\n}`)
    expect(() => parseCommandLine(['--tokens', weak], {})).toThrow(
      /token file .*weak\.json line 3: entry 2 has a token too easy to guess \(about 0 bits .*at least 128 needed\); make one with: node -e/,
    )
    expect(() => parseCommandLine(['--tokens', weak], {})).not.toThrow(/x7/)
  })
})

describe('server/main.ts', () => {
  it('prints its address once listening and stops cleanly on SIGTERM', { timeout: 30_000 }, async () => {
    const data = temporaryDirectory()
    try {
      const server = await startServerProcess(['--port', '0', '--data', data.path, '--tokens', writeTokenFile(data.path)])
      expect(server.output()).toMatch(/^Workfolio server listening on ws:\/\/127\.0\.0\.1:\d+\n/)
      expect(server.output()).not.toContain(RW)
      server.child.kill('SIGTERM')
      expect(await server.exited).toBe(0)
    } finally {
      data.remove()
    }
  })

  it('refuses to start when Redis is unreachable', { timeout: 30_000 }, async () => {
    const data = temporaryDirectory()
    try {
      const args = ['--port', '0', '--data', data.path, '--tokens', writeTokenFile(data.path), '--redis', `redis://127.0.0.1:${await freePort()}`]
      const failure = await startServerProcess(args).catch((error: Error) => error.message)
      expect(failure).toMatch(/exited \(1\) before listening/)
      expect(failure).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+/)
    } finally {
      data.remove()
    }
  })

  it('refuses to start on a guessable token, naming the file and line', { timeout: 30_000 }, async () => {
    const data = temporaryDirectory()
    try {
      const tokens = writeTokenFile(data.path, { ab: { workspace: 'a', access: 'rw' } })
      const failure = await startServerProcess(['--port', '0', '--data', data.path, '--tokens', tokens]).catch((error: Error) => error.message)
      expect(failure).toMatch(/exited \(1\) before listening/)
      expect(failure).toMatch(/workfolio-server: token file .*tokens\.json line 1: entry 1 has a token too easy to guess/)
    } finally {
      data.remove()
    }
  })

  it('exits with status 2 and the usage on a bad flag', { timeout: 30_000 }, async () => {
    const failure = await startServerProcess(['--nope']).catch((error: Error) => error.message)
    expect(failure).toMatch(/exited \(2\) before listening/)
    expect(failure).toMatch(/Unknown option '--nope'/)
    expect(failure).toMatch(/usage: npm run server/)
  })
})
