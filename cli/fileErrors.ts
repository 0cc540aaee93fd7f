/**
 * What a file system error means to the person who named the path, in a few words: the
 * command line prints it on one line instead of a stack trace. The unusual codes keep the
 * system's own message.
 */
export const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'does not exist',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'is on a read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
}

/** `subject` and the reason, e.g. "its folder: permission denied"; the error's own message when the code is unknown. */
export function describeFileError(error: unknown, subject: string): string {
  const code = (error as NodeJS.ErrnoException)?.code
  const reason = code ? REASONS[code] : undefined
  return `${subject}: ${reason ?? (error as Error)?.message ?? String(error)}`
}

/** Whether `error` is a file system error (it has a code the system gave). */
export function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string'
}
