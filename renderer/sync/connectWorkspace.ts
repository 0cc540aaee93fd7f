import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'

/**
 * - offline: no connection (never connected, server unreachable, or between reconnects);
 * - connecting: connected, documents not yet exchanged;
 * - synced: both documents exchanged with the server (local edits may still be in flight);
 * - denied: the server refused the token for this workspace; reconnecting will not help.
 */
export type SyncStatus = 'offline' | 'connecting' | 'synced' | 'denied'

export interface ConnectWorkspaceOptions {
  /** ws:// or wss:// address of the team server. */
  url: string
  token: string
  workspaceId: string
  /** The governance document, named `<workspace id>` on the server. */
  governanceDoc: Y.Doc
  /** The ledger document, named `<workspace id>/ledger` on the server. */
  ledgerDoc: Y.Doc
  /**
   * Resolves once the ledger has loaded what this device stores (openLocalWorkspace): synced only
   * then, or the server would send back, and this device store again, what it has not read yet.
   */
  ledgerLoaded?: Promise<void>
  /** Only outside a browser (Node tests): a WebSocket implementation such as the `ws` package. */
  WebSocketPolyfill?: unknown
}

export interface WorkspaceConnection {
  status(): SyncStatus
  /** Calls `listener` on every status change; returns the unsubscribe function (fits useSyncExternalStore). */
  subscribe(listener: (status: SyncStatus) => void): () => void
  /** Presence of the people in this workspace, carried by the governance document. */
  readonly awareness: Awareness
  /** True once the server has said this token may only read. */
  readOnly(): boolean
  /** Disconnects for good; the documents stay usable locally. */
  destroy(): void
}

/** One WebSocket to the team server carrying both documents of a workspace. */
export function connectWorkspace(options: ConnectWorkspaceOptions): WorkspaceConnection {
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  })
  const open = (name: string, document: Y.Doc, withAwareness: boolean) => {
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      document,
      token: options.token,
      // One awareness per socket is enough to keep it alive; presence belongs to governance.
      ...(withAwareness ? {} : { awareness: null }),
    })
    // With a shared socket, a provider does nothing until attached (provider v3).
    provider.attach()
    return provider
  }
  const governance = open(options.workspaceId, options.governanceDoc, true)
  /** Opened once the window's ledger has loaded. */
  let ledger: HocuspocusProvider | null = null
  let destroyed = false

  const denied = new Set<HocuspocusProvider>()
  const listeners = new Set<(status: SyncStatus) => void>()
  const compute = (): SyncStatus => {
    if (denied.size > 0) return 'denied'
    if (socket.status !== WebSocketStatus.Connected) return 'offline'
    return governance.isSynced && ledger?.isSynced ? 'synced' : 'connecting'
  }
  let current = compute()
  const update = () => {
    const next = compute()
    if (next === current) return
    current = next
    listeners.forEach((listener) => listener(next))
  }

  const listen = (provider: HocuspocusProvider) => {
    provider.on('synced', update)
    provider.on('authenticated', () => {
      denied.delete(provider)
      update()
    })
    provider.on('authenticationFailed', () => {
      denied.add(provider)
      update()
    })
  }
  socket.on('status', update)
  listen(governance)
  const openLedger = () => {
    if (destroyed) return
    ledger = open(`${options.workspaceId}/ledger`, options.ledgerDoc, false)
    listen(ledger)
    update()
  }
  // A ledger that could not be loaded is not synced: the window says why (App.tsx).
  if (options.ledgerLoaded) options.ledgerLoaded.then(openLedger, () => undefined)
  else openLedger()

  return {
    status: () => current,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    awareness: governance.awareness!,
    readOnly: () => governance.authorizedScope === 'readonly',
    destroy() {
      destroyed = true
      listeners.clear()
      governance.destroy()
      ledger?.destroy()
      socket.destroy()
    },
  }
}
