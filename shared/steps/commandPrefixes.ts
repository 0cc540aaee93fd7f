/** Options of a wrapper command whose value is the next word (`-u www`, `--user www`). */
interface WrapperOptions {
  short: string
  long: readonly string[]
  /** Words it takes after its options, before the command (`timeout 60 npm test`). */
  positionals?: number
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
  ['timeout', { short: 'ks', long: ['kill-after', 'signal'], positionals: 1 }],
  ['nohup', null],
  ['exec', null],
  ['command', null],
])

const SUBSHELL = /^\(+\s*/
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=(?:"[^"]*"|'[^']*'|\S*)\s+/
/** One shell word, quotes kept, and the blanks after it. */
const WORD = /^((?:"[^"]*"|'[^']*'|[^\s"'])+)\s*/

/**
 * Commands that run a tool from a package or environment: what they run says what the step is,
 * so `poetry run pytest`, `uv run pytest`, `bundle exec rspec` and `npx jest` read as the test
 * runner. Their own options (`npx --yes`, `uv run --frozen`) go too.
 */
const RUNNERS: readonly (readonly string[])[] = [
  ['npx'],
  ['bunx'],
  ['uvx'],
  ['pnpm', 'exec'],
  ['pnpm', 'dlx'],
  ['yarn', 'exec'],
  ['yarn', 'dlx'],
  ['npm', 'exec'],
  ['poetry', 'run'],
  ['uv', 'run'],
  ['pipenv', 'run'],
  ['pdm', 'run'],
  ['hatch', 'run'],
  ['rye', 'run'],
  ['bundle', 'exec'],
  ['python', '-m'],
  ['python3', '-m'],
]

/**
 * A simple command without what does not name it: subshell parentheses, `VAR=value`
 * assignments, wrappers (sudo, env, time, timeout, nice, nohup…) with their options and
 * runners (npx, poetry run, bundle exec…), so `sudo -E env FOO=1 timeout 60 poetry run pytest`
 * is `pytest`. A wrapper that runs nothing leaves ''.
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
  if (!word || word[0] === text) return null
  if (!WRAPPERS.has(name)) return dropRunner(text)
  const options = WRAPPERS.get(name)
  let rest = text.slice(word[0].length)
  if (!options) return rest
  rest = dropOptions(rest, options)
  for (let i = 0; i < (options.positionals ?? 0); i++) rest = rest.replace(WORD, '')
  return rest
}

/** The command a runner runs, or null when the text does not start with a runner and something after it. */
function dropRunner(text: string): string | null {
  const words = text.split(/\s+/)
  const runner = RUNNERS.find((prefix) => words.length > prefix.length && prefix.every((part, i) => words[i] === part))
  if (!runner) return null
  let rest = words.slice(runner.length)
  while (rest.length > 1 && rest[0].startsWith('-') && rest[0] !== '--') rest = rest.slice(1)
  if (rest[0] === '--') rest = rest.slice(1)
  return rest.length > 0 ? rest.join(' ') : null
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
