import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, expect, test, vi } from 'vitest'
import opsgenieCsv from '../../../test/fixtures/outcomes/opsgenie-incidents.csv?raw'
import { readLedgerOutcomes } from '../../../shared/workspace/outcomeLedger'
import type { PickedFile } from '../../platform/bridge'
import { pickedText } from '../../test/pickedFiles'
import { createFakeBridge, createMemoryWorkspace, renderWithWorkspace } from '../../test/renderWithWorkspace'
import { createInProcessEngine } from './importEngine'
import { ImportView } from './ImportView'

beforeEach(() => {
  window.location.hash = '#/import'
})


function setup(files: PickedFile[][]) {
  const queue = [...files]
  const bridge = createFakeBridge({ openFiles: vi.fn(async () => queue.shift() ?? []) })
  const workspace = createMemoryWorkspace()
  renderWithWorkspace(<ImportView params={[]} engine={createInProcessEngine()} />, workspace, bridge)
  return workspace
}

const chooseFiles = () => fireEvent.click(screen.getByRole('button', { name: /Drop billing exports/ }))

test('an unknown CSV mapped as incidents shows the first incidents, imports them as one batch, and the next such file needs no mapping', async () => {
  const later = opsgenieCsv.replace(/^118,/m, '130,')
  const workspace = setup([[pickedText('opsgenie-feb.csv', opsgenieCsv)], [pickedText('opsgenie-mar.csv', later)]])
  chooseFiles()
  await screen.findByRole('heading', { name: 'Map the columns of opsgenie-feb.csv' })
  fireEvent.change(screen.getByLabelText('The file holds'), { target: { value: 'incidents' } })
  expect(screen.queryByLabelText('Amount column')).toBeNull()

  fireEvent.change(screen.getByLabelText('Incident id column'), { target: { value: 'TinyId' } })
  fireEvent.change(screen.getByLabelText('Title column'), { target: { value: 'Message' } })
  fireEvent.change(screen.getByLabelText('Service or repository column'), { target: { value: 'Impacted Services' } })
  fireEvent.change(screen.getByLabelText('Created column'), { target: { value: 'CreatedAt' } })
  fireEvent.change(screen.getByLabelText('Resolved column'), { target: { value: 'ResolvedAt' } })
  // Suggested from the header: the acknowledged column.
  expect((screen.getByLabelText('Acknowledged column') as HTMLSelectElement).value).toBe('AcknowledgedAt')
  fireEvent.change(screen.getByLabelText('Date format'), { target: { value: 'MM/DD/YYYY' } })
  expect(screen.queryByTestId('incident-preview')).toBeNull()
  fireEvent.change(screen.getByLabelText('Incident tool'), { target: { value: 'Opsgenie' } })
  fireEvent.change(screen.getByLabelText('Profile name'), { target: { value: 'Opsgenie incidents' } })

  const preview = await screen.findByTestId('incident-preview')
  const rows = within(preview).getAllByTestId('incident-preview-row')
  expect(rows).toHaveLength(3)
  expect(rows[0].textContent).toContain('opsgenie:118')
  expect(rows[0].textContent).toContain('billing-service')
  expect(rows[0].textContent).toContain('2026-02-03T14:05:00.000Z')

  fireEvent.click(screen.getByRole('button', { name: 'Save profile and import incidents' }))
  await screen.findByText('Imported opsgenie-feb.csv: 3 incidents.')
  const [profile] = workspace.governance.importProfiles.list().records
  expect(profile).toMatchObject({ target: 'incidents', name: 'Opsgenie incidents', provider: 'Opsgenie', dateFormat: 'MM/DD/YYYY', mapping: expect.objectContaining({ id: 'TinyId', created: 'CreatedAt' }) })
  const [batch] = workspace.ledger.list().records
  expect(batch).toMatchObject({ kind: 'incidents', format: `custom:${profile.id}`, records: 3 })
  expect(readLedgerOutcomes(workspace.ledger).incidents.find((incident) => incident.id === 'opsgenie:118')).toMatchObject({ resolvedAt: '2026-02-03T15:40:00.000Z', acknowledgedAt: '2026-02-03T14:09:30.000Z' })

  // The team's next file with these columns is imported as incidents straight away.
  chooseFiles()
  await screen.findByText('Imported opsgenie-mar.csv: 3 incidents.')
  expect(screen.queryByRole('heading', { name: /Map the columns/ })).toBeNull()
  await waitFor(() => expect(workspace.ledger.list().records).toHaveLength(2))
})
