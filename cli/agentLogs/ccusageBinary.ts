import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * ccusage 20.0.24, the reference the log importer is checked against (conformance test and
 * benchmark). Only its Linux x64 binary was published for that version, so the project
 * depends on that package alone (optional: other machines skip it) and runs it directly.
 */
export const CCUSAGE_BINARY = join(import.meta.dirname, '../../node_modules/@ccusage/ccusage-linux-x64/bin/ccusage')

export function ccusageAvailable(): boolean {
  return existsSync(CCUSAGE_BINARY)
}
