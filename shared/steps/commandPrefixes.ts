/** Options of a wrapper command whose value is the next word (`-u www`, `--user www`). */
interface WrapperOptions {
  short: string
  long: readonly string[]
}

/**
 * Commands that run the rest of the line as another command, so they do not say what the step
 * is. Their options must go too, or `sudo -u www make` would read as a command named `-u`.
 * null: the wrapper reads no options here, so `command -v make` (a lookup, not a run) keeps its
 * `-v` and names no command.
 */
const WRAPPERS = new Map<string, WrapperOptions | null>([
  ['sudo', { short: 'CDgpRrTtUu', long: ['chdir', 'chroot', 'close-from', 'command-timeout', 'group', 'host', 'other-user', 'prompt', 'role', 'type', 'user'] }],
  ['env', { short: 'CPu', long: ['chdir', 'unset'] }],
  ['time', { short: 'fo', long: ['format', 'output'] }],
  ['nice', { short: 'n', long: ['adjustment'] }],
  ['nohup', null],
  ['exec', null],
  ['command', null],
])

const SUBSHELL = /^\(+\s*/
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=(?:"[^"]*"|'[^']*'|\S*)\s+/
/** One shell word, quotes kept, and the blanks after it. */
const WORD = /^((?:"[^"]*"|'[^']*'|[^\s"'])+)\s*/

/**
 * A simple command without what does not name it: subshell parentheses, `VAR=value`
 * assignments and wrappers (sudo, env, time, nice, nohup…) with their options, so
 * `sudo -E env FOO=1 time -p make test` is `make test`. A wrapper that runs nothing leaves ''.
 */
export function stripCommandPrefixes(segment: string): string {
  let rest = segment.trim()
  for (let next = dropPrefix(rest); next !== null; next = dropPrefix(rest)) rest = next
  return rest.replace(/\)+$/, '').trim()
}

function dropPrefix(text: string): string | null {
  const fixed = SUBSHELL.exec(text) ?? ASSIGNMENT.exec(text)
  if (fixed) return text.slice(fixed[0].length)
  const word = WORD.exec(text)
  const name = word?.[1].split('/').pop() ?? ''
  if (!word || word[0] === text || !WRAPPERS.has(name)) return null
  const options = WRAPPERS.get(name)
  const rest = text.slice(word[0].length)
  return options ? dropOptions(rest, options) : rest
}

/** Drops leading options (getopt style: `-Eu www`, `-uwww`, `--user=www`, `--`). */
function dropOptions(text: string, options: WrapperOptions): string {
  let rest = text
  for (let word = WORD.exec(rest); word && word[1].startsWith('-'); word = WORD.exec(rest)) {
    const option = word[1]
    rest = rest.slice(word[0].length)
    if (option === '--') break
    if (takesSeparateValue(option, options)) rest = rest.replace(WORD, '')
  }
  return rest
}

function takesSeparateValue(option: string, options: WrapperOptions): boolean {
  if (option.startsWith('--')) return options.long.includes(option.slice(2))
  // In a cluster the first value-taking letter takes the rest of the word, or the next word.
  const at = [...option.slice(1)].findIndex((letter) => options.short.includes(letter))
  return at === option.length - 2
}
