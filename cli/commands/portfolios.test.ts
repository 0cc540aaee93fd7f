import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportPortfolioCode } from '../../shared/portfolios/portfolioCode'
import { reportExample } from '../../test/support/reportFixture'
import { runCli } from '../main'
import { openWorkspaceFile } from '../workspaceStore'
import { captureIO, tempDir, writeWorkspace } from '../../test/support/cliWorkspace'

describe('cli portfolios', () => {
  const example = reportExample()

  it('exports definitions and imports them into another workspace, round trip', async () => {
    const dir = tempDir()
    writeWorkspace(join(dir, 'a.workfolio'), example)
    const exported = captureIO(dir)
    expect(await runCli(['portfolios', 'export', '--workspace', 'a.workfolio', 'portfolios.json'], exported)).toBe(0)
    expect(exported.out()).toBe('Exported 3 portfolios to portfolios.json.\n')
    const text = readFileSync(join(dir, 'portfolios.json'), 'utf8')
    expect(text).toBe(exportPortfolioCode(example.portfolios))

    const imported = captureIO(dir)
    expect(await runCli(['portfolios', 'import', '--workspace', 'b.workfolio', 'portfolios.json'], imported)).toBe(0)
    expect(imported.out()).toBe('Imported portfolios.json: 3 added, 0 updated, 0 unchanged.\n')
    const again = captureIO(dir)
    await runCli(['portfolios', 'export', '--workspace', 'b.workfolio', 'again.json'], again)
    expect(readFileSync(join(dir, 'again.json'), 'utf8')).toBe(text)

    const twice = captureIO(dir)
    await runCli(['portfolios', 'import', '--workspace', 'b.workfolio', 'portfolios.json'], twice)
    expect(twice.out()).toBe('Imported portfolios.json: 0 added, 0 updated, 3 unchanged.\n')
  })

  it('updates changed portfolios and leaves the ones the file does not mention', async () => {
    const dir = tempDir()
    writeWorkspace(join(dir, 'w.workfolio'), example)
    const file = JSON.parse(exportPortfolioCode(example.portfolios.filter((p) => p.id === 'web')))
    file.portfolios[0].owningTeam = 'Web platform team'
    writeFileSync(join(dir, 'web.json'), JSON.stringify(file))
    const io = captureIO(dir)
    expect(await runCli(['portfolios', 'import', '--workspace', 'w.workfolio', 'web.json'], io)).toBe(0)
    expect(io.out()).toBe('Imported web.json: 0 added, 1 updated, 0 unchanged; 2 not in the file left as they are (general, incidents).\n')
    expect(openWorkspaceFile(join(dir, 'w.workfolio')).governance.portfolios.get('web')!.owningTeam).toBe('Web platform team')
  })

  it('rejects an invalid file with every error and imports nothing', async () => {
    const dir = tempDir()
    writeWorkspace(join(dir, 'w.workfolio'), example)
    const file = JSON.parse(exportPortfolioCode(example.portfolios))
    file.portfolios[0].status = 'paused'
    file.portfolios[1].name = ''
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(file))
    const io = captureIO(dir)
    expect(await runCli(['portfolios', 'import', '--workspace', 'w.workfolio', 'bad.json'], io)).toBe(1)
    expect(io.err()).toContain('bad.json is not a valid portfolios file; nothing was imported:')
    expect(io.err()).toContain('bad.json: portfolios[0].status:')
    expect(io.err()).toContain('bad.json: portfolios[1].name:')
    expect(openWorkspaceFile(join(dir, 'w.workfolio')).governance.portfolios.get('general')!.status).toBe('pilot')
  })

  it('explains bad arguments', async () => {
    const io = captureIO(tempDir())
    expect(await runCli(['portfolios', 'sync', '--workspace', 'w', 'x.json'], io)).toBe(2)
    expect(io.err()).toContain('say "import" or "export"')
    expect(await runCli(['portfolios', 'export', 'x.json'], io)).toBe(2)
    expect(io.err()).toContain('--workspace FILE is required')
  })
})
