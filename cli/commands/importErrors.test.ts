import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { FIXTURES } from '../../test/support/billingFixtures'
import { runCli } from '../main'
import { captureIO, tempDir } from '../../test/support/cliWorkspace'

/**
 * Tests run as root, whom permissions do not stop, so the system's answer for a folder or
 * file without read permission is given here: listing a folder named "locked", or opening a
 * file named "locked.csv", fails with EACCES, as it would for a user without the permission.
 */
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>()
  const denied = (syscall: string, path: unknown) => Object.assign(new Error(`EACCES: permission denied, ${syscall} '${path}'`), { code: 'EACCES', syscall, path })
  return {
    ...fs,
    readdirSync: (...args: Parameters<typeof fs.readdirSync>) => {
      const [path] = args
      if (String(path).endsWith('/locked')) throw denied('scandir', path)
      return fs.readdirSync(...args)
    },
    openSync: (...args: Parameters<typeof fs.openSync>) => {
      const [path] = args
      if (String(path).endsWith('/locked.csv')) throw denied('open', path)
      return fs.openSync(...args)
    },
  }
})

const LOG = join(__dirname, '../../test/fixtures/logs/claude/projects/-home-alice-work-shop/5a1e0000-0000-4000-8000-000000000001.jsonl')

async function importing(dir: string, args: string[]) {
  const io = captureIO(dir)
  const code = await runCli(['import', ...args], io)
  return { code, out: io.out(), err: io.err() }
}

/** One line (a usage error adds the usage line after it), never a stack trace. */
function expectOneClearLine(stderr: string, text: string) {
  expect(stderr.split('\n')[0]).toBe(text)
  expect(stderr).not.toMatch(/^\s+at /m)
}

describe('cli import: bad paths are one clear line', () => {
  it('reports and skips an unreadable subfolder once, in a folder of billing exports and agent logs alike', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'exports', 'locked'), { recursive: true })
    copyFileSync(join(FIXTURES, 'anthropic-cost-2026-08.csv'), join(dir, 'exports', 'cost.csv'))
    copyFileSync(LOG, join(dir, 'exports', 'session.jsonl'))
    const { code, out, err } = await importing(dir, ['--json', 'exports'])
    expect(err).toBe(`Skipped ${join(dir, 'exports', 'locked')}: permission denied\n`)
    expect(code).toBe(0)
    expect(JSON.parse(out).files.map((file: { path: string; status: string }) => `${file.path} ${file.status}`)).toEqual(['exports/session.jsonl ok', 'exports/cost.csv ok'])
  })

  it('refuses a named folder it cannot list in one line', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'locked'))
    const { code, out, err } = await importing(dir, ['locked'])
    expect(code).toBe(1)
    expect(out).toBe('')
    expect(err).toBe(`cannot import ${join(dir, 'locked')}: permission denied\n`)
  })

  it('rejects an unreadable billing file with the reason, and imports the others', async () => {
    const dir = tempDir()
    copyFileSync(join(FIXTURES, 'anthropic-cost-2026-08.csv'), join(dir, 'locked.csv'))
    copyFileSync(join(FIXTURES, 'anthropic-cost-2026-03.csv'), join(dir, 'cost.csv'))
    const { code, out } = await importing(dir, ['--json', 'locked.csv', 'cost.csv'])
    expect(code).toBe(1)
    const files = JSON.parse(out).files
    expect(files[0]).toMatchObject({ path: 'locked.csv', status: 'rejected', errors: [{ line: 0, message: 'cannot read the file: permission denied' }] })
    expect(files[1]).toMatchObject({ path: 'cost.csv', status: 'ok' })
  })

  it('reports a path through a file (not a folder) in one line, as for any path it cannot read', async () => {
    const dir = tempDir()
    copyFileSync(join(FIXTURES, 'anthropic-cost-2026-08.csv'), join(dir, 'cost.csv'))
    const { code, out, err } = await importing(dir, ['--json', 'cost.csv/x.csv'])
    expect(code).not.toBe(0)
    expect(out).toBe('')
    expectOneClearLine(err, `cannot import ${join(dir, 'cost.csv/x.csv')}: a part of the path is not a folder`)
  })

  it('refuses a pipe or a device named explicitly without reading it', async () => {
    const dir = tempDir()
    execFileSync('mkfifo', [join(dir, 'pipe.csv')])
    const pipe = await importing(dir, ['pipe.csv'])
    expect(pipe.code).toBe(2)
    expectOneClearLine(pipe.err, `cannot import ${join(dir, 'pipe.csv')}: not a regular file (a device, pipe or socket)`)
    const zero = await importing(dir, ['/dev/zero'])
    expect(zero.code).toBe(2)
    expectOneClearLine(zero.err, 'cannot import /dev/zero: not a regular file (a device, pipe or socket)')
  })

  it('refuses a pipe or a device named as a pricing table, a portfolios file, a workspace or a log to mine', async () => {
    const dir = tempDir()
    execFileSync('mkfifo', [join(dir, 'pipe.json')])
    const pricing = await importing(dir, ['--json', '--pricing', 'pipe.json', LOG])
    expect(pricing.code).toBe(1)
    expect(JSON.parse(pricing.out).files[0].errors).toEqual([{ line: 0, message: `cannot read the pricing table ${join(dir, 'pipe.json')}: not a regular file (a device, pipe or socket)` }])
    const cases: [string[], string][] = [
      [['portfolios', 'import', '--workspace', 'team.wf', 'pipe.json'], `cannot read the portfolios file ${join(dir, 'pipe.json')}: not a regular file (a device, pipe or socket)`],
      [['report', '--workspace', '/dev/zero'], 'cannot read the workspace /dev/zero: not a regular file (a device, pipe or socket)'],
      [['mine', '--pricing', 'pipe.json', LOG], `cannot read the pricing table ${join(dir, 'pipe.json')}: not a regular file (a device, pipe or socket)`],
      [['mine', '/dev/zero'], 'Cannot read /dev/zero: not a regular file (a device, pipe or socket)'],
    ]
    for (const [args, message] of cases) {
      const io = captureIO(dir)
      expect(await runCli(args, io), args.join(' ')).toBe(1)
      expectOneClearLine(io.err(), message)
    }
  })

  it('says what is wrong with the workspace path before reading any file', async () => {
    const dir = tempDir()
    copyFileSync(join(FIXTURES, 'anthropic-cost-2026-08.csv'), join(dir, 'cost.csv'))
    const missing = await importing(dir, ['--workspace', 'nowhere/team.wf', 'cost.csv'])
    expect(missing.code).toBe(1)
    expect(missing.out).toBe('')
    expectOneClearLine(missing.err, `cannot write the workspace ${join(dir, 'nowhere/team.wf')}: its folder: does not exist`)
    const folder = await importing(dir, ['--workspace', '.', 'cost.csv'])
    expect(folder.code).toBe(1)
    expectOneClearLine(folder.err, `cannot read the workspace ${dir}: is a folder, not a file`)
  })

  it('refuses to import into a damaged workspace and leaves it as it was', async () => {
    const dir = tempDir()
    copyFileSync(join(FIXTURES, 'anthropic-cost-2026-08.csv'), join(dir, 'cost.csv'))
    copyFileSync(join(FIXTURES, 'anthropic-cost-2026-03.csv'), join(dir, 'march.csv'))
    expect((await importing(dir, ['--workspace', 'team.wf', 'cost.csv'])).code).toBe(0)
    const bytes = readFileSync(join(dir, 'team.wf'))
    bytes[bytes.length - 40] ^= 1
    writeFileSync(join(dir, 'team.wf'), bytes)
    const result = await importing(dir, ['--workspace', 'team.wf', 'march.csv'])
    expect(result.code).toBe(1)
    expect(result.out).toBe('')
    expectOneClearLine(result.err, `the workspace ${join(dir, 'team.wf')} is damaged: the ledger document is damaged (it fails its checksum). Nothing was read from it or written to it; restore it from a backup.`)
    expect(readFileSync(join(dir, 'team.wf')).equals(bytes)).toBe(true)
    const report = captureIO(dir)
    expect(await runCli(['report', '--workspace', 'team.wf', '--as-of', '2026-08-15'], report)).toBe(1)
    expectOneClearLine(report.err(), result.err.trim())
  })

  it('names an export path it cannot write', async () => {
    const dir = tempDir()
    const io = captureIO(dir)
    expect(await runCli(['portfolios', 'export', '--workspace', 'team.wf', 'nowhere/portfolios.json'], io)).toBe(1)
    expectOneClearLine(io.err(), `No workspace file at ${join(dir, 'team.wf')}.`)
    await importing(dir, ['--workspace', 'team.wf', join(FIXTURES, 'anthropic-cost-2026-08.csv')])
    const bad = captureIO(dir)
    expect(await runCli(['portfolios', 'export', '--workspace', 'team.wf', 'nowhere/portfolios.json'], bad)).toBe(1)
    expectOneClearLine(bad.err(), `cannot write the export ${join(dir, 'nowhere/portfolios.json')}: does not exist`)
    const folder = captureIO(dir)
    expect(await runCli(['portfolios', 'export', '--workspace', 'team.wf', '.'], folder)).toBe(1)
    expectOneClearLine(folder.err(), `cannot write the export ${dir}: is a folder, not a file`)
  })
})
