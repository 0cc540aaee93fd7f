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
  it('labels compound commands by priority test > build > logs > git > search > read > shell', () => {
    expect(bash('npm ci && npm run build')).toBe('build')
    expect(bash('cd app && npm run build && npm test')).toBe('test')
    expect(bash("kubectl logs deploy/api | grep -E 'error|timeout' | tail -50")).toBe('logs')
    expect(bash('tail -n 200 var/app.log')).toBe('logs')
    expect(bash("git add -A && git commit -m 'x'")).toBe('git')
    expect(bash('git status && git diff --stat')).toBe('read')
    expect(bash("rg -n 'a|b' src | head")).toBe('search')
    expect(bash('pytest -q tests/unit')).toBe('test')
    expect(bash('go test ./... && go vet ./...')).toBe('test')
    expect(bash('pip install requests')).toBe('shell')
    expect(label({ tool: 'exec_command', command: 'cargo clippy' })).toBe('build')
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
