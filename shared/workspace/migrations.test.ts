import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { buildGovernanceV1 } from '../../test/fixtures/workspace/governance.v1'
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
