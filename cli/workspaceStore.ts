import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, write } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import * as Y from 'yjs'
import { Governance } from '../shared/workspace/governance'
import { Ledger } from '../shared/workspace/ledger'
import { DamagedWorkspaceError, decodeWorkspaceFile, type DocumentChecksum, fillChecksum, type WorkspaceDocs, workspaceFileLayout } from '../shared/workspace/workspaceFile'
import { InputError } from './commands/types'
import { readNamedFile } from './namedFiles'
import { lockWorkspace, type LockOptions } from './workspaceLock'

export interface Workspace {
  path: string
  governance: Governance
  ledger: Ledger
}

export interface OpenWorkspace extends Workspace {
  /** Writes the workspace back (atomically); only while its lock is held. */
  save(): Promise<void>
}

/**
 * Reads a workspace file (an empty workspace when it does not exist yet) to look at: nothing
 * is locked or written. A damaged or unreadable file is an InputError naming what is wrong.
 */
export function openWorkspaceFile(path: string): Workspace {
  const docs = readDocs(path)
  const governance = new Governance(docs.governance)
  governance.migrate()
  governance.ensurePseudonymSalt()
  return { path, governance, ledger: new Ledger(docs.ledger) }
}

/**
 * Changes a workspace file: takes its lock (waiting for another writer, see workspaceLock.ts),
 * removes temp files a killed writer left, reads the file and runs `change`, which may save.
 * Taken before anything else, the lock also checks that the file's folder is writable.
 */
export async function updateWorkspaceFile<T>(path: string, change: (workspace: OpenWorkspace) => Promise<T> | T, options: LockOptions = {}): Promise<T> {
  const lock = await lockWorkspace(path, options)
  try {
    removeLeftoverTempFiles(path)
    const workspace = openWorkspaceFile(path)
    return await change({
      ...workspace,
      async save() {
        if (!lock.held()) throw new InputError(`the lock on ${path} was taken over while this command ran; nothing was written, run it again`)
        await writeWorkspaceFile(path, { governance: workspace.governance.doc, ledger: workspace.ledger.doc })
      },
    })
  } finally {
    lock.release()
  }
}

function readDocs(path: string): WorkspaceDocs {
  const docs = { governance: new Y.Doc(), ledger: new Y.Doc() }
  if (!existsSync(path)) return docs
  const bytes = new Uint8Array(readNamedFile(path, 'the workspace'))
  try {
    return decodeWorkspaceFile(bytes, docs)
  } catch (error) {
    if (error instanceof DamagedWorkspaceError) throw new InputError(`the workspace ${path} is damaged: ${error.message}. Nothing was read from it or written to it; restore it from a backup.`)
    throw error
  }
}

/**
 * Writes to a sibling temp file, flushed to disk, then renames it over the workspace and
 * flushes the folder: after a crash or power loss the file is the old state or the new one,
 * never a mix or nothing. The parts are written by Node's threads while this one hashes the
 * documents' checksums, then written in their places.
 */
async function writeWorkspaceFile(path: string, docs: WorkspaceDocs): Promise<void> {
  const temp = join(dirname(path), `${tempPrefix(path)}${process.pid}.tmp`)
  const { parts, checksums } = workspaceFileLayout(docs)
  const fd = openSync(temp, 'w')
  try {
    await writeParts(fd, parts, checksums)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, path)
  syncFolder(dirname(path))
}

/** Writes the parts one after another, the checksums in theirs once this thread has hashed them. */
async function writeParts(fd: number, parts: readonly Uint8Array[], checksums: readonly DocumentChecksum[]): Promise<void> {
  const writes: Promise<void>[] = []
  const checksumAt = new Map<DocumentChecksum, number>()
  let position = 0
  for (const part of parts) {
    const checksum = checksums.find((document) => document.part === part)
    if (checksum) checksumAt.set(checksum, position)
    else writes.push(writeAt(fd, part, position))
    position += part.length
  }
  // Every write has ended before the file is closed, whichever failed.
  try {
    for (const [checksum, at] of checksumAt) {
      fillChecksum(checksum)
      writes.push(writeAt(fd, checksum.part, at))
    }
  } catch (error) {
    await Promise.allSettled(writes)
    throw error
  }
  const failed = (await Promise.allSettled(writes)).find((write) => write.status === 'rejected')
  if (failed) throw failed.reason
}

/** Writes all of `bytes` at `position`, on one of Node's threads. */
async function writeAt(fd: number, bytes: Uint8Array, position: number): Promise<void> {
  for (let written = 0; written < bytes.length; ) {
    written += await new Promise<number>((resolve, reject) => write(fd, bytes, written, bytes.length - written, position + written, (error, count) => (error ? reject(error) : resolve(count))))
  }
}

function syncFolder(folder: string): void {
  // Windows cannot open a folder to flush it; its rename is durable on its own.
  if (process.platform === 'win32') return
  const fd = openSync(folder, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Only the lock holder writes temp files, so any found while holding it are a killed writer's. */
function removeLeftoverTempFiles(path: string): void {
  const prefix = tempPrefix(path)
  for (const name of readdirSync(dirname(path))) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(dirname(path), name), { force: true })
  }
}

function tempPrefix(path: string): string {
  return `.${basename(path)}.`
}
