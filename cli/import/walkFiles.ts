import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Files under `folder` whose path passes `wanted`, sorted, hidden folders skipped. */
export function walkFiles(folder: string, wanted: (path: string) => boolean): string[] {
  const found: string[] = []
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) found.push(...walkFiles(path, wanted))
    else if (entry.isFile() && wanted(path)) found.push(path)
  }
  return found.sort()
}
