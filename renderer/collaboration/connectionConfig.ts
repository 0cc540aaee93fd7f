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

const KNOWN_KEY = 'workfolio:workspaces'

/** Every workspace this device has opened, this device's own local one first: a person can switch between them. */
export function knownWorkspaces(storage: Storage = localStorage): ConnectionConfig[] {
  let stored: unknown
  try {
    stored = JSON.parse(storage.getItem(KNOWN_KEY) ?? '[]')
  } catch {
    stored = []
  }
  const valid = (Array.isArray(stored) ? stored : []).filter(
    (entry): entry is ConnectionConfig => !!entry && typeof entry.workspaceId === 'string' && isValidWorkspaceId(entry.workspaceId) && entry.workspaceId !== LOCAL_WORKSPACE_ID,
  )
  const current = loadConnectionConfig(storage)
  const all = [{ workspaceId: LOCAL_WORKSPACE_ID, serverUrl: null, token: null }, ...valid]
  if (!all.some((entry) => entry.workspaceId === current.workspaceId)) all.push(current)
  return all.map((entry) => ({ workspaceId: entry.workspaceId, serverUrl: typeof entry.serverUrl === 'string' ? entry.serverUrl : null, token: typeof entry.token === 'string' ? entry.token : null }))
}

/** Opens `config` from now on, and keeps it in the list of this device's workspaces. */
export function rememberAndSave(config: ConnectionConfig, storage: Storage = localStorage): void {
  const others = knownWorkspaces(storage).filter((entry) => entry.workspaceId !== config.workspaceId && entry.workspaceId !== LOCAL_WORKSPACE_ID)
  storage.setItem(KNOWN_KEY, JSON.stringify(config.workspaceId === LOCAL_WORKSPACE_ID ? others : [...others, config]))
  saveConnectionConfig(config, storage)
}
