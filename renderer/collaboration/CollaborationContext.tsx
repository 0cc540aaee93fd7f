import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { SyncStatus, WorkspaceConnection } from '../sync/connectWorkspace'
import type { ConnectionConfig } from './connectionConfig'
import { loadIdentity, saveIdentity, type Identity } from './identity'
import { publishPresence, readPeers, type Peer, type PresenceLocation } from './presence'

interface CollaborationValue {
  config: ConnectionConfig
  connection: WorkspaceConnection | null
  identity: Identity
  setIdentity(identity: Identity): void
  /** The review stage this person is looking at, published with their presence. */
  reviewStage: string | undefined
  setReviewStage(stage: string | undefined): void
  /** The portfolio whose definition this person is editing, published with their presence. */
  editing: string | undefined
  setEditing(portfolioName: string | undefined): void
}

const CollaborationContext = createContext<CollaborationValue | null>(null)

export function CollaborationProvider({ config, connection, children }: { config: ConnectionConfig; connection: WorkspaceConnection | null; children: ReactNode }) {
  const [identity, setIdentityState] = useState(loadIdentity)
  const [reviewStage, setReviewStage] = useState<string | undefined>()
  const [editing, setEditing] = useState<string | undefined>()
  const setIdentity = (next: Identity) => {
    saveIdentity(next)
    setIdentityState(next)
  }
  return <CollaborationContext.Provider value={{ config, connection, identity, setIdentity, reviewStage, setReviewStage, editing, setEditing }}>{children}</CollaborationContext.Provider>
}

const LOCAL_ONLY: CollaborationValue = {
  config: { workspaceId: 'local', serverUrl: null, token: null },
  connection: null,
  identity: { name: 'You', colour: '#2f5bd3' },
  setIdentity: () => undefined,
  reviewStage: undefined,
  setReviewStage: () => undefined,
  editing: undefined,
  setEditing: () => undefined,
}

/** Views rendered without a provider (component tests) behave as a local-only workspace. */
export function useCollaboration(): CollaborationValue {
  return useContext(CollaborationContext) ?? LOCAL_ONLY
}

export function useSyncStatus(): SyncStatus | 'local' {
  const { connection } = useCollaboration()
  return useSyncExternalStore(
    (listener) => connection?.subscribe(listener) ?? (() => undefined),
    () => connection?.status() ?? 'local',
  )
}

/** Everyone here now; re-reads when anyone's presence changes. */
export function usePeers(): Peer[] {
  const { connection } = useCollaboration()
  const [peers, setPeers] = useState<Peer[]>(() => (connection ? readPeers(connection.awareness) : []))
  useEffect(() => {
    if (!connection) return
    const update = () => setPeers(readPeers(connection.awareness))
    connection.awareness.on('change', update)
    update()
    return () => connection.awareness.off('change', update)
  }, [connection])
  return peers
}

/** Tells teammates which view (and review stage) this person is on; the app frame calls it. */
export function usePublishPresence(view: PresenceLocation['view']): void {
  const { connection, identity, reviewStage, editing } = useCollaboration()
  useEffect(() => {
    if (connection) publishPresence(connection.awareness, identity, view === 'review' ? { view, reviewStage } : view === 'portfolios' && editing ? { view, editing } : { view })
  }, [connection, identity, view, reviewStage, editing])
}

/** The portfolio definition form reports which portfolio is open, so teammates see who edits what. */
export function useReportEditing(portfolioName: string | undefined): void {
  const { setEditing } = useCollaboration()
  useEffect(() => {
    setEditing(portfolioName)
    return () => setEditing(undefined)
  }, [portfolioName, setEditing])
}

/** The review view reports the stage on screen, so teammates see who is where in the meeting. */
export function useReportReviewStage(stage: string | undefined): void {
  const { setReviewStage } = useCollaboration()
  useEffect(() => {
    setReviewStage(stage)
    return () => setReviewStage(undefined)
  }, [stage, setReviewStage])
}
