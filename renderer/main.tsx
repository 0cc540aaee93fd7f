import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { CollaborationProvider } from './collaboration/CollaborationContext'
import { loadConnectionConfig } from './collaboration/connectionConfig'
import { connectWorkspace } from './sync/connectWorkspace'
import { detectBridge } from './platform'
import { openLocalWorkspace } from './workspace/openLocalWorkspace'
import { AppProvider } from './workspace/WorkspaceContext'
import './styles.css'

async function start() {
  const root = createRoot(document.getElementById('root')!)
  try {
    const config = loadConnectionConfig()
    const [bridge, workspace] = [detectBridge(), await openLocalWorkspace(config.workspaceId)]
    // Local first: the workspace opened from this device; the team server, if any, syncs it.
    const connection =
      config.serverUrl && config.token
        ? connectWorkspace({
            url: config.serverUrl,
            token: config.token,
            workspaceId: config.workspaceId,
            governanceDoc: workspace.governance.doc,
            ledgerDoc: workspace.ledger.doc,
            ledgerLoaded: workspace.ledgerLoaded,
          })
        : null
    root.render(
      <StrictMode>
        <AppProvider workspace={workspace} bridge={bridge}>
          <CollaborationProvider config={config} connection={connection}>
            <App />
          </CollaborationProvider>
        </AppProvider>
      </StrictMode>,
    )
  } catch (error) {
    root.render(
      <div className="fatal" role="alert">
        <h1>Workfolio could not open its local workspace</h1>
        <p>{(error as Error).message}</p>
      </div>,
    )
  }
}

void start()
