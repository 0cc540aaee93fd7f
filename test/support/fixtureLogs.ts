import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const LOGS = join(__dirname, '../fixtures/logs')

/** Every `.jsonl` file of the named agents' fixture folders (test/fixtures/logs/<agent>). */
export function fixtureLogs(agents: readonly string[]): string[] {
  return agents.flatMap((agent) =>
    readdirSync(join(LOGS, agent), { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.jsonl'))
      .map((path) => join(LOGS, agent, path)),
  )
}
