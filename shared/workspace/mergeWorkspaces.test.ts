import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeCharge, makePortfolio } from '../../test/support/analysisFixtures'
import { createBatch } from '../batches/batch'
import { Governance } from './governance'
import { Ledger } from './ledger'
import { mergeWorkspaces } from './mergeWorkspaces'

function workspace(name: string, cost: string, clientID: number) {
  const doc = new Y.Doc()
  // Fixed client ids: concurrent values of one key resolve by client id, so both orders are tried.
  doc.clientID = clientID
  const governance = new Governance(doc)
  const ledger = new Ledger(new Y.Doc())
  governance.migrate()
  governance.ensurePseudonymSalt()
  governance.portfolios.put(makePortfolio({ id: `pf-${name}`, name }))
  governance.annotations.text(`run-${name}`).insert(0, `${name} shipped it`)
  const charge = makeCharge({ identity: name, cost })
  const batch = createBatch({ kind: 'charges', format: 'test', fileNames: [`${name}.csv`], records: [charge], totals: { USD: cost }, from: null, to: null, skipped: [], warnings: [], importedAt: '2026-08-15T00:00:00.000Z' })
  ledger.add(batch)
  return { governance, ledger, docs: { governance: governance.doc, ledger: ledger.doc } }
}

describe('mergeWorkspaces', () => {
  it.each([[1, 2], [2, 1]])('adds every record of the local workspace to the team’s, removes nothing, and keeps the team’s pseudonym salt (client ids %i, %i)', (teamId, localId) => {
    const team = workspace('team', '10', teamId)
    const local = workspace('local', '2.5', localId)
    const teamSalt = team.governance.settings.read().settings.pseudonymSalt
    team.governance.settings.set('fiscalYearStartMonth', 4)
    team.governance.settings.set('pricingOverrides', { 'claude-sonnet-4-6': { input_cost_per_token: 0.000003 } })
    local.governance.settings.set('pricingOverrides', { 'claude-sonnet-4-6': { input_cost_per_token: 1 }, 'in-house-model': { input_cost_per_token: 0.000001 } })
    mergeWorkspaces(team.docs, local.docs)
    expect(team.governance.portfolios.list().records.map((p) => p.id).sort()).toEqual(['pf-local', 'pf-team'])
    expect(team.governance.annotations.text('run-local').toString()).toBe('local shipped it')
    expect(team.ledger.list().records.map((b) => b.fileNames[0]).sort()).toEqual(['local.csv', 'team.csv'])
    // The team's settings stay; the local price override of a model the team has none for is added.
    const settings = team.governance.settings.read().settings
    expect(settings.pseudonymSalt).toBe(teamSalt)
    expect(settings.fiscalYearStartMonth).toBe(4)
    expect(settings.pricingOverrides).toEqual({ 'claude-sonnet-4-6': { input_cost_per_token: 0.000003 }, 'in-house-model': { input_cost_per_token: 0.000001 } })
    // The local workspace itself is untouched.
    expect(local.governance.portfolios.list().records.map((p) => p.id)).toEqual(['pf-local'])
  })
})
