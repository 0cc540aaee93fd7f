import type { Extension, onUpgradePayload } from '@hocuspocus/server'
import type { Duplex } from 'node:stream'

/**
 * Refuses WebSocket upgrades beyond `maxConnections` open sockets (one socket carries both
 * documents of a workspace). Counting happens at the upgrade, before any message is read,
 * so a flood of connections never reaches the document layer.
 */
export class ConnectionLimitExtension implements Extension {
  extensionName = 'ConnectionLimit'

  private open = 0

  constructor(private readonly maxConnections: number) {}

  get openConnections(): number {
    return this.open
  }

  onUpgrade({ socket }: onUpgradePayload): Promise<void> {
    const raw = socket as Duplex
    if (this.open >= this.maxConnections) {
      raw.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      // Hocuspocus stops handling the upgrade quietly only when a hook rejects with no error
      // (Server.setupHttpUpgrade); an Error here would become an unhandled rejection.
      return Promise.reject()
    }
    this.open += 1
    raw.once('close', () => {
      this.open -= 1
    })
    return Promise.resolve()
  }
}
