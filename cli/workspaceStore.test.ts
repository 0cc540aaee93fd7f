import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../test/support/cliWorkspace'
import { InputError } from './commands/types'
import { openWorkspaceFile, updateWorkspaceFile } from './workspaceStore'

/**
 * File system calls of the store, in order: which path was fsynced, renamed. Tests run as root,
 * whom permissions do not stop: a path with "unreadable" fails to read with EACCES, one in a
 * "read-only" folder fails to open with EROFS, as the system would.
 */
const fsLog = vi.hoisted(() => [] as string[])
/** Set to make the next rename fail, as a writer killed between writing its temp file and renaming it would. */
const crash = vi.hoisted(() => ({ beforeRename: false }))
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>()
  const opened = new Map<number, string>()
  const denied = (path: unknown) => String(path).includes('unreadable') && Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', syscall: 'open', path })
  return {
    ...fs,
    openSync: (...args: Parameters<typeof fs.openSync>) => {
      const [path] = args
      if (String(path).includes('read-only')) throw Object.assign(new Error(`EROFS: read-only file system, open '${path}'`), { code: 'EROFS', syscall: 'open', path })
      const fd = fs.openSync(...args)
      opened.set(fd, String(path))
      return fd
    },
    readFileSync: (...args: Parameters<typeof fs.readFileSync>) => {
      const [path] = args
      const error = denied(path)
      if (error) throw error
      return fs.readFileSync(...args)
    },
    write: (fd: number, ...rest: unknown[]) => {
      const done = rest[rest.length - 1] as (error: Error | null, written: number) => void
      // A disk that fills up as the file is written.
      if (opened.get(fd)?.includes('full-disk')) return queueMicrotask(() => done(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }), 0))
      return (fs.write as (...args: unknown[]) => void)(fd, ...rest)
    },
    fsyncSync: (fd: number) => {
      fsLog.push(`fsync ${opened.get(fd)}`)
      fs.fsyncSync(fd)
    },
    renameSync: (from: string, to: string) => {
      if (crash.beforeRename) {
        crash.beforeRename = false
        throw new Error('killed before the rename')
      }
      fsLog.push(`rename ${from} -> ${to}`)
      fs.renameSync(from, to)
    },
  }
})

beforeEach(() => void fsLog.splice(0))

async function workspaceWithPortfolioSetting(path: string) {
  await updateWorkspaceFile(path, (workspace) => {
    workspace.governance.doc.getMap('settings').set('currency', 'EUR')
    return workspace.save()
  })
}

describe('workspace store', () => {
  it('flushes the temp file before renaming it over the workspace, and the folder after', async () => {
    const dir = tempDir()
    const path = join(dir, 'team.wf')
    await workspaceWithPortfolioSetting(path)
    const temp = join(dir, `.team.wf.${process.pid}.tmp`)
    expect(fsLog).toEqual([`fsync ${temp}`, `rename ${temp} -> ${path}`, `fsync ${dir}`])
    expect(openWorkspaceFile(path).governance.doc.getMap('settings').get('currency')).toBe('EUR')
  })

  it('keeps the old state when a writer dies before its rename, and the next writer removes its temp file', async () => {
    const dir = tempDir()
    const path = join(dir, 'team.wf')
    await workspaceWithPortfolioSetting(path)
    const before = readFileSync(path)
    crash.beforeRename = true
    await expect(updateWorkspaceFile(path, (workspace) => {
      workspace.governance.doc.getMap('settings').set('currency', 'JPY')
      return workspace.save()
    })).rejects.toThrow('killed before the rename')
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([`.team.wf.${process.pid}.tmp`])
    await updateWorkspaceFile(path, () => undefined)
    expect(readdirSync(dir)).toEqual(['team.wf'])
    expect(openWorkspaceFile(path).governance.doc.getMap('settings').get('currency')).toBe('EUR')
  })

  it('reports a write that fails and leaves the workspace as it was', async () => {
    const dir = tempDir()
    const path = join(dir, 'full-disk.wf')
    // Written where the disk has room, then copied where it has none.
    await workspaceWithPortfolioSetting(join(dir, 'team.wf'))
    writeFileSync(path, readFileSync(join(dir, 'team.wf')))
    const before = readFileSync(path)
    await expect(updateWorkspaceFile(path, (workspace) => {
      workspace.governance.doc.getMap('settings').set('currency', 'JPY')
      return workspace.save()
    })).rejects.toThrow('ENOSPC')
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(openWorkspaceFile(path).governance.doc.getMap('settings').get('currency')).toBe('EUR')
  })

  it('removes the temp files a killed writer left, once it holds the lock', async () => {
    const dir = tempDir()
    const path = join(dir, 'team.wf')
    writeFileSync(join(dir, '.team.wf.4242.tmp'), 'half a workspace')
    writeFileSync(join(dir, '.other.wf.4242.tmp'), 'another workspace’s')
    await updateWorkspaceFile(path, () => undefined)
    expect(readdirSync(dir).sort()).toEqual(['.other.wf.4242.tmp'])
  })

  it('refuses a damaged file, naming it and what is damaged, and leaves it untouched', async () => {
    const path = join(tempDir(), 'team.wf')
    await workspaceWithPortfolioSetting(path)
    const damaged = readFileSync(path)
    damaged[damaged.length - 5] ^= 0x20
    writeFileSync(path, damaged)
    const change = vi.fn()
    const error = await updateWorkspaceFile(path, change).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toBe(`the workspace ${path} is damaged: the ledger document is damaged (it fails its checksum). Nothing was read from it or written to it; restore it from a backup.`)
    expect(change).not.toHaveBeenCalled()
    expect(readFileSync(path).equals(damaged)).toBe(true)
    expect(existsSync(`${path}.lock`)).toBe(false)
    expect(() => openWorkspaceFile(path)).toThrow(/is damaged/)
  })

  it('says why a workspace cannot be read: a folder, a device, no permission', async () => {
    const dir = tempDir()
    expect(() => openWorkspaceFile(dir)).toThrow(new InputError(`cannot read the workspace ${dir}: is a folder, not a file`))
    expect(() => openWorkspaceFile('/dev/zero')).toThrow(/cannot read the workspace \/dev\/zero: not a regular file/)
    const unreadable = join(dir, 'unreadable.wf')
    writeFileSync(unreadable, '')
    expect(() => openWorkspaceFile(unreadable)).toThrow(new InputError(`cannot read the workspace ${unreadable}: permission denied`))
  })

  it('checks the folder before running the change: missing, read-only, or a file', async () => {
    const dir = tempDir()
    const change = vi.fn()
    mkdirSync(join(dir, 'read-only'))
    await expect(updateWorkspaceFile(join(dir, 'read-only', 'team.wf'), change)).rejects.toThrow(new InputError(`cannot write the workspace ${join(dir, 'read-only', 'team.wf')}: its folder: is on a read-only file system`))
    await expect(updateWorkspaceFile(join(dir, 'missing', 'team.wf'), change)).rejects.toThrow(/its folder: does not exist/)
    writeFileSync(join(dir, 'file'), '')
    await expect(updateWorkspaceFile(join(dir, 'file', 'team.wf'), change)).rejects.toThrow(/its folder: a part of the path is not a folder/)
    expect(change).not.toHaveBeenCalled()
  })
})
