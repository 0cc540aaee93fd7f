import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { makePortfolio } from '../../test/support/analysisFixtures'
import { Governance } from './governance'
import { LOCAL_EDIT } from './origins'
import { changePortfolio, createPortfolio, portfolioHistory } from './portfolioHistory'

const context = { by: 'p-alpha', at: '2026-10-20T09:00:00.000Z', effectiveFrom: '2026-Q4' }

describe('portfolio history', () => {
  it('keeps who, when, from which period, and only the fields that changed', () => {
    const governance = new Governance(new Y.Doc())
    governance.portfolios.put(makePortfolio({ id: 'web', status: 'pilot', owningTeam: 'Web team' }))
    const change = changePortfolio(governance, 'web', { status: 'scaling', owningTeam: 'Web team', description: 'Refactors with tests' }, context)!
    expect(change).toMatchObject({ portfolioId: 'web', by: 'p-alpha', at: context.at, effectiveFrom: '2026-Q4' })
    expect(change.before).toEqual({ status: 'pilot', description: '' })
    expect(change.after).toEqual({ status: 'scaling', description: 'Refactors with tests' })
    expect(governance.portfolios.get('web')).toMatchObject({ status: 'scaling', updatedAt: context.at })
    expect(portfolioHistory(governance.portfolioChanges.list().records, 'web')).toEqual([change])
  })

  it('records nothing when nothing changed', () => {
    const governance = new Governance(new Y.Doc())
    governance.portfolios.put(makePortfolio({ id: 'web' }))
    expect(changePortfolio(governance, 'web', { status: 'pilot' }, context)).toBeNull()
    expect(governance.portfolioChanges.list().records).toEqual([])
  })

  it('undo takes back the change and its history entry as one step', () => {
    const doc = new Y.Doc()
    const governance = new Governance(doc)
    governance.portfolios.put(makePortfolio({ id: 'web' }), 'setup')
    const undo = new Y.UndoManager([governance.portfolios.map, governance.portfolioChanges.map], { trackedOrigins: new Set([LOCAL_EDIT]) })
    createPortfolio(governance, makePortfolio({ id: 'split' }), context)
    undo.stopCapturing()
    changePortfolio(governance, 'web', { status: 'retired' }, context)
    undo.undo()
    expect(governance.portfolios.get('web')!.status).toBe('pilot')
    expect(governance.portfolioChanges.list().records.map((c) => c.portfolioId)).toEqual(['split'])
    undo.undo()
    expect(governance.portfolios.has('split')).toBe(false)
    expect(governance.portfolioChanges.list().records).toEqual([])
  })
})
