import { afterEach, expect, test } from 'vitest'
import { makeCharge } from '../../test/support/analysisFixtures'
import { importRecords } from '../test/portfolioTestData'
import { openLocalWorkspace, type Workspace } from './openLocalWorkspace'

const opened: Workspace[] = []
afterEach(async () => {
  for (const workspace of opened.splice(0)) await workspace.destroy()
})

async function open(id: string, loadLedgerAfter?: Promise<unknown>): Promise<Workspace> {
  const workspace = await openLocalWorkspace(id, loadLedgerAfter)
  opened.push(workspace)
  return workspace
}

test('a workspace opens with its governance loaded, and loads its ledger once it is told it may', async () => {
  const first = await open('open-ledger-after')
  first.governance.settings.set('fiscalYearStartMonth', 4)
  importRecords(first, [], [makeCharge({ identity: 'inv-1', cost: '12' })])
  const stored = first.ledger.list().records.map((meta) => meta.id)
  expect(stored).toHaveLength(1)
  await first.ledgerLoaded

  let mayLoad!: () => void
  const second = await open('open-ledger-after', new Promise<void>((resolve) => (mayLoad = resolve)))
  expect(second.governance.settings.read().settings.fiscalYearStartMonth).toBe(4)
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(second.ledger.list().records).toEqual([])
  mayLoad()
  await second.ledgerLoaded
  expect(second.ledger.list().records.map((meta) => meta.id)).toEqual(stored)
})
