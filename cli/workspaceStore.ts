import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, basename, join } from 'node:path'
import * as Y from 'yjs'
import { Governance } from '../shared/workspace/governance'
import { Ledger } from '../shared/workspace/ledger'
import { decodeWorkspaceFile, encodeWorkspaceFile } from '../shared/workspace/workspaceFile'

export interface OpenWorkspace {
  path: string
  governance: Governance
  ledger: Ledger
  save(): void
}

/** Opens a workspace file (an empty workspace when it does not exist yet). */
export function openWorkspaceFile(path: string): OpenWorkspace {
  const docs = { governance: new Y.Doc(), ledger: new Y.Doc() }
  if (existsSync(path)) decodeWorkspaceFile(new Uint8Array(readFileSync(path)), docs)
  const governance = new Governance(docs.governance)
  governance.migrate()
  governance.ensurePseudonymSalt()
  const ledger = new Ledger(docs.ledger)
  return {
    path,
    governance,
    ledger,
    // Write to a sibling temp file, then rename: a crash never leaves a half-written workspace.
    save() {
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
      writeFileSync(temp, encodeWorkspaceFile(docs))
      renameSync(temp, path)
    },
  }
}
