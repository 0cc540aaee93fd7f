import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'

/** A worker thread's code: a file to run, or (from TypeScript) its bundle's text, to evaluate. */
export interface WorkerScript {
  path?: string
  code?: string
}

/** A thread running the script: its file, or its bundle's text evaluated. */
export function startWorker(script: WorkerScript, options: Omit<WorkerOptions, 'eval'>): Worker {
  return new Worker(script.path ?? script.code!, { ...options, eval: script.path === undefined })
}

const bundles = new Map<string, Promise<WorkerScript>>()

/**
 * A worker thread's code. The bundled command line (scripts/cli.mjs) has it built beside the
 * module that starts it (`built`). Run from TypeScript (tsx, tests), a thread would have to
 * start tsx's loader again (half a second each), so its modules (`source`) are bundled here
 * with esbuild, in a tenth of that, once per process.
 */
export function workerScript(built: URL, source: URL): Promise<WorkerScript> {
  const prebuilt = fileURLToPath(built)
  let script = bundles.get(prebuilt)
  if (!script) {
    script = existsSync(prebuilt)
      ? Promise.resolve({ path: prebuilt })
      : import('esbuild').then(async ({ build }) => {
          const result = await build({
            entryPoints: [fileURLToPath(source)],
            bundle: true,
            platform: 'node',
            format: 'cjs',
            target: 'node20',
            // The native SQLite module loads from node_modules at run time (eval'd code resolves from the working folder).
            external: ['better-sqlite3'],
            write: false,
            logLevel: 'silent',
          })
          return { code: result.outputFiles[0].text }
        })
    bundles.set(prebuilt, script)
  }
  return script
}
