import { accessSync, chmodSync, constants, existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * ccusage 20.0.24, the reference the log importer is checked against (conformance test and
 * benchmark). Only its Linux x64 binary was published for that version, so the project
 * depends on that package alone (optional: other machines skip it) and runs it directly.
 */
const CCUSAGE_BINARY = join(import.meta.dirname, '../../node_modules/@ccusage/ccusage-linux-x64/bin/ccusage')

export function ccusageAvailable(): boolean {
  return existsSync(CCUSAGE_BINARY)
}

/** The binary's path, made executable first: npm unpacks it without the execute bit (ccusage's own wrapper sets it). */
export function ccusageBinary(): string {
  try {
    accessSync(CCUSAGE_BINARY, constants.X_OK)
  } catch {
    chmodSync(CCUSAGE_BINARY, 0o755)
  }
  return CCUSAGE_BINARY
}
