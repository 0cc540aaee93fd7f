import { randomUUID } from 'node:crypto'
import { closeSync, existsSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { InputError } from './commands/types'
import { describeFileError } from './fileErrors'

/** Who holds a workspace's lock: written into the lock file, so a waiter can name it and a dead holder's lock can be broken. */
interface LockHolder {
  pid: number
  host: string
  since: string
  token: string
}

export interface LockOptions {
  /** How long to wait for another process to finish with the workspace before giving up. */
  waitMs?: number
  /** Told once when the lock is held by another process and this one waits. */
  notice?: (message: string) => void
}

export interface WorkspaceLock {
  /** Whether the lock file is still this lock's (nobody broke it as stale). */
  held(): boolean
  release(): void
}

const DEFAULT_WAIT_MS = 5 * 60 * 1000
const POLL_MS = 100
/** A lock file with no readable holder (its writer died between creating and filling it) is stale after this long. */
const UNREADABLE_STALE_MS = 10_000

/**
 * The exclusive lock for a workspace file's read-modify-write: `<workspace>.lock`, created
 * with O_EXCL and holding the holder's pid and host. A lock whose holder is a dead process of
 * this machine is broken; a live holder is waited for (bounded), then the import fails with a
 * message naming it. Taking the lock is also the check that the workspace's folder exists and
 * is writable, before any file is parsed.
 */
export async function lockWorkspace(workspacePath: string, options: LockOptions = {}): Promise<WorkspaceLock> {
  const lockPath = `${workspacePath}.lock`
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomUUID() }
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS)
  let told = false
  for (;;) {
    if (tryCreate(lockPath, me, workspacePath)) return heldLock(lockPath, me)
    const holder = readHolder(lockPath)
    if (holder === 'gone') continue
    if (isStale(lockPath, holder)) {
      breakStaleLock(lockPath, holder)
      continue
    }
    const who = holder ? `process ${holder.pid} on ${holder.host} (since ${holder.since})` : 'another process'
    if (Date.now() >= deadline) {
      throw new InputError(`${workspacePath} is being changed by ${who}; nothing was imported. Try again when it has finished, or delete ${lockPath} if that process is gone.`)
    }
    if (!told) options.notice?.(`Waiting for ${who}, which is changing ${workspacePath}…\n`)
    told = true
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

function tryCreate(lockPath: string, me: LockHolder, workspacePath: string): boolean {
  let fd: number
  try {
    fd = openSync(lockPath, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw new InputError(`cannot write the workspace ${workspacePath}: ${describeFileError(error, 'its folder')}`)
  }
  try {
    writeSync(fd, JSON.stringify(me))
  } catch (error) {
    // An empty lock would hold the others off until it is old enough to be taken for stale.
    closeSync(fd)
    unlinkSync(lockPath)
    throw new InputError(`cannot write the workspace ${workspacePath}: ${describeFileError(error, 'its folder')}`)
  }
  closeSync(fd)
  return true
}

/** The lock's holder; null when unreadable (being written, or left empty); 'gone' when released meanwhile. */
function readHolder(lockPath: string): LockHolder | null | 'gone' {
  let text: string
  try {
    text = readFileSync(lockPath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone'
    throw error
  }
  try {
    const holder = JSON.parse(text) as LockHolder
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' && typeof holder.token === 'string' ? holder : null
  } catch {
    return null
  }
}

function isStale(lockPath: string, holder: LockHolder | null): boolean {
  if (holder === null) {
    const age = Date.now() - (statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
    return age > UNREADABLE_STALE_MS
  }
  return holder.host === hostname() && !processIsAlive(holder.pid)
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, it is only another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Moves the stale lock aside before deleting it, so two processes breaking it at once cannot
 * delete a lock a third has just taken: whoever moved a lock that is not the stale one puts it back.
 */
function breakStaleLock(lockPath: string, stale: LockHolder | null): void {
  const aside = `${lockPath}.${process.pid}.${randomUUID()}.stale`
  try {
    renameSync(lockPath, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  const moved = readHolder(aside)
  const wasStale = stale === null ? moved === null : moved !== null && moved !== 'gone' && moved.token === stale.token
  if (!wasStale && !existsSync(lockPath)) renameSync(aside, lockPath)
  else unlinkSync(aside)
}

function heldLock(lockPath: string, me: LockHolder): WorkspaceLock {
  const held = () => {
    const holder = readHolder(lockPath)
    return holder !== null && holder !== 'gone' && holder.token === me.token
  }
  return {
    held,
    release() {
      if (held()) unlinkSync(lockPath)
    },
  }
}
