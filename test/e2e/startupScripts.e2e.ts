import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test } from 'vitest'

const ASSETS = resolve(import.meta.dirname, '../../out/web/assets')

/** The scripts a window runs before it draws anything: the page's module and every script it imports statically, on and on. */
function startupScripts(): string[] {
  const html = readFileSync(resolve(ASSETS, '../index.html'), 'utf8')
  const pending = [...html.matchAll(/<script[^>]*src="\.\/assets\/([^"]+\.js)"/g)].map((match) => match[1])
  const found = new Set<string>()
  while (pending.length > 0) {
    const name = pending.pop()!
    if (found.has(name)) continue
    found.add(name)
    // `from"./x.js"` and `import"./x.js"` are static imports; `import("./x.js")` loads on demand.
    for (const match of readFileSync(join(ASSETS, name), 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) pending.push(match[1])
  }
  return [...found]
}

/**
 * What a window loads before it draws decides how soon a new window shows the Overview it keeps
 * for what is stored: the analysis (which the worker runs; the window only where no worker
 * answers) and the sync client (only with a team server) are loaded when needed.
 */
test("a window's first scripts hold neither the analysis nor the sync client, which the build loads on demand", () => {
  const startup = startupScripts()
  expect(startup.length).toBeGreaterThan(1)
  // The analysis's lints read a dataset of first names; the sync client names its authentication failure.
  const markers = { analysis: 'Abagael', 'sync client': 'authenticationFailed' }
  const holding = (marker: string, names: string[]) => names.filter((name) => readFileSync(join(ASSETS, name), 'utf8').includes(marker))
  const scripts = readdirSync(ASSETS).filter((name) => name.endsWith('.js'))
  for (const [what, marker] of Object.entries(markers)) {
    expect(holding(marker, scripts), `${what} in the build`).not.toEqual([])
    expect(holding(marker, startup), `${what} in the window's first scripts`).toEqual([])
  }
})
