import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES } from '../../test/support/billingFixtures'
import { runCli } from '../main'
import { openWorkspaceFile } from '../workspaceStore'
import { captureIO, tempDir } from '../../test/support/cliWorkspace'

function folderWith(...files: string[]): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'exports', 'nested'), { recursive: true })
  files.forEach((file, index) => copyFileSync(join(FIXTURES, file), join(dir, 'exports', index % 2 ? 'nested' : '', file)))
  return dir
}

async function importJson(dir: string, args: string[]) {
  const io = captureIO(dir)
  const code = await runCli(['import', '--json', ...args], io)
  return { code, output: JSON.parse(io.out()), stderr: io.err() }
}

describe('cli import', () => {
  it('imports a folder (recursing for .csv) and prints one JSON object with exact totals per currency, month and model', async () => {
    const dir = folderWith('anthropic-cost-2026-03.csv', 'azure-cost-details.csv', 'openai-cost_2026-09-01_2026-09-04.csv')
    const { code, output } = await importJson(dir, ['exports'])
    expect(code).toBe(0)
    expect(Object.keys(output)).toEqual(['files', 'charges', 'runs', 'unpriced'])
    expect(output.runs).toEqual([])
    expect(output.files).toEqual([
      { path: 'exports/anthropic-cost-2026-03.csv', format: 'anthropic-console-cost', kind: 'charges', status: 'ok', records: 3, errors: [], warnings: [] },
      { path: 'exports/nested/azure-cost-details.csv', format: 'azure-cost-details', kind: 'charges', status: 'ok', records: 4, errors: [], warnings: [] },
      { path: 'exports/openai-cost_2026-09-01_2026-09-04.csv', format: 'openai-cost', kind: 'charges', status: 'ok', records: 3, errors: [], warnings: [{ line: 4, message: 'days without spend (empty amount) are left out' }] },
    ])
    expect(output.charges).toEqual({
      count: 10,
      cost: { EUR: '1.73296789', USD: '31.513835980000000000000000000001' },
      byMonth: {
        '2026-03': { USD: '29.75' },
        '2026-04': { USD: '0.01' },
        '2026-08': { EUR: '1.73296789' },
        '2026-09': { USD: '1.753835980000000000000000000001' },
      },
      byModel: {
        'Claude Haiku 4.5': { USD: '0.01' },
        'Claude Opus 4.6': { USD: '29.75' },
        'Virtual Machines': { EUR: '0.24' },
        'gpt 4o 0513': { EUR: '1.13456789' },
        'gpt-4o-mini-0718': { EUR: '0.3584' },
        'gpt-5': { USD: '1.250000000000000000000000000001' },
        'gpt-5-nano': { USD: '0.003835980000000000000000000000' },
        whisper: { USD: '0.5' },
      },
      from: '2026-03-30T00:00:00.000Z',
      to: '2026-09-04T00:00:00.000Z',
    })
  })

  it("finds Excel's UTF-16 \"Unicode text\" saves (.txt) in folders, and no other .txt", async () => {
    const dir = folderWith('anthropic-cost-2025-12-utf16le.txt', 'anthropic-cost-2024-12.csv')
    writeFileSync(join(dir, 'exports', 'notes.txt'), 'usage_date_utc,model\nnot an export\n')
    const { code, output } = await importJson(dir, ['exports'])
    expect(code).toBe(0)
    expect(output.files.map((file: { path: string; status: string }) => [file.path, file.status])).toEqual([
      ['exports/anthropic-cost-2025-12-utf16le.txt', 'ok'],
      ['exports/nested/anthropic-cost-2024-12.csv', 'ok'],
    ])
    expect(output.charges.cost).toEqual({ USD: '127.70' })
  })

  it('exits 1 when a file is rejected, still printing the JSON with file:line reasons, and imports the rest', async () => {
    const dir = folderWith('anthropic-cost-bad.csv', 'anthropic-cost-2024-12.csv')
    const { code, output } = await importJson(dir, ['exports/anthropic-cost-bad.csv', 'exports/nested/anthropic-cost-2024-12.csv'])
    expect(code).toBe(1)
    expect(output.files[0]).toMatchObject({ status: 'rejected', records: 0, errors: [{ line: 3 }, { line: 4 }, { line: 5 }] })
    expect(output.files[1]).toMatchObject({ status: 'ok', records: 4 })
    expect(output.charges).toMatchObject({ count: 4, cost: { USD: '14.70' } })

    const skipping = await importJson(dir, ['--skip-bad-rows', 'exports/anthropic-cost-bad.csv'])
    expect(skipping.code).toBe(0)
    expect(skipping.output.files[0]).toMatchObject({ status: 'ok', records: 2, errors: [{ line: 3 }, { line: 4 }, { line: 5 }] })

    const io = captureIO(dir)
    expect(await runCli(['import', 'exports/anthropic-cost-bad.csv'], io)).toBe(1)
    expect(io.out()).toContain('exports/anthropic-cost-bad.csv:4: error: cost_usd "abc" is not an amount')
    expect(io.out()).toContain('Nothing written (no --workspace).')
  })

  it('exits 2 on usage errors', async () => {
    const dir = tempDir()
    for (const args of [[], ['--bogus', 'x.csv'], ['missing.csv'], ['--pricing', 'nope.json', 'x.csv']]) {
      const io = captureIO(dir)
      expect(await runCli(['import', ...args], io)).toBe(2)
      expect(io.err()).toContain('Usage: npm run --silent cli -- import')
    }
  })

  it('with --workspace writes the batches (creating the file) and a second import of the same file is "duplicate"', async () => {
    const dir = folderWith('cursor-usage-events-2026-08-31.csv')
    const first = await importJson(dir, ['--workspace', 'team.workfolio', 'exports'])
    expect(first.code).toBe(0)
    expect(first.output.files[0]).toMatchObject({ status: 'ok', records: 5 })
    const workspace = openWorkspaceFile(join(dir, 'team.workfolio'))
    expect(workspace.ledger.charges().records).toHaveLength(5)
    expect(workspace.ledger.list().records[0]).toMatchObject({ format: 'cursor-usage-events', fileNames: ['cursor-usage-events-2026-08-31.csv'], totals: { USD: '0.2000' } })

    const second = await importJson(dir, ['--workspace', 'team.workfolio', 'exports/cursor-usage-events-2026-08-31.csv'])
    expect(second.code).toBe(0)
    expect(second.output.files[0]).toMatchObject({ status: 'duplicate', records: 5 })
    expect(second.output.charges.count).toBe(0)
    expect(openWorkspaceFile(join(dir, 'team.workfolio')).ledger.list().records).toHaveLength(1)

    // Read by a person: the file was named, so "no --workspace" would be wrong.
    const io = captureIO(dir)
    expect(await runCli(['import', '--workspace', 'team.workfolio', 'exports/cursor-usage-events-2026-08-31.csv'], io)).toBe(0)
    expect(io.out()).toMatch(/cursor-usage-events-2026-08-31\.csv +cursor-usage-events +already imported +5\n/)
    expect(io.out()).toMatch(/Nothing new for \S*team\.workfolio: it is unchanged\./)
  })

  it('without --workspace writes nothing, and the same content named twice is reported as a duplicate', async () => {
    const dir = folderWith('anthropic-cost-2024-12.csv')
    copyFileSync(join(dir, 'exports', 'anthropic-cost-2024-12.csv'), join(dir, 'exports', 'nested', 'anthropic-cost-2024-12.csv'))
    const { code, output } = await importJson(dir, ['exports'])
    expect(code).toBe(0)
    expect(output.files.map((file: { status: string }) => file.status)).toEqual(['ok', 'duplicate'])
    expect(output.charges.count).toBe(4)
    expect(existsSync(join(dir, 'team.workfolio'))).toBe(false)
  })

  it('counts the rows of a tokens-only export without claiming a cost for them', async () => {
    const dir = folderWith('anthropic-usage.csv', 'anthropic-cost-2024-12.csv')
    const { code, output } = await importJson(dir, ['exports'])
    expect(code).toBe(0)
    expect(output.charges).toMatchObject({ count: 6, cost: { USD: '14.70' }, from: '2024-12-01T00:00:00.000Z', to: '2026-08-06T00:00:00.000Z' })
    expect(Object.keys(output.charges.byMonth)).toEqual(['2024-12'])
    expect(Object.keys(output.charges.byModel)).not.toContain('claude-opus-4-6')
  })

  it('counts an OpenAI organisation total only for days that no grouped export in the run covers', async () => {
    const header = 'start_time,end_time,amount_value,amount_currency,line_item,project_id,organization_id\n'
    const [day1, day2] = ['1759276800,1759363200', '1759363200,1759449600']
    const dir = tempDir()
    writeFileSync(join(dir, 'cost_ungrouped.csv'), `${header}${day1},3.25,usd,,,org_1\n${day2},1.10,usd,,,org_1\n`)
    writeFileSync(join(dir, 'cost_grouped.csv'), `${header}${day1},2.5,usd,"gpt-5, input_tokens",proj_1,org_1\n${day1},0.75,usd,"gpt-5, output_tokens",proj_1,org_1\n`)
    const { code, output } = await importJson(dir, ['cost_ungrouped.csv', 'cost_grouped.csv'])
    expect(code).toBe(0)
    expect(output.charges).toMatchObject({ count: 3, cost: { USD: '4.35' }, byModel: { 'gpt-5': { USD: '3.25' }, '(none)': { USD: '1.10' } } })
  })

  describe('overlapping exports named in one command', () => {
    const header = 'usage_date_utc,model,workspace,api_key,usage_type,token_type,cost_usd\n'
    const rows = (days: [string, string][]) => header + days.map(([day, cost]) => `${day},Claude Sonnet 4.5,Default,ci-key,message,output,${cost}\n`).join('')
    function overlappingExports(): string {
      const dir = tempDir()
      writeFileSync(join(dir, 'a.csv'), rows([['2026-08-01', '1.00'], ['2026-08-02', '2.00'], ['2026-08-03', '3.00']]))
      writeFileSync(join(dir, 'b.csv'), rows([['2026-08-02', '2.00'], ['2026-08-03', '3.00'], ['2026-08-04', '4.00']]))
      copyFileSync(join(dir, 'a.csv'), join(dir, 'a copy.csv'))
      return dir
    }

    it('counts a row held by two of the files once, and reports a copy under another name as a duplicate', async () => {
      const dir = overlappingExports()
      const { code, output } = await importJson(dir, ['a.csv', 'b.csv', 'a copy.csv'])
      expect(code).toBe(0)
      expect(output.files.map((file: { path: string; status: string }) => [file.path, file.status])).toEqual([['a.csv', 'ok'], ['b.csv', 'ok'], ['a copy.csv', 'duplicate']])
      expect(output.charges).toMatchObject({ count: 4, cost: { USD: '10.00' }, from: '2026-08-01T00:00:00.000Z', to: '2026-08-05T00:00:00.000Z' })
    })

    it('reports the same files and charges whether or not a workspace stores the batches', async () => {
      const dir = overlappingExports()
      const checked = await importJson(dir, ['a.csv', 'b.csv', 'a copy.csv'])
      const stored = await importJson(dir, ['--workspace', 'team.workfolio', 'a.csv', 'b.csv', 'a copy.csv'])
      expect(checked).toEqual(stored)
    })

    it('with --workspace stores each row once and adds no batch for a copy of a file already imported', async () => {
      const dir = overlappingExports()
      expect((await importJson(dir, ['--workspace', 'team.workfolio', 'a.csv', 'b.csv'])).output.charges).toMatchObject({ count: 4, cost: { USD: '10.00' } })
      const copy = await importJson(dir, ['--workspace', 'team.workfolio', 'a copy.csv'])
      expect(copy.output.files[0]).toMatchObject({ status: 'duplicate', records: 3 })
      const ledger = openWorkspaceFile(join(dir, 'team.workfolio')).ledger
      expect(ledger.list().records.map((batch) => batch.fileNames[0]).sort()).toEqual(['a.csv', 'b.csv'])
      expect(ledger.charges().records).toHaveLength(4)
    })
  })
})
