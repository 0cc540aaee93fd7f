import { fireEvent, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderWithWorkspace } from '../../test/renderWithWorkspace'
import { RepoAliasSettings } from './RepoAliasSettings'

test('a repository alias is stored in the shared document, listed, and removable; the same name twice is explained', () => {
  const { workspace } = renderWithWorkspace(<RepoAliasSettings />)
  fireEvent.change(screen.getByLabelText('Alias'), { target: { value: 'Sensor_ETL' } })
  fireEvent.change(screen.getByLabelText('is the repository'), { target: { value: 'sensor-etl' } })
  fireEvent.click(screen.getByRole('button', { name: 'Add alias' }))
  expect(workspace.governance.repoAliases.list().records).toEqual([{ id: 'sensor_etl', repo: 'sensor-etl' }])
  expect(screen.getByRole('list', { name: 'Repository aliases' }).textContent).toContain('sensor_etl is sensor-etl')

  fireEvent.change(screen.getByLabelText('Alias'), { target: { value: 'API' } })
  fireEvent.change(screen.getByLabelText('is the repository'), { target: { value: 'api' } })
  fireEvent.click(screen.getByRole('button', { name: 'Add alias' }))
  expect(screen.getByRole('alert').textContent).toContain('already the same name')

  fireEvent.click(screen.getByRole('button', { name: 'Remove the alias sensor_etl' }))
  expect(workspace.governance.repoAliases.list().records).toEqual([])
})
