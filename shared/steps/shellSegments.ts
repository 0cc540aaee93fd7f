import { stripCommandPrefixes } from './commandPrefixes'

/**
 * Splits a shell command line into the simple commands it runs: on `&&`, `||`, `;`, `|`, `&`
 * and newlines outside quotes (so `rg 'a|b'` stays one segment), then strips prefixes that do
 * not say what a command is (see stripCommandPrefixes: `sudo -u www`, `time -p`, `env -i`,
 * `VAR=value`, subshell parentheses, runners such as `poetry run`), and opens `sh -c "…"` scripts.
 * A `cd dir` segment stays; it only matches the lowest-priority `shell` rule, so it never
 * decides the label of `cd dir && npm test`.
 */
export function shellSegments(command: string): string[] {
  const segments: string[] = []
  let current = ''
  let quote: '"' | "'" | null = null
  for (let i = 0; i < command.length; i++) {
    const char = command[i]
    if (quote) {
      if (char === '\\' && quote === '"' && i + 1 < command.length) {
        current += char + command[++i]
        continue
      }
      if (char === quote) quote = null
      current += char
      continue
    }
    if (char === '\\' && i + 1 < command.length) {
      current += char + command[++i]
      continue
    }
    if (char === '"' || char === "'") {
      quote = char
      current += char
      continue
    }
    if (char === ';' || char === '|' || char === '&' || char === '\n') {
      // `2>&1` and `&>` are redirections, not separators.
      if (char === '&' && (command[i - 1] === '>' || command[i + 1] === '>')) {
        current += char
        continue
      }
      segments.push(current)
      current = ''
      if ((char === '&' || char === '|') && command[i + 1] === char) i++
      continue
    }
    current += char
  }
  segments.push(current)
  return segments
    .map(stripCommandPrefixes)
    .filter((segment) => segment !== '')
    .flatMap((segment) => {
      const script = shellScript(segment)
      return script === null ? [segment] : shellSegments(script)
    })
}

/** `sh -c "make test"`, `bash -lc 'npm ci && npm test'`: the script a shell is asked to run, or null. */
const SHELL_SCRIPT = /^(?:\S*\/)?(?:ba|z|da|k)?sh\s+-[a-z]*c[a-z]*\s+(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*$/

function shellScript(segment: string): string | null {
  const match = SHELL_SCRIPT.exec(segment)
  if (!match) return null
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2]
}
