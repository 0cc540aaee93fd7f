import { readFileSync, statSync } from 'node:fs'
import { InputError } from './commands/types'
import { describeFileError, REASONS } from './fileErrors'

/**
 * Why `path` is no file to read, or null when it is a regular file. A pipe or a device
 * (`/dev/zero`, a FIFO) named explicitly could block a read forever or never end, so it is
 * refused before being opened; stat follows symbolic links to what they name.
 */
export function notARegularFile(path: string, stats: { isFile(): boolean; isDirectory(): boolean }): string | null {
  if (stats.isFile()) return null
  return stats.isDirectory() ? `${path}: ${REASONS.EISDIR}` : `${path}: not a regular file (a device, pipe or socket)`
}

/**
 * The bytes of a file the user named (a workspace, a pricing table, a portfolios file): a
 * pipe or device is refused before it is opened, and any failure is an InputError saying
 * "cannot read <what> <path>: <reason>" on one line.
 */
export function readNamedFile(path: string, what: string): Buffer {
  let problem: string | null
  try {
    problem = notARegularFile(path, statSync(path))
    if (!problem) return readFileSync(path)
  } catch (error) {
    problem = describeFileError(error, path)
  }
  throw new InputError(`cannot read ${what} ${problem}`)
}
