import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { buildGovernanceV1 } from '../../test/fixtures/workspace/governance.v1'
import { definitionsInForce } from '../analysis/definitionsInForce'
import { parsePeriod } from '../analysis/periods'
import { Governance } from './governance'
import { CURRENT_SCHEMA_VERSION, readSchemaVersion } from './migrations'

describe('governance migrations', () => {
  test('a hand-written v1 document migrates to the current schema without losing anything', () => {
    const doc = buildGovernanceV1()
    expect(readSchemaVersion(doc)).toBe(1)
    const governance = new Governance(doc)

    expect(governance.migrate()).toEqual({ from: 1, to: CURRENT_SCHEMA_VERSION })
    expect(governance.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)

    const { records, problems } = governance.portfolios.list()
    expect(problems).toEqual([])
    const refactor = records.find((p) => p.id === 'pf-refactor')!
    expect(refactor.envelope).toEqual({ amount: '4500.50', currency: 'USD', period: 'quarter', rollover: false })
    expect(refactor.outcomeTags).toEqual(['rework', 'defects'])
    expect(refactor.owningTeam).toBe('Platform team')
    expect(refactor.createdAt).toBe('2026-01-05T10:00:00.000Z')
    // A field the migration does not know is carried over, not dropped.
    expect((refactor as Record<string, unknown>).colour).toBe('teal')
    expect(records.find((p) => p.id === 'pf-incidents')!.envelope.amount).toBe('1200.00')
  })

  test('migrating twice is a no-op, and the migration reaches other replicas as one update', () => {
    const doc = buildGovernanceV1()
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc))
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))

    new Governance(doc).migrate()
    expect(new Governance(doc).migrate()).toEqual({ from: CURRENT_SCHEMA_VERSION, to: CURRENT_SCHEMA_VERSION })
    expect(updates).toHaveLength(1)

    Y.applyUpdate(replica, updates[0])
    expect(new Governance(replica).portfolios.get('pf-refactor')?.envelope.amount).toBe('4500.50')
  })

  test('a new empty document is stamped with the current version', () => {
    const governance = new Governance(new Y.Doc())
    expect(governance.migrate()).toEqual({ from: CURRENT_SCHEMA_VERSION, to: CURRENT_SCHEMA_VERSION })
    expect(governance.doc.getMap('meta').get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION)
  })

  test('a document from a newer version is left alone', () => {
    const doc = new Y.Doc()
    doc.getMap('meta').set('schemaVersion', CURRENT_SCHEMA_VERSION + 5)
    expect(new Governance(doc).migrate()).toEqual({ from: CURRENT_SCHEMA_VERSION + 5, to: CURRENT_SCHEMA_VERSION + 5 })
  })
})

describe('documents from before definition history and review snapshots', () => {
  test('load as they are: no history (today\'s definitions read every period), reviews without snapshot', () => {
    const doc = buildGovernanceV1()
    const governance = new Governance(doc)
    governance.migrate()
    // A review as the previous version wrote it: decisions without stage, merge or split fields.
    governance.reviews.map.set('rv-old', new Y.Map(Object.entries({
      id: 'rv-old', period: '2026-Q1', stage: 'summary', status: 'closed', facilitator: 'p-a', moveOnRequests: [],
      decisions: [{ portfolioId: 'pf-refactor', decision: 'grow', nextEnvelope: { amount: '5000', currency: 'USD' }, note: '' }],
      recipeDecisions: [], votes: {}, voteBudget: 3, notes: '', startedAt: '2026-04-01T00:00:00.000Z', closedAt: '2026-04-02T00:00:00.000Z',
    })))
    expect(governance.problems()).toEqual([])
    expect(governance.portfolioChanges.list().records).toEqual([])
    const old = governance.reviews.get('rv-old')!
    expect(old.snapshot).toBeUndefined()
    expect(old.decisions[0].mergeInto).toBeUndefined()
    const portfolios = governance.portfolios.list().records
    expect(definitionsInForce(portfolios, [], parsePeriod('2025-Q1', 1), 1)).toEqual(portfolios)
  })
})
