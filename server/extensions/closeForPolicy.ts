import type { WebSocket } from 'ws'

/** WebSocket close code for "the peer broke the server's rules" (RFC 6455 §7.4.1). */
export const POLICY_VIOLATION_CLOSE_CODE = 1008

/**
 * How long a closed peer has to read the close frame before its socket is destroyed. A peer
 * that never answers the close handshake would otherwise hold the socket for ws's 30 s.
 */
const CLOSE_GRACE_MS = 1000

/**
 * Closes a connection that broke a limit: stops reading from it at once (so nothing more it
 * sends is buffered), tells it why, and destroys the socket shortly after.
 */
export function closeForPolicy(socket: WebSocket, reason: string): void {
  if (socket.readyState !== socket.OPEN) return
  console.warn(`closing a connection: ${reason}`)
  socket.pause()
  socket.close(POLICY_VIOLATION_CLOSE_CODE, reason)
  setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref()
}
