import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** Writes a small file, creating its folders: a stand-in for an agent's log in discovery tests. */
export function touch(path: string, content = '{}\n'): string {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
  return path
}
