import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { detectBridge } from './platform'
import { openLocalWorkspace } from './workspace/openLocalWorkspace'
import { AppProvider } from './workspace/WorkspaceContext'
import './styles.css'

const LOCAL_WORKSPACE_ID = 'local'

async function start() {
  const root = createRoot(document.getElementById('root')!)
  try {
    const [bridge, workspace] = [detectBridge(), await openLocalWorkspace(LOCAL_WORKSPACE_ID)]
    root.render(
      <StrictMode>
        <AppProvider workspace={workspace} bridge={bridge}>
          <App />
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
