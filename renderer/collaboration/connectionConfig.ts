import { isValidWorkspaceId } from '../../shared/sync/joinCode'

export { decodeJoinCode, encodeJoinCode, isValidServerUrl, isValidWorkspaceId } from '../../shared/sync/joinCode'

/** Which workspace this device opens, and the team server it syncs with (if any). */
export interface ConnectionConfig {
  workspaceId: string
  /** ws:// or wss:// address of the team server; null works locally only. */
  serverUrl: string | null
  token: string | null
}

export const LOCAL_WORKSPACE_ID = 'local'
const STORAGE_KEY = 'workfolio:connection'

export function loadConnectionConfig(storage: Storage = localStorage): ConnectionConfig {
  try {
    const stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Partial<ConnectionConfig> | null
    if (stored && typeof stored.workspaceId === 'string' && isValidWorkspaceId(stored.workspaceId)) {
      return {
        workspaceId: stored.workspaceId,
        serverUrl: typeof stored.serverUrl === 'string' ? stored.serverUrl : null,
        token: typeof stored.token === 'string' ? stored.token : null,
      }
    }
  } catch {
    // Fall through to the local workspace.
  }
  return { workspaceId: LOCAL_WORKSPACE_ID, serverUrl: null, token: null }
}

export function saveConnectionConfig(config: ConnectionConfig, storage: Storage = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(config))
}
