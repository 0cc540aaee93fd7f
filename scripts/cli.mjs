// `npm run cli`: the command line, run from an esbuild bundle of cli/ (with shared/ and
// server/) cached in node_modules/.cache/workfolio-cli/ and rebuilt when a source changes.
// Through tsx every start compiled the modules again before a command did anything; the
// bundle starts far sooner.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')
const cacheRoot = join(root, 'node_modules', '.cache', 'workfolio-cli')
const SOURCE_FOLDERS = ['cli', 'node', 'shared', 'server']
const SOURCE_FILES = ['package.json', 'scripts/cli.mjs']

/**
 * The newest modification time among the sources, which names the bundle built from them.
 * Every command pays for this walk: folders are told by their entries' types (no stat of
 * their own), tests (never bundled) are skipped and paths are joined by hand.
 */
function newestSource() {
  let newest = 0
  const note = (path) => {
    const mtime = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0
    if (mtime > newest) newest = mtime
  }
  const visit = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const path = `${folder}/${entry.name}`
      // A linked folder is followed, as the bundler follows it.
      if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory())) visit(path)
      else if (!entry.name.endsWith('.test.ts')) note(path)
    }
  }
  for (const folder of SOURCE_FOLDERS) visit(join(root, folder))
  for (const file of SOURCE_FILES) note(join(root, file))
  return Math.floor(newest)
}

/**
 * Packages bundled into the command line: zod, whose 95 module files Node's loader resolved,
 * read and compiled one by one (a cost of every command that opens a workspace, before its
 * import read a row), and Yjs with lib0's 30-odd files. Every other package stays a file of node_modules. The sync server's
 * packages use the Yjs of node_modules, and a process may load only one Yjs: the `server`
 * command is built apart (serverApart), with Yjs external.
 */
const BUNDLED_PACKAGES = new Set(['zod', 'yjs'])

function externalPackages(bundled = BUNDLED_PACKAGES) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  // A package name also marks its subpaths ("yjs/dist/…") external.
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => !bundled.has(name))
}

/** The `server` command's server (server/main.ts) as server.mjs beside the bundle's chunks, built on its own with Yjs external (see BUNDLED_PACKAGES). */
const serverApart = {
  name: 'server-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/server\/main$/ }, ({ importer }) => (importer === join(root, 'cli', 'commands', 'server.ts') ? { path: './server.mjs', external: true } : undefined))
  },
}

/**
 * zod's messages in its other languages, left out of the bundle: the command line speaks
 * English (zod's default, `z.locales.en` stays), and the 40-odd others were most of the zod
 * that every command opening a workspace compiled before it read a file.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer }) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(importer) ? { path: join(dirname(importer), '..', 'locales', 'en.js'), namespace: 'zod-english-only' } : undefined,
    )
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, ({ path }) => ({ contents: `export { default as en } from ${JSON.stringify(path)}`, resolveDir: dirname(path) }))
  },
}

async function bundle(outdir) {
  const { build } = await import('esbuild')
  // node20.19 (package.json engines), which keeps import attributes (`with { type: 'json' }`) on external JSON imports.
  const common = { bundle: true, platform: 'node', target: 'node20.19', external: externalPackages(), plugins: [zodEnglishOnly], logLevel: 'warning', outdir }
  // Commands load lazily (split chunks), so `report` never loads the sync server's packages.
  await build({ ...common, plugins: [zodEnglishOnly, serverApart], entryPoints: { main: join(root, 'cli/main.ts') }, format: 'esm', splitting: true, outExtension: { '.js': '.mjs' } })
  const yjsExternal = new Set([...BUNDLED_PACKAGES].filter((name) => name !== 'yjs'))
  await build({ ...common, external: externalPackages(yjsExternal), entryPoints: { server: join(root, 'server/main.ts') }, format: 'esm', outExtension: { '.js': '.mjs' } })
  // The threads find these beside the chunk that starts them (cli/workerScript.ts).
  await build({ ...common, entryPoints: { agentLogWorker: join(root, 'cli/agentLogs/agentLogWorker.ts'), billingPartWorker: join(root, 'cli/import/billingPartWorker.ts') }, format: 'cjs', outExtension: { '.js': '.cjs' } })
}

/** The bundle's folder, built first when the sources changed (concurrent runs each build their own copy and keep the first). */
async function bundleFolder() {
  const version = String(newestSource())
  const folder = join(cacheRoot, version)
  if (existsSync(join(folder, 'main.mjs'))) return folder
  const building = join(cacheRoot, `${version}.${process.pid}.building`)
  mkdirSync(building, { recursive: true })
  try {
    await bundle(building)
  } catch (error) {
    rmSync(building, { recursive: true, force: true })
    throw error
  }
  try {
    renameSync(building, folder)
  } catch {
    rmSync(building, { recursive: true, force: true })
  }
  for (const old of readdirSync(cacheRoot)) if (old !== version && !old.endsWith('.building')) rmSync(join(cacheRoot, old), { recursive: true, force: true })
  return folder
}

/** Without a writable cache (or esbuild), the sources run through tsx as before, only slower to start. */
async function loadCli() {
  try {
    return await import(pathToFileURL(join(await bundleFolder(), 'main.mjs')).href)
  } catch (error) {
    process.stderr.write(`workfolio: running without the command-line bundle (${error.message})\n`)
    const { register } = await import('tsx/esm/api')
    register()
    return import(pathToFileURL(join(root, 'cli', 'main.ts')).href)
  }
}

const { runMain } = await loadCli()
runMain()
