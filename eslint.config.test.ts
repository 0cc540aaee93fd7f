import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: import.meta.dirname })

/** What `ruleId` reports for `code` as if it were the file at `filePath`. */
function messagesOf(ruleId: string): (filePath: string, code: string) => Promise<string[]> {
  return async (filePath, code) => {
    const [result] = await eslint.lintText(code, { filePath })
    return result.messages.filter((message) => message.ruleId === ruleId).map((message) => message.message)
  }
}

/** The folder boundaries (typescript-eslint's no-restricted-imports). */
const boundaryErrors = messagesOf('@typescript-eslint/no-restricted-imports')
/** Test helpers kept out of the app's code (ESLint's own no-restricted-imports, beside the boundaries). */
const testCodeErrors = messagesOf('no-restricted-imports')

describe('folder boundaries', () => {
  it("keeps test helpers out of the app's code: only tests import test/ folders", async () => {
    const fixture = "import { makeRun } from '../../test/support/analysisFixtures'\nexport const m = makeRun\n"
    const runsTestData = "import { seedRuns } from '../../test/runsTestData'\nexport const s = seedRuns\n"
    expect(await testCodeErrors('shared/reports/example.ts', fixture)).toEqual([expect.stringContaining('only tests import them')])
    expect(await testCodeErrors('renderer/views/Runs/example.tsx', runsTestData)).toHaveLength(1)
    expect(await testCodeErrors('cli/commands/example.ts', fixture)).toHaveLength(1)
    expect(await testCodeErrors('shared/reports/example.test.ts', fixture)).toEqual([])
    expect(await testCodeErrors('renderer/views/Runs/RunsView.test.tsx', runsTestData)).toEqual([])
  })

  it('keeps shared/ free of Node APIs and platform folders', async () => {
    expect(await boundaryErrors('shared/money/example.ts', "import { readFileSync } from 'node:fs'\nexport const read = readFileSync\n")).toEqual([
      expect.stringContaining('shared/ is pure TypeScript'),
    ])
    expect(await boundaryErrors('shared/money/example.ts', "import { join } from 'path'\nexport const j = join\n")).toHaveLength(1)
    expect(await boundaryErrors('shared/money/example.ts', "import { Money } from '../../renderer/components/Money'\nexport const M = Money\n")).toEqual([
      expect.stringContaining('shared/ imports only shared/'),
    ])
    expect(await boundaryErrors('shared/money/example.ts', "import { formatMoney } from './format'\nimport { z } from 'zod'\nexport const f = [formatMoney, z]\n")).toEqual([])
  })

  it('lets tests of shared/ read fixtures but not platform code', async () => {
    expect(await boundaryErrors('shared/money/example.test.ts', "import { readFileSync } from 'node:fs'\nimport { x } from '../../test/support/x'\nexport const r = [readFileSync, x]\n")).toEqual([])
    expect(await boundaryErrors('shared/money/example.test.ts', "import { x } from '../../cli/main'\nexport const r = x\n")).toHaveLength(1)
  })

  it('keeps importers out of storage, and storage out of batches: importers → batches ← workspace', async () => {
    const importerQuirk = "import { importBillingFile } from '../importers/billing/importBillingFile'\nexport const i = importBillingFile\n"
    expect(await boundaryErrors('shared/workspace/example.ts', importerQuirk)).toEqual([expect.stringContaining('do not import shared/importers/')])
    expect(await boundaryErrors('shared/batches/example.ts', importerQuirk)).toHaveLength(1)
    expect(await boundaryErrors('shared/workspace/example.test.ts', importerQuirk)).toHaveLength(1)
    expect(await boundaryErrors('shared/batches/nested/example.ts', "import { x } from '../../importers/logs/index'\nexport const r = x\n")).toHaveLength(1)
    // The rest of shared/'s boundary still holds there.
    expect(await boundaryErrors('shared/batches/example.ts', "import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n")).toEqual([expect.stringContaining('shared/ is pure TypeScript')])
    expect(await boundaryErrors('shared/workspace/example.test.ts', "import { readFileSync } from 'node:fs'\nimport { x } from '../../test/support/x'\nexport const r = [readFileSync, x]\n")).toEqual([])
    expect(await boundaryErrors('shared/batches/example.ts', "import { Ledger } from '../workspace/ledger'\nexport const l = Ledger\n")).toEqual([expect.stringContaining('shared/batches/ does not import shared/workspace/')])
    expect(await boundaryErrors('shared/batches/example.test.ts', "import { Ledger } from '../workspace/ledger'\nexport const l = Ledger\n")).toHaveLength(1)
    // Downwards is the way: storage uses batches, importers use both.
    expect(await boundaryErrors('shared/workspace/example.ts', "import { chargeKey } from '../batches/identities'\nexport const k = chargeKey\n")).toEqual([])
    expect(await boundaryErrors('shared/importers/example.ts', "import { createBatch } from '../batches/batch'\nimport { Ledger } from '../workspace/ledger'\nexport const r = [createBatch, Ledger]\n")).toEqual([])
  })

  it('keeps each view to itself', async () => {
    expect(await boundaryErrors('renderer/views/Portfolios/Example.tsx', "import { x } from '../Overview/OverviewView'\nexport const r = x\n")).toEqual([
      expect.stringContaining('A view does not import another view'),
    ])
    expect(await boundaryErrors('renderer/views/Review/stages/Example.tsx', "import { x } from '../../../views/Catalog/CatalogView'\nexport const r = x\n")).toHaveLength(1)
    expect(await boundaryErrors('renderer/views/Review/stages/Example.tsx', "import { x } from '../ReviewView'\nimport { Money } from '../../../components/Money'\nexport const r = [x, Money]\n")).toEqual([])
  })

  it('lets the renderer take only types from electron/', async () => {
    expect(await boundaryErrors('renderer/platform/example.ts', "import type { ElectronApi } from '../../electron/preload/api'\nexport type A = ElectronApi\n")).toEqual([])
    expect(await boundaryErrors('renderer/platform/example.ts', "import { api } from '../../electron/preload/api'\nexport const a = api\n")).toEqual([
      expect.stringContaining('only types from electron/'),
    ])
  })

  it('keeps the CLI out of electron/main', async () => {
    expect(await boundaryErrors('electron/main/example.ts', "import { main } from '../../cli/main'\nexport const m = main\n")).toEqual([
      expect.stringContaining('electron/main does not import the CLI'),
    ])
    expect(await boundaryErrors('electron/main/example.ts', "import { findLogFiles } from '../../node/agentLogs/discover'\nexport const f = findLogFiles\n")).toEqual([])
  })
})
