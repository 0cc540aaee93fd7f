import { shellSegments } from './shellSegments'

/**
 * Programs whose next words say what they do (a subcommand, script or target: `git commit`,
 * `npm run build`, `cargo nextest run`, `make test`), not what they act on. Any other program
 * keeps only its name, so a search term, a file or a message never reaches a stored step.
 */
const SUBCOMMAND_PROGRAMS = new Set([
  'npm', 'pnpm', 'yarn', 'bun', 'deno', 'go', 'cargo', 'make', 'gmake', 'just', 'rake', 'mvn', 'mvnw', 'gradle', 'gradlew', 'dotnet', 'mix',
  'dune', 'cabal', 'stack', 'zig', 'bazel', 'bazelisk', 'sbt', 'lein', 'nx', 'turbo', 'lerna', 'tox', 'nox', 'pip', 'pip3', 'poetry', 'uv',
  'pipenv', 'pdm', 'hatch', 'rye', 'bundle', 'rails', 'composer', 'swift', 'playwright', 'vitest', 'cypress', 'ruff', 'git', 'gh', 'glab',
  'kubectl', 'helm', 'docker', 'docker-compose', 'podman', 'terraform', 'tofu', 'pulumi', 'aws', 'gcloud', 'az', 'fly', 'flyctl', 'vercel',
  'netlify', 'heroku', 'firebase', 'wrangler', 'sam', 'serverless', 'sls', 'cdk', 'eb', 'skaffold', 'argocd',
])
/** A subcommand-like word: lower case, no path, no option, no value. */
const SUBCOMMAND = /^[a-z][a-z0-9_:-]*$/
/** The program and at most this many words after it. */
const MOST_WORDS = 4

/**
 * What a step keeps of a shell command line: each simple command it runs (see shellSegments)
 * as its program name and, for the programs above, the subcommand words that follow, so
 * `cd api && poetry run pytest -q tests/test_auth.py` keeps `cd` and `pytest`. Labelling rules
 * read these words, at import and whenever a rule changes, so both give the same label.
 */
export function commandWords(command: string): string[] {
  return shellSegments(command).map(commandHead).filter((head) => head !== '')
}

function commandHead(segment: string): string {
  const words = segment.split(/\s+/).filter((word) => word !== '')
  if (words.length === 0) return ''
  const program = words[0].replace(/^["']|["']$/g, '').split(/[\\/]/).pop() ?? ''
  const head = [program]
  if (SUBCOMMAND_PROGRAMS.has(program)) {
    for (const word of words.slice(1)) {
      if (head.length >= MOST_WORDS || !SUBCOMMAND.test(word)) break
      head.push(word)
    }
  }
  return head.join(' ')
}
