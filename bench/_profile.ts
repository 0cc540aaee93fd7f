import { writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { startAppServer } from '../test/e2e/support/appServer'
import { launchBrowser } from '../test/e2e/support/browser'
import { ANTHROPIC_COST, billingCsvFile } from './billingCsvFiles'

const rows = Number(process.argv[2] ?? 200000)
const path = await billingCsvFile(ANTHROPIC_COST, rows)
const app = await startAppServer()
const browser = await launchBrowser()
const context = await browser.newContext()
const page = await context.newPage()
await page.goto(app.url + '#/import')
await page.getByTestId('batch-empty').waitFor()
const cdp = await context.newCDPSession(page)
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 1000 })
await cdp.send('Profiler.start')
const chooser = page.waitForEvent('filechooser')
await page.getByTestId('drop-zone').click()
await (await chooser).setFiles(path)
await page.getByRole('button', { name: `Import ${basename(path)}` }).click()
await page.getByTestId('import-notice').filter({ hasText: 'Imported' }).waitFor({ timeout: 300_000 })
const t = Date.now()
await page.evaluate(() => { location.hash = '#/overview' })
await page.getByTestId('spend-headline').waitFor({ timeout: 300_000 })
console.log('overview', Date.now() - t)
const { profile } = await cdp.send('Profiler.stop')
writeFileSync('/tmp/x/profile.cpuprofile', JSON.stringify(profile))
// self time per function
const self = new Map<string, number>()
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const dt = profile.timeDeltas!
const counts = new Map<number, number>()
profile.samples!.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + dt[i]))
for (const [id, us] of counts) { const n = byId.get(id)!; const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + us) }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / 1000).toFixed(0)} ms ${k}`).join('\n'))
// inclusive by function
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const incl = new Map<string, number>()
for (const [id, us] of counts) { const seen = new Set<string>(); let cur: number | undefined = id; while (cur !== undefined) { const n = byId.get(cur)!; const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + us) } cur = parent.get(cur) } }
console.log('--- inclusive'); console.log([...incl].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, v]) => `${(v / 1000).toFixed(0)} ms ${k}`).join('\n'))
await browser.close(); await app.close()
