import { Suspense, useEffect } from 'react'
import { VIEW_IDS, VIEW_LABELS, routeHref, type ViewId } from './navigation/routes'
import { navigate, useRoute } from './navigation/useRoute'
import { VIEWS, VIEWS_BEFORE_LEDGER } from './views'
import { requestFilePicker } from './views/Import/importRequests'
import { ConnectionIndicator } from './collaboration/ConnectionIndicator'
import { usePublishPresence } from './collaboration/CollaborationContext'
import { useBridge, useWorkspace } from './workspace/WorkspaceContext'
import { useLedgerLoaded } from './workspace/useLedgerLoaded'
import { useUndoShortcuts } from './workspace/useUndoShortcuts'

const reading = (
  <p className="muted" role="status" aria-busy="true">
    Reading the workspace…
  </p>
)

/** The app frame: navigation on the left, the current view on the right. */
export function App() {
  const route = useRoute()
  const bridge = useBridge()
  const workspace = useWorkspace()
  useUndoShortcuts(workspace.undoManager)
  usePublishPresence(route.view)
  const ledger = useLedgerLoaded(workspace)

  useEffect(
    () =>
      bridge.onMenuCommand((command) => {
        if (command === 'undo') workspace.undoManager.undo()
        else if (command === 'redo') workspace.undoManager.redo()
        else if (command === 'import') {
          // File > Import…: the Import view, with its file picker open.
          navigate('import')
          requestFilePicker()
        }
        else navigate(command.slice('navigate:'.length) as ViewId)
      }),
    [bridge, workspace],
  )

  const View = VIEWS[route.view]
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Workfolio</div>
        <ul>
          {VIEW_IDS.map((id) => (
            <li key={id}>
              <a href={routeHref(id)} aria-current={route.view === id ? 'page' : undefined}>
                {VIEW_LABELS[id]}
              </a>
            </li>
          ))}
        </ul>
        <div className="sidebar-footer">
          <ConnectionIndicator />
        </div>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {ledger.loaded || VIEWS_BEFORE_LEDGER.has(route.view) ? (
          <Suspense fallback={reading}>
            <View key={route.view} params={route.params} />
          </Suspense>
        ) : ledger.error ? (
          <p className="field-error" role="status">
            The workspace's ledger could not be read: {ledger.error}
          </p>
        ) : (
          reading
        )}
      </main>
    </div>
  )
}
