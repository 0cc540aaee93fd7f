import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Governance } from '../../workspace/governance'
import { Ledger } from '../../workspace/ledger'
import { encodeWorkspaceFile } from '../../workspace/workspaceFile'
import { importAgentLogs } from './importAgentLogs'
import { memorySources } from '../../../test/support/memoryLogSources'

const FIXTURES = join(__dirname, '../../../test/fixtures/logs')

function fixtureFiles(): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {}
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else files[join('/home/alice', relative(FIXTURES, path))] = readFileSync(path)
    }
  }
  walk(FIXTURES)
  return files
}

/**
 * Every prompt, thinking block, tool input, tool output, patch and summary in the fixtures
 * carries a SECRET-… marker. None may reach what is stored or synced.
 */
describe('privacy of imported agent logs', () => {
  it('stores only derived metadata: no prompt, file content or tool input in the batch or the workspace file', async () => {
    const files = fixtureFiles()
    const sourceText = Object.values(files).map((bytes) => new TextDecoder().decode(bytes)).join('\n')
    const secrets = [...new Set(sourceText.match(/SECRET-[A-Z-]+-\d+/g))]
    expect(secrets.length).toBeGreaterThanOrEqual(14)

    const result = await importAgentLogs(memorySources(files), { pseudonymSalt: 'salt' })
    const batch = result.batch!
    const governance = new Governance(new Y.Doc())
    const ledger = new Ledger(new Y.Doc())
    ledger.add(batch)
    const workspace = encodeWorkspaceFile({ governance: governance.doc, ledger: ledger.doc })

    const stored = [new TextDecoder().decode(batch.payload), JSON.stringify(batch.meta), new TextDecoder('latin1').decode(workspace)]
    for (const text of stored) {
      for (const secret of secrets) expect(text).not.toContain(secret)
      // Nor the people and places in paths: the actor is a pseudonym, file names have no folders.
      expect(text).not.toContain('alice')
      expect(text).not.toContain('/home/')
      expect(text).not.toContain('cart.ts')
    }
    // Every agent's fixture makes runs (subagent and child sessions join their parents'), all of them checked above;
    // an agent whose fixture is only a SQLite store's script (Kilo) is checked by its Node tests, which build the store.
    const fixtureAgents = new Set(Object.keys(files).filter((path) => !path.endsWith('.sql')).map((path) => relative('/home/alice', path).split('/')[0]))
    expect(new Set(result.runs.map((run) => run.tool)).size).toBe(fixtureAgents.size)
  })
})
