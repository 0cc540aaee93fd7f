import { expect, test } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { publishPresence, readPeers } from './presence'

test('presence says who edits which portfolio, and keeps a peer’s malformed fields out', () => {
  const awareness = new Awareness(new Y.Doc())
  publishPresence(awareness, { name: 'Ana', colour: '#2f5bd3' }, { view: 'portfolios', editing: 'Incident triage' })
  awareness.states.set(awareness.clientID + 1, { user: { name: 'Ben', colour: '#1e7a46' }, location: { view: 'portfolios', editing: 42, reviewStage: { evil: true } } })
  const [me, ben] = readPeers(awareness)
  expect(me).toMatchObject({ name: 'Ana', isSelf: true, location: { view: 'portfolios', editing: 'Incident triage' } })
  expect(ben.location).toEqual({ view: 'portfolios', editing: undefined, reviewStage: undefined })
})
