import { join } from 'node:path'
import type { HostedSessionInfo } from '../preload/api'
import { createHostSession, lanServerUrls } from '../../server/hostSession'
import { startSyncServer, type RunningSyncServer } from '../../server/syncServer'

/** The port teammates connect to; a fixed one is easier to allow through a firewall. */
export const HOST_PORT = 1234

/**
 * The team sync server hosted by the desktop app for a review meeting: the same module as the
 * standalone server, listening on the local network, with one token made for this session.
 */
export class SyncHost {
  private running: { server: RunningSyncServer; info: HostedSessionInfo } | null = null

  constructor(private readonly dataDir: string) {}

  async host(workspaceId: string): Promise<HostedSessionInfo> {
    if (this.running?.info.workspaceId === workspaceId) return this.running.info
    await this.stop()
    const session = createHostSession(workspaceId)
    const server = await startSyncServer({
      port: HOST_PORT,
      host: '0.0.0.0',
      dataDir: join(this.dataDir, 'hosted-sync'),
      tokens: session.tokens,
    }).catch(() =>
      // The usual port is taken (another app or session): let the system pick one.
      startSyncServer({ port: 0, host: '0.0.0.0', dataDir: join(this.dataDir, 'hosted-sync'), tokens: session.tokens }),
    )
    const info: HostedSessionInfo = {
      workspaceId,
      token: session.token,
      localServerUrl: `ws://127.0.0.1:${server.port}`,
      addresses: lanServerUrls(server.port).map((serverUrl) => ({ serverUrl, joinCode: session.joinCodeFor(serverUrl) })),
    }
    this.running = { server, info }
    return info
  }

  async stop(): Promise<void> {
    const running = this.running
    this.running = null
    await running?.server.close()
  }
}
