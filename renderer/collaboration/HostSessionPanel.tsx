import { useState } from 'react'
import type { Bridge, HostedSession } from '../platform/bridge'
import type { ConnectionConfig } from './connectionConfig'

interface Props {
  bridge: Bridge
  workspaceId: string
  onHosted(config: ConnectionConfig): void
}

/**
 * "Host a session on this network": the desktop app runs the team server itself for a review
 * meeting and shows the join codes teammates on the same network paste.
 */
export function HostSessionPanel({ bridge, workspaceId, onHosted }: Props) {
  const [session, setSession] = useState<HostedSession | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (!bridge.hostSession) {
    return (
      <p className="field-hint">
        Hosting a session on your network needs the desktop app. A team can also run the standalone server (<code>npm run server</code>, see the README).
      </p>
    )
  }
  const host = async () => {
    setBusy(true)
    setError(null)
    try {
      setSession(await bridge.hostSession!(workspaceId))
    } catch (reason) {
      setError(`Could not start the session: ${(reason as Error).message}`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="host-session">
      {!session ? (
        <button type="button" onClick={host} disabled={busy}>
          {busy ? 'Starting…' : 'Host a session on this network'}
        </button>
      ) : (
        <div role="status">
          <p>Hosting workspace <strong>{session.workspaceId}</strong>. Teammates on your network join with one of these codes (it holds the access token: share it like a password):</p>
          <ul>
            {session.addresses.map((address) => (
              <li key={address.serverUrl}>
                <code>{address.serverUrl}</code> <input readOnly value={address.joinCode} aria-label={`Join code for ${address.serverUrl}`} onFocus={(e) => e.target.select()} />
              </li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={() => onHosted({ workspaceId: session.workspaceId, serverUrl: session.localServerUrl, token: session.token })}>
            Sync this workspace through it
          </button>
        </div>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  )
}
