import { useEffect, useMemo, useState } from 'react'
import { useCollaboration, usePeers } from '../../collaboration/CollaborationContext'
import type { Peer } from '../../collaboration/presence'

const FIELD = 'reviewParticipant'
const PARTICIPANT_ID = /^p-[a-z0-9]{6,32}$/

/**
 * Who is here now, by review participant id. Each device adds its participant id to its live
 * presence (Yjs awareness, never stored) while a review is open, so a stored id can be shown
 * with the name the person picked — only while they are here.
 */
export function useReviewPeers(me: string): Map<string, Peer> {
  const { connection } = useCollaboration()
  const peers = usePeers()
  const [ids, setIds] = useState<Map<number, string>>(new Map())

  useEffect(() => {
    if (!connection) return
    const { awareness } = connection
    awareness.setLocalStateField(FIELD, me)
    const read = () => {
      const next = new Map<number, string>()
      for (const [clientId, state] of awareness.getStates()) {
        const id = (state as Record<string, unknown>)[FIELD]
        if (typeof id === 'string' && PARTICIPANT_ID.test(id)) next.set(clientId, id)
      }
      setIds(next)
    }
    read()
    awareness.on('change', read)
    return () => {
      awareness.off('change', read)
      awareness.setLocalStateField(FIELD, null)
    }
  }, [connection, me])

  return useMemo(() => {
    const byParticipant = new Map<string, Peer>()
    for (const peer of peers) {
      const id = ids.get(peer.clientId)
      if (id && !byParticipant.has(id)) byParticipant.set(id, peer)
    }
    return byParticipant
  }, [peers, ids])
}
