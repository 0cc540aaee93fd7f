import { fireEvent, screen, waitFor } from '@testing-library/react'
import { expect, test } from 'vitest'
import { DEFAULT_STEP_RULES } from '../../../shared/steps/defaultStepRules'
import type { PickedFile } from '../../platform/bridge'
import { createFakeBridge, createMemoryWorkspace, renderWithWorkspace } from '../../test/renderWithWorkspace'
import { SettingsView } from './SettingsView'

function pickedJson(name: string, value: unknown): PickedFile {
  const bytes = new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))
  return { name, relativePath: name, size: bytes.length, stream: async function* () { yield bytes } }
}

const LITELLM = {
  sample_spec: { input_cost_per_token: 'the input cost', max_tokens: 'set to max_output_tokens' },
  'claude-sonnet-4-6': { input_cost_per_token: 3e-6, output_cost_per_token: 1.5e-5, litellm_provider: 'anthropic', max_input_tokens: 200000, mode: 'chat' },
  'whisper-1': { mode: 'audio_transcription', output_cost_per_second: 0.0001 },
}

test('a LiteLLM price file is stored compactly in the workspace; a wrong file is explained', async () => {
  const files = [pickedJson('not-prices.json', { hello: 'world' }), pickedJson('model_prices_and_context_window.json', LITELLM)]
  const bridge = createFakeBridge({ openFiles: async () => [files.shift()!] })
  const { workspace } = renderWithWorkspace(<SettingsView />, createMemoryWorkspace(), bridge)

  fireEvent.click(screen.getByRole('button', { name: 'Load a LiteLLM price file…' }))
  await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/no model with an input_cost_per_token/))
  expect(workspace.governance.settings.read().settings.pricingTable).toBeNull()

  fireEvent.click(screen.getByRole('button', { name: 'Load a LiteLLM price file…' }))
  await waitFor(() => expect(screen.getByText('Loaded 1 priced model from model_prices_and_context_window.json.')).toBeTruthy())
  expect(workspace.governance.settings.read().settings.pricingTable).toEqual({
    'claude-sonnet-4-6': { input_cost_per_token: 3e-6, output_cost_per_token: 1.5e-5, litellm_provider: 'anthropic' },
  })
})

test('a price override is entered per million tokens and stored per token', () => {
  const { workspace } = renderWithWorkspace(<SettingsView />)
  fireEvent.change(screen.getByLabelText('Model'), { target: { value: 'internal-coder-1' } })
  fireEvent.change(screen.getByLabelText('Input $/M'), { target: { value: '2.5' } })
  fireEvent.change(screen.getByLabelText('Output $/M'), { target: { value: '10' } })
  fireEvent.click(screen.getByRole('button', { name: 'Save prices' }))
  expect(workspace.governance.settings.read().settings.pricingOverrides).toEqual({
    'internal-coder-1': { input_cost_per_token: 2.5e-6, output_cost_per_token: 1e-5 },
  })
  expect(screen.getByRole('table', { name: 'Price overrides' }).textContent).toContain('2.5')
})

test('step rules are editable data: a new rule at the top changes how a command is labelled', () => {
  const { workspace } = renderWithWorkspace(<SettingsView />)
  fireEvent.change(screen.getByLabelText('Trial command or path'), { target: { value: 'make deploy-staging' } })
  expect(screen.getByTestId('trial-label').textContent).toBe('→ build')

  fireEvent.click(screen.getByRole('button', { name: 'Add a rule at the top' }))
  const pattern = screen.getByLabelText('Rule 1 pattern')
  fireEvent.blur(pattern, { target: { value: 'make deploy' } })
  const label = screen.getByLabelText('Rule 1 label')
  fireEvent.blur(label, { target: { value: 'deploy' } })

  const stored = workspace.governance.settings.read().settings.stepRules!
  expect(stored).toHaveLength(DEFAULT_STEP_RULES.length + 1)
  expect(stored[0]).toEqual({ tools: ['Bash'], on: 'command', pattern: 'make deploy', label: 'deploy' })
  expect(screen.getByTestId('trial-label').textContent).toBe('→ deploy')

  fireEvent.blur(screen.getByLabelText('Rule 1 pattern'), { target: { value: '([' } })
  expect(screen.getByRole('alert').textContent).toMatch(/invalid pattern/)
  fireEvent.click(screen.getByRole('button', { name: 'Reset to the defaults' }))
  expect(workspace.governance.settings.read().settings.stepRules).toBeNull()
})
