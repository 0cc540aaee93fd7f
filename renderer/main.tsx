import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { CollaborationProvider } from './collaboration/CollaborationContext'
import { loadConnectionConfig } from './collaboration/connectionConfig'
import { detectBridge } from './platform'
import { openLocalWorkspace } from './workspace/openLocalWorkspace'
import { AppProvider } from './workspace/WorkspaceContext'
import { analysisServiceFor } from './workspace/analysis/analysisService'
import { indexedDbAnswerStore } from './workspace/analysis/answerStore'
import { utf8InScript } from '../shared/bytes/utf8Writer'
import { installUtf8Writer } from '../shared/hash/murmur3'
import './styles.css'

async function start() {
  installUtf8Writer(utf8InScript)
  const root = createRoot(document.getElementById('root')!)
  try {
    const config = loadConnectionConfig()
    // Opened beside the workspace's stores: a new window's Overview looks the answer kept for them up there.
    const keptAnswers = indexedDbAnswerStore()
    let letLedgerLoad!: () => void
    const ledgerMayLoad = new Promise<void>((resolve) => (letLedgerLoad = resolve))
    const [bridge, workspace] = [detectBridge(), await openLocalWorkspace(config.workspaceId, ledgerMayLoad)]
    // The analysis worker starts with the workspace, before the first view asks it anything, so the
    // Overview is computed (or its kept answer looked up) while the window draws.
    const analysis = analysisServiceFor(workspace, keptAnswers)
    // Local first: the workspace opened from this device; the team server, if any, syncs it.
    const connection =
      config.serverUrl && config.token
        ? (await import('./sync/connectWorkspace')).connectWorkspace({
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
    // The ledger (up to a few hundred megabytes) loads once the first view is drawn and has looked
    // up the answer kept for it: reading the ledger meanwhile slowed that down.
    void afterNextFrame(500)
      .then(() => analysis?.keptAnswersLookedUp())
      .then(letLedgerLoad)
  } catch (error) {
    root.render(
      <div className="fatal" role="alert">
        <h1>Workfolio could not open its local workspace</h1>
        <p>{(error as Error).message}</p>
      </div>,
    )
  }
}

/** After the window's next frame is drawn, or `ms` later at most (a hidden window draws none). */
function afterNextFrame(ms: number): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve))
    setTimeout(resolve, ms)
  })
}

void start()
