import { useState, type FormEvent } from 'react'
import { mergeWorkspaces } from '../../shared/workspace/mergeWorkspaces'
import { openLocalWorkspace } from '../workspace/openLocalWorkspace'
import { useBridge, useWorkspace } from '../workspace/WorkspaceContext'
import { useCollaboration } from './CollaborationContext'
import {
  decodeJoinCode,
  isValidServerUrl,
  isValidWorkspaceId,
  knownWorkspaces,
  LOCAL_WORKSPACE_ID,
  rememberAndSave,
  type ConnectionConfig,
} from './connectionConfig'
import { PRESENCE_COLOURS } from './identity'
import { HostSessionPanel } from './HostSessionPanel'

/** Switching workspace reopens the app on the new one: local data of each workspace stays on this device. */
function switchTo(config: ConnectionConfig) {
  rememberAndSave(config)
  window.location.reload()
}

/** "this device's own workspace" or "team-x on wss://…": which is which, in words. */
function describeWorkspace(config: ConnectionConfig): string {
  return config.serverUrl ? `${config.workspaceId} on ${config.serverUrl}` : 'this device’s own workspace'
}

/** Your name and colour for teammates, and which team server this workspace syncs with. */
export function TeamSyncSettings() {
  const { config, identity, setIdentity } = useCollaboration()
  const bridge = useBridge()
  const [name, setName] = useState(identity.name)
  const [joinCode, setJoinCode] = useState('')
  const [manual, setManual] = useState({ serverUrl: '', token: '', workspaceId: '' })
  const [error, setError] = useState<string | null>(null)
  // Joining asks first what becomes of the workspace on screen.
  const [pending, setPending] = useState<ConnectionConfig | null>(null)
  const workspace = useWorkspace()
  const others = knownWorkspaces().filter((entry) => entry.workspaceId !== config.workspaceId)

  const join = async (target: ConnectionConfig, bringAlong: boolean) => {
    if (bringAlong) {
      // Written into the team workspace's copy on this device; the first sync takes it to the team.
      const team = await openLocalWorkspace(target.workspaceId)
      await team.ledgerLoaded
      mergeWorkspaces({ governance: team.governance.doc, ledger: team.ledger.doc }, { governance: workspace.governance.doc, ledger: workspace.ledger.doc })
      await team.destroy()
    }
    switchTo(target)
  }

  const joinWithCode = (event: FormEvent) => {
    event.preventDefault()
    const decoded = decodeJoinCode(joinCode)
    if (!decoded) return setError('That join code is not valid. Ask the host to copy it again.')
    setError(null)
    setPending(decoded)
  }
  const joinManually = (event: FormEvent) => {
    event.preventDefault()
    if (!isValidServerUrl(manual.serverUrl.trim())) return setError('The server address must start with ws:// or wss://.')
    if (!manual.token.trim()) return setError('Enter the token the team server gave you.')
    if (!isValidWorkspaceId(manual.workspaceId.trim())) return setError('A workspace id uses letters, digits, dots, dashes and underscores.')
    setError(null)
    setPending({ serverUrl: manual.serverUrl.trim(), token: manual.token.trim(), workspaceId: manual.workspaceId.trim() })
  }

  return (
    <section className="settings-section" aria-labelledby="settings-team">
      <h2 id="settings-team">Team sync</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor="identity-name">Your name for teammates</label>
          <input id="identity-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} onBlur={() => name.trim() && setIdentity({ ...identity, name: name.trim() })} />
        </div>
        <fieldset className="field colour-picker">
          <legend>Your colour</legend>
          {PRESENCE_COLOURS.map((colour) => (
            <label key={colour} className="colour-option" style={{ background: colour }}>
              <input type="radio" name="identity-colour" value={colour} checked={identity.colour === colour} onChange={() => setIdentity({ ...identity, colour })} aria-label={`Colour ${colour}`} />
            </label>
          ))}
        </fieldset>
      </div>
      <p className="field-hint">Shown only to people in this workspace, only while you are here. Nothing is sent anywhere else.</p>

      {config.serverUrl ? (
        <div className="team-current">
          <p>
            This workspace, <strong>{config.workspaceId}</strong>, syncs with <code>{config.serverUrl}</code>.
          </p>
          <button type="button" onClick={() => switchTo({ workspaceId: LOCAL_WORKSPACE_ID, serverUrl: null, token: null })}>
            Leave and work locally
          </button>
        </div>
      ) : (
        <p>This workspace is kept on this device only. Join a team to co-edit portfolios, notes and reviews.</p>
      )}

      <form onSubmit={joinWithCode} aria-label="Join with a code" className="join-form">
        <div className="field">
          <label htmlFor="join-code">Join code</label>
          <input id="join-code" value={joinCode} onChange={(e) => setJoinCode(e.target.value)} placeholder="wf1.…" autoComplete="off" />
        </div>
        <button type="submit" className="primary">Join</button>
      </form>
      <details>
        <summary>Join a team server by address</summary>
        <form onSubmit={joinManually} aria-label="Join a team server" className="join-form">
          <div className="field">
            <label htmlFor="join-url">Server address</label>
            <input id="join-url" value={manual.serverUrl} onChange={(e) => setManual({ ...manual, serverUrl: e.target.value })} placeholder="wss://sync.example.com" />
          </div>
          <div className="field">
            <label htmlFor="join-workspace">Workspace id</label>
            <input id="join-workspace" value={manual.workspaceId} onChange={(e) => setManual({ ...manual, workspaceId: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="join-token">Token</label>
            <input id="join-token" type="password" value={manual.token} onChange={(e) => setManual({ ...manual, token: e.target.value })} autoComplete="off" />
          </div>
          <button type="submit" className="primary">Join</button>
        </form>
      </details>
      {error && <p className="field-error" role="alert">{error}</p>}
      {pending && <JoinChoice current={config} target={pending} onJoin={(bringAlong) => void join(pending, bringAlong)} onCancel={() => setPending(null)} />}
      {others.length > 0 && (
        <div className="workspace-switcher" data-testid="workspace-switcher">
          <h3>Your workspaces</h3>
          <p className="field-hint">Open now: {describeWorkspace(config)}. Each keeps its own data on this device.</p>
          <ul>
            {others.map((entry) => (
              <li key={entry.workspaceId}>
                {describeWorkspace(entry)}{' '}
                <button type="button" onClick={() => switchTo(entry)}>
                  Open
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <HostSessionPanel bridge={bridge} workspaceId={config.workspaceId} onHosted={switchTo} />
    </section>
  )
}

/** Before joining: bring this workspace into the team's, or keep it here as a separate workspace. */
function JoinChoice({ current, target, onJoin, onCancel }: { current: ConnectionConfig; target: ConnectionConfig; onJoin(bringAlong: boolean): void; onCancel(): void }) {
  const [bringAlong, setBringAlong] = useState(true)
  return (
    <fieldset className="join-choice" data-testid="join-choice">
      <legend>
        Join <strong>{describeWorkspace(target)}</strong>
      </legend>
      <p className="field-hint">The workspace open now is {describeWorkspace(current)}: its imports, portfolios, notes, reviews and price overrides.</p>
      <label>
        <input type="radio" name="join-mode" checked={bringAlong} onChange={() => setBringAlong(true)} /> Bring it into the team’s workspace: everything in it is
        added to the team’s, nothing of either is removed (where both set the same setting, one value is kept).
      </label>
      <label>
        <input type="radio" name="join-mode" checked={!bringAlong} onChange={() => setBringAlong(false)} /> Keep it separate: open the team’s workspace; this one
        stays on this device under “Your workspaces”, to switch back to at any time.
      </label>
      <div className="actions inline">
        <button type="button" className="primary" onClick={() => onJoin(bringAlong)}>
          {bringAlong ? 'Join and bring my workspace' : 'Join, keep mine separate'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  )
}
