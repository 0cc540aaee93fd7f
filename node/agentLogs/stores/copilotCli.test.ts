import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { touch } from '../../../test/support/touchFile'
import { failOnUnreadable } from '../../filesInFolder'
import { defaultLogFolders, findLogFiles } from '../discover'
import { copilotCliStore } from './copilotCli'

const root = mkdtempSync(join(tmpdir(), 'copilot-store-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('GitHub Copilot CLI store', () => {
  const home = join(root, 'home')
  const events = touch(join(home, '.copilot/session-state/9d3c2f4e-1b7a-4c55-8e21-6a0f3b9c7d10/events.jsonl'))
  const flat = touch(join(home, '.copilot/session-state/5f0e6c3b-0000-4000-8000-000000000001.jsonl'))
  const workspace = touch(join(home, '.copilot/session-state/9d3c2f4e-1b7a-4c55-8e21-6a0f3b9c7d10/workspace.yaml'))
  touch(join(home, '.copilot/command-history-state.json'))
  touch(join(home, '.copilot/logs/process-1.log'))
  const moved = touch(join(root, 'elsewhere/session-state/abc/events.jsonl'))

  it('finds the session event logs (and the workspace.yaml beside them) under ~/.copilot/session-state, nothing else of the data folder', () => {
    expect(copilotCliStore.locations({}, home)).toEqual([join(home, '.copilot', 'session-state')])
    expect(findLogFiles(defaultLogFolders({}, home), failOnUnreadable)).toEqual([flat, events, workspace].sort())
  })

  it('honours COPILOT_HOME', () => {
    expect(findLogFiles(defaultLogFolders({ COPILOT_HOME: join(root, 'elsewhere') }, home), failOnUnreadable)).toEqual([moved])
  })

  it('reads the session folder only when the data folder itself is picked', () => {
    expect(findLogFiles([join(home, '.copilot')], failOnUnreadable)).toEqual([flat, events, workspace].sort())
  })
})
