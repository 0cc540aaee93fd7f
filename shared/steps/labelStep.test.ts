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
