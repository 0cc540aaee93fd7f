import { VIEW_LABELS, type ViewId } from '../navigation/routes'
import { useCollaboration, usePeers, useSyncStatus } from './CollaborationContext'

const STATUS_TEXT = {
  local: 'Local only',
  offline: 'Offline — edits are kept and sync when back',
  connecting: 'Connecting…',
  synced: 'Synced',
  denied: 'The server refused this workspace’s token',
} as const

/** The sidebar's sync state and who else is here (names and colours they picked, and where they are). */
export function ConnectionIndicator() {
  const status = useSyncStatus()
  const peers = usePeers()
  const { config } = useCollaboration()
  const others = peers.filter((peer) => !peer.isSelf)
  return (
    <div className="connection" aria-live="polite">
      <div className={`connection-status status-${status}`} data-testid="sync-status" data-status={status}>
        <span className="connection-dot" aria-hidden="true" />
        {STATUS_TEXT[status]}
      </div>
      {config.serverUrl && <div className="connection-workspace">Workspace: {config.workspaceId}</div>}
      {status !== 'local' && (
        <div className="connection-people" data-testid="people-here">
          {peers.length} {peers.length === 1 ? 'person' : 'people'} here
        </div>
      )}
      {others.length > 0 && (
        <ul className="presence-list" aria-label="People here">
          {others.map((peer) => (
            <li key={peer.clientId} data-testid="presence-peer">
              <span className="presence-swatch" style={{ background: peer.colour }} aria-hidden="true" />
              {peer.name}
              {peer.location && (
                <span className="presence-location">
                  {' '}· {VIEW_LABELS[peer.location.view as ViewId] ?? peer.location.view}
                  {peer.location.reviewStage ? ` (${peer.location.reviewStage})` : ''}
                  {peer.location.editing ? ` (editing “${peer.location.editing}”)` : ''}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
