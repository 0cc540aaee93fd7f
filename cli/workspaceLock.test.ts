import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../test/support/cliWorkspace'
import { InputError } from './commands/types'
import { lockWorkspace } from './workspaceLock'

/** The pid of a process that has exited: no process has it now. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout)
}

describe('workspace lock', () => {
  it('is exclusive: a second taker waits, says for whom, and gets the lock once it is released', async () => {
    const path = join(tempDir(), 'team.wf')
    const first = await lockWorkspace(path)
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() })
    const notices: string[] = []
    let secondHasIt = false
    const second = lockWorkspace(path, { notice: (message) => notices.push(message) }).then((lock) => {
      secondHasIt = true
      return lock
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(secondHasIt).toBe(false)
    expect(notices).toEqual([`Waiting for process ${process.pid} on ${hostname()} (since ${JSON.parse(readFileSync(`${path}.lock`, 'utf8')).since}), which is changing ${path}…\n`])
    first.release()
    const lock = await second
    expect(lock.held()).toBe(true)
    expect(first.held()).toBe(false)
    lock.release()
    expect(existsSync(`${path}.lock`)).toBe(false)
  })

  it('gives up after the wait with a message naming the holder and the lock file', async () => {
    const path = join(tempDir(), 'team.wf')
    const holder = await lockWorkspace(path)
    const error = await lockWorkspace(path, { waitMs: 200 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toContain(`is being changed by process ${process.pid} on ${hostname()}`)
    expect((error as Error).message).toContain(`delete ${path}.lock if that process is gone`)
    holder.release()
  })

  it('breaks the lock of a process of this machine that is dead, and leaves nothing aside', async () => {
    const dir = tempDir()
    const path = join(dir, 'team.wf')
    const pid = deadPid()
    writeFileSync(`${path}.lock`, JSON.stringify({ pid, host: hostname(), since: '2026-12-01T00:00:00.000Z', token: 'stale' }))
    const lock = await lockWorkspace(path, { waitMs: 0 })
    expect(lock.held()).toBe(true)
    lock.release()
    expect(readdirSync(dir)).toEqual([])
  })

  it('waits for a holder on another machine (its pid cannot be checked here)', async () => {
    const path = join(tempDir(), 'team.wf')
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: `not-${hostname()}`, since: '2026-12-01T00:00:00.000Z', token: 'remote' }))
    await expect(lockWorkspace(path, { waitMs: 150 })).rejects.toThrow(/is being changed by process \d+ on not-/)
  })

  it('breaks a lock file left empty by a writer killed as it created it, once it is old', async () => {
    const path = join(tempDir(), 'team.wf')
    writeFileSync(`${path}.lock`, '')
    await expect(lockWorkspace(path, { waitMs: 150 })).rejects.toThrow(/another process/)
    const old = (Date.now() - 60_000) / 1000
    utimesSync(`${path}.lock`, old, old)
    const lock = await lockWorkspace(path, { waitMs: 0 })
    expect(lock.held()).toBe(true)
    lock.release()
  })

  it('names the folder problem when the lock cannot be created', async () => {
    await expect(lockWorkspace(join(tempDir(), 'missing', 'team.wf'))).rejects.toThrow(/cannot write the workspace .*missing\/team\.wf: its folder: does not exist/)
  })
})
