/** How long a server starting beside another retries the database's set-up while it is locked. */
const LOCKED_RETRY_MS = 10_000
const pause = new Int32Array(new SharedArrayBuffer(4))

/**
 * Runs `step` (a statement of the database's set-up), again after a short pause while another
 * process sharing the file holds a lock, for up to `retryMs`. SQLite's busy timeout does not
 * cover every such case: two processes opening a new file at once (scaling out), one switching
 * it to WAL while the other creates its table, can each hold a lock the other waits for, and
 * SQLite then answers one of them "database is locked" at once instead of waiting; that
 * process exited before listening. Any other error is thrown as it is.
 */
export function untilUnlocked<T>(step: () => T, retryMs = LOCKED_RETRY_MS): T {
  const deadline = Date.now() + retryMs
  for (;;) {
    try {
      return step()
    } catch (error) {
      if (!isLocked(error) || Date.now() >= deadline) throw error
      // Blocking is right here: nothing else runs while the server sets its database up.
      Atomics.wait(pause, 0, 0, 10 + Math.random() * 40)
    }
  }
}

function isLocked(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
}
