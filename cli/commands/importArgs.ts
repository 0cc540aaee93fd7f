import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startLogReadersEarly } from '../agentLogs/logReaderThreads'
import { startPartThreadEarly } from '../import/billingSecondPart'

/** The options of `import`, which prepareImport reads as the command does. */
export const IMPORT_OPTIONS = {
  json: { type: 'boolean' },
  workspace: { type: 'string' },
  'skip-bad-rows': { type: 'boolean' },
  pricing: { type: 'string' },
} as const

/**
 * What `import` starts before its code has loaded: an import of one file, which a big billing
 * export is read on two threads for (with or without a workspace), gets its second thread now
 * (billingSecondPart.ts); an import of a folder, its log reader threads (logReaderThreads.ts).
 * Bad arguments start nothing; the command reports them.
 */
export function prepareImport(args: string[], cwd: string): void {
  let parsed
  try {
    parsed = parseArgs({ args, options: IMPORT_OPTIONS, strict: true, allowPositionals: true })
  } catch {
    return
  }
  const paths = parsed.positionals.map((path) => resolve(cwd, path))
  if (paths.length === 1) startPartThreadEarly(paths[0])
  startLogReadersEarly(paths)
}
