import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { collapseRepeats, createStepLabeller } from './labelStep'
import { shellSegments } from './shellSegments'

const { label } = createStepLabeller()
const bash = (command: string) => label({ tool: 'Bash', command })

describe('shellSegments', () => {
  it('splits outside quotes and strips prefixes that do not name the command', () => {
    expect(shellSegments(`rg 'a|b' src && FOO=1 sudo time npm test; (cd web && make) | tee out 2>&1`)).toEqual([
      `rg 'a|b' src`,
      'npm test',
      'cd web',
      'make',
      'tee out 2>&1',
    ])
    expect(shellSegments('echo "x && y" || git push')).toEqual(['echo "x && y"', 'git push'])
  })

  it('drops sudo, time, env, nice and nohup with their options, including options that take a value', () => {
    expect(shellSegments('sudo -E make test')).toEqual(['make test'])
    expect(shellSegments('sudo -u www -g staff make')).toEqual(['make'])
    expect(shellSegments('sudo -uwww --group=staff --chdir /srv -- make')).toEqual(['make'])
    expect(shellSegments('time -p make test')).toEqual(['make test'])
    expect(shellSegments('/usr/bin/time -f %e -o t.txt npm run build')).toEqual(['npm run build'])
    expect(shellSegments('env -i -u HOME PATH=/bin FOO="a b" make')).toEqual(['make'])
    expect(shellSegments('nice -n 10 nohup cargo build')).toEqual(['cargo build'])
    expect(shellSegments('sudo -E env FOO=1 time -p pytest -q')).toEqual(['pytest -q'])
  })

  it('keeps a wrapper that runs nothing, and `command -v`, which only looks a command up', () => {
    expect(shellSegments('sudo -i')).toEqual([])
    expect(shellSegments('env')).toEqual(['env'])
    expect(shellSegments('command -v make')).toEqual(['-v make'])
  })
})

describe('default step rules', () => {
  it('labels compound commands by priority test > lint > deploy > build > logs > git > search > read > shell', () => {
    expect(bash('npm ci && npm run build')).toBe('build')
    expect(bash('cd app && npm run build && npm test')).toBe('test')
    expect(bash("kubectl logs deploy/api | grep -E 'error|timeout' | tail -50")).toBe('logs')
    // Arguments are never kept, so reading a log file is a read like any other file.
    expect(bash('tail -n 200 var/app.log')).toBe('read')
    expect(bash("git add -A && git commit -m 'x'")).toBe('git')
    expect(bash('git status && git diff --stat')).toBe('read')
    expect(bash("rg -n 'a|b' src | head")).toBe('search')
    expect(bash('pytest -q tests/unit')).toBe('test')
    expect(bash('go test ./... && go vet ./...')).toBe('test')
    expect(bash('pip install requests')).toBe('shell')
    expect(label({ tool: 'exec_command', command: 'cargo clippy' })).toBe('lint')
  })

  it('labels a command run through sudo, time, env or nice by the command itself', () => {
    expect(bash('sudo -E make test')).toBe('test')
    expect(bash('sudo -u www make')).toBe('build')
    expect(bash('time make')).toBe('build')
    expect(bash('time -p npm test')).toBe('test')
    expect(bash('env FOO=1 make')).toBe('build')
    expect(bash('env -u HOME make')).toBe('build')
    expect(bash('cd x && sudo make')).toBe('build')
    expect(bash('nice -n 19 make')).toBe('build')
    expect(bash('sudo -u postgres journalctl -u api')).toBe('logs')
  })

  it('tells docs from code edits by path', () => {
    expect(label({ tool: 'Edit', paths: ['/r/src/app.ts'] })).toBe('edit')
    expect(label({ tool: 'Write', paths: ['/r/docs/guide/setup.md'] })).toBe('doc')
    expect(label({ tool: 'Write', paths: ['C:\\r\\README.md'] })).toBe('doc')
    expect(label({ tool: 'apply_patch', paths: ['CHANGELOG.md', 'docs/adr/0001.md'] })).toBe('doc')
    expect(label({ tool: 'apply_patch', paths: ['CHANGELOG.md', 'src/lib.rs'] })).toBe('edit')
  })

  it('labels tools by name: read, search, web, plan, subagent, mcp, custom slash commands', () => {
    expect(label({ tool: 'Read' })).toBe('read')
    expect(label({ tool: 'Grep' })).toBe('search')
    expect(label({ tool: 'WebFetch' })).toBe('web')
    expect(label({ tool: 'TodoWrite' })).toBe('plan')
    expect(label({ tool: 'Task' })).toBe('subagent')
    expect(label({ tool: 'mcp__linear__create_issue' })).toBe('mcp')
    expect(label({ tool: 'SlashCommand', command: '/triage' })).toBe('command')
    expect(label({ tool: 'SlashCommand', command: '/compact' })).toBeNull()
    expect(label({ tool: 'AskUserQuestion' })).toBeNull()
  })
})

/** Command lines as teams' agents run them, and the label each must get. */
const REAL_COMMAND_LINES: [string, string][] = [
  // Test runners behind package managers, runners and wrappers.
  ['pnpm vitest run', 'test'],
  ['pnpm vitest run src/auth --reporter=dot', 'test'],
  ['poetry run pytest -q tests/test_api.py::test_login', 'test'],
  ['uv run pytest -x', 'test'],
  ['uv run --frozen pytest', 'test'],
  ['bundle exec rspec spec/models/user_spec.rb:42', 'test'],
  ['go test ./...', 'test'],
  ['go test -run TestLogin ./internal/auth', 'test'],
  ['cargo nextest run --workspace', 'test'],
  ['cargo test -p core', 'test'],
  ['timeout 60 npm test', 'test'],
  ['timeout -s KILL 5m pnpm test', 'test'],
  ['sh -c "make test"', 'test'],
  ["bash -lc 'cd web && npm ci && npm test'", 'test'],
  ['npx jest --runInBand src/cart.test.ts', 'test'],
  ['npx --yes playwright test e2e/login.spec.ts', 'test'],
  ['npm run test:unit -- --watch=false', 'test'],
  ['yarn test --coverage', 'test'],
  ['python -m pytest -k "not slow"', 'test'],
  ['python3 -m unittest discover', 'test'],
  ['pipenv run pytest', 'test'],
  ['./gradlew test --tests com.acme.AuthTest', 'test'],
  ['mvn verify', 'test'],
  ['dotnet test Acme.sln', 'test'],
  ['bin/rails test test/models', 'test'],
  ['CI=1 npm test', 'test'],
  ['cd services/api && go test ./... 2>&1 | tail -50', 'test'],
  // Linters and type checks.
  ['npx eslint . --fix', 'lint'],
  ['pnpm run lint', 'lint'],
  ['npm run typecheck', 'lint'],
  ['npx tsc --noEmit -p tsconfig.json', 'lint'],
  ['uv run ruff check src', 'lint'],
  ['poetry run mypy app', 'lint'],
  ['golangci-lint run ./...', 'lint'],
  ['cargo clippy --all-targets -- -D warnings', 'lint'],
  ['bundle exec rubocop -a', 'lint'],
  // Builds.
  ['npm ci && npm run build', 'build'],
  ['pnpm build', 'build'],
  ['cargo build --release', 'build'],
  ['go build -o bin/api ./cmd/api', 'build'],
  ['make', 'build'],
  ['make -j8', 'build'],
  ['docker build -t acme/api:dev .', 'build'],
  ['./gradlew assemble', 'build'],
  // Deploys.
  ['kubectl apply -f k8s/deploy.yaml', 'deploy'],
  ['kubectl rollout restart deploy/api', 'deploy'],
  ['helm upgrade --install api charts/api', 'deploy'],
  ['terraform apply -auto-approve', 'deploy'],
  ['fly deploy --remote-only', 'deploy'],
  ['vercel --prod', 'deploy'],
  ['npm run deploy:staging', 'deploy'],
  ['make deploy', 'deploy'],
  ['make dist', 'build'],
  ['gcloud run deploy api --source .', 'deploy'],
  ['docker push ghcr.io/acme/api:1.2.3', 'deploy'],
  // Logs.
  ['kubectl logs deploy/api --since=1h | grep -i error', 'logs'],
  ['docker compose logs -f worker', 'logs'],
  ['journalctl -u nginx --since today', 'logs'],
  ['aws logs tail /aws/lambda/checkout --follow', 'logs'],
  // Git.
  ["git add -A && git commit -m 'fix: login redirect'", 'git'],
  ['git push origin feature/login', 'git'],
  ['git checkout -b fix/cart-total', 'git'],
  ['gh pr create --fill', 'git'],
  ['git status', 'read'],
  ['git diff HEAD~1 -- src/', 'read'],
  ['gh pr view 123 --comments', 'read'],
  // Search and read.
  ["rg -n 'TODO|FIXME' src", 'search'],
  ['grep -rn "useAuth" src/', 'search'],
  ['find . -name "*.test.ts"', 'search'],
  ['cat package.json', 'read'],
  ['ls -la src/components', 'read'],
  // Everything else.
  ['pip install -r requirements.txt', 'shell'],
  ['npm install lodash', 'shell'],
  ['curl -s http://localhost:3000/health', 'shell'],
]

describe('default step rules on real command lines', () => {
  it.each(REAL_COMMAND_LINES)('%s → %s', (command, expected) => {
    expect(bash(command)).toBe(expected)
  })

  it('keeps only program and subcommand words, never arguments, paths, messages or search terms', () => {
    const { reduce } = createStepLabeller()
    expect(reduce({ tool: 'Bash', command: "git commit -m 'secret plan' && rg -n password src/auth" }).command).toEqual(['git commit', 'rg'])
    expect(reduce({ tool: 'Bash', command: 'cd /home/ana/acme && poetry run pytest tests/test_payroll.py' }).command).toEqual(['cd', 'pytest'])
    expect(reduce({ tool: 'Write', paths: ['/home/ana/acme/docs/incident-0412.md'] })).toEqual({ tool: 'Write', pathLabel: 'doc' })
  })

  it('labels a kept call as it labelled the original one (property)', () => {
    const { label, labelCall, reduce } = createStepLabeller()
    const word = fc.constantFrom('npm', 'pnpm', 'run', 'test', 'build', 'git', 'push', 'pytest', 'poetry', 'make', 'kubectl', 'logs', '-q', './src', "'a b'", 'timeout', '60', 'sh', '-c', 'uv', 'sudo', 'env', 'X=1', 'cat', 'x.log')
    const separator = fc.constantFrom(' ', ' && ', ' | ', '; ')
    const command = fc.array(fc.tuple(word, separator), { maxLength: 8 }).map((parts) => parts.map(([w, s]) => w + s).join('').trim())
    fc.assert(
      fc.property(command, (line) => {
        expect(labelCall(reduce({ tool: 'Bash', command: line }))).toBe(label({ tool: 'Bash', command: line }))
        expect(() => reduce({ tool: 'Bash', command: line })).not.toThrow()
      }),
    )
  })
})

describe('team rules', () => {
  it('are data: a custom rule list replaces the defaults, and invalid patterns are reported, not fatal', () => {
    const custom = createStepLabeller([
      { tools: ['Bash'], on: 'command', pattern: '^terraform (plan|apply)', label: 'deploy' },
      { tools: ['Bash'], on: 'command', pattern: '(', label: 'broken' },
      { tools: ['*'], on: 'tool', pattern: '', label: 'other' },
    ])
    expect(custom.problems).toHaveLength(1)
    expect(custom.label({ tool: 'Bash', command: 'cd infra && terraform apply' })).toBe('deploy')
    expect(custom.label({ tool: 'Read' })).toBe('other')
  })

  it('collapses consecutive repeats', () => {
    expect(collapseRepeats(['read', 'read', 'edit', 'read', 'read'])).toEqual(['read', 'edit', 'read'])
  })
})
