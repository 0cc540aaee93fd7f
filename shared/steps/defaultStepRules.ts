import type { StepRule } from '../records/settings'

/**
 * How tool calls become step labels, in priority order: the first rule that matches a call
 * gives its label, and a shell command matches a rule when any of its segments does, so the
 * order test > build > logs > git > search > read > shell decides `npm ci && npm run build`
 * (build) and `kubectl logs api | grep error | tail` (logs). Patterns are case-insensitive
 * regular expressions; a call no rule matches is not a step. The team edits a copy of this
 * list in settings (`stepRules`); null means these defaults.
 */
const SHELL_TOOLS = ['Bash', 'PowerShell', 'shell', 'exec_command', 'local_shell_call', 'container.exec']
const EDIT_TOOLS = ['Edit', 'MultiEdit', 'Write', 'NotebookEdit', 'apply_patch']
const PACKAGE_MANAGER = '(?:npm|pnpm|yarn|bun)'

export const DEFAULT_STEP_RULES: readonly StepRule[] = [
  { tools: ['Agent', 'Task', 'spawn_agent'], on: 'tool', pattern: '', label: 'subagent' },
  {
    tools: EDIT_TOOLS,
    on: 'path',
    pattern: '(^|/)(docs?/.*\\.(md|mdx|rst|txt)$|adrs?/|postmortem[^/]*\\.md$|changelog[^/]*$|readme[^/]*$)',
    label: 'doc',
  },
  { tools: EDIT_TOOLS, on: 'path', pattern: '', label: 'edit' },
  { tools: ['Read', 'Glob', 'LS', 'NotebookRead', 'view_image'], on: 'tool', pattern: '', label: 'read' },
  { tools: ['Grep'], on: 'tool', pattern: '', label: 'search' },
  { tools: ['WebFetch', 'WebSearch', 'web_search_call', 'web_search'], on: 'tool', pattern: '', label: 'web' },
  {
    tools: ['TodoWrite', 'TaskCreate', 'TaskUpdate', 'EnterPlanMode', 'ExitPlanMode', 'exit_plan_mode', 'update_plan'],
    on: 'tool',
    pattern: '',
    label: 'plan',
  },
  { tools: ['*'], on: 'tool', pattern: '^mcp__', label: 'mcp' },
  {
    tools: ['SlashCommand'],
    on: 'command',
    pattern: '^/(?!(model|compact|clear|help|cost|config|login|logout|status|resume|exit|memory|permissions|doctor|context|usage|add-dir|agents|hooks|ide|mcp|vim|terminal-setup|export|rewind)$)',
    label: 'command',
  },
  {
    tools: SHELL_TOOLS,
    on: 'command',
    pattern: `^(${PACKAGE_MANAGER}( run)? test|${PACKAGE_MANAGER} (run )?test:|npx (vitest|jest|playwright test|mocha)|vitest|jest|mocha|pytest|python3? -m (pytest|unittest)|go test|cargo (test|nextest)|make (test|check)|playwright test|(bundle exec )?rspec|mvn (test|verify)|(\\./)?gradlew? test|dotnet test|deno test|phpunit|tox)\\b`,
    label: 'test',
  },
  {
    tools: SHELL_TOOLS,
    on: 'command',
    pattern: `^(${PACKAGE_MANAGER} (run )?(build|lint|typecheck|check|compile)|npx (tsc|eslint|vite build|prettier --check)|tsc|eslint|ruff|mypy|cargo (build|check|clippy)|go (build|vet)|make|vite build|mvn (package|compile|install)|(\\./)?gradlew? (build|assemble)|dotnet build)\\b`,
    label: 'build',
  },
  {
    tools: SHELL_TOOLS,
    on: 'command',
    pattern: '^(kubectl logs|docker( compose)? logs|journalctl|stern|aws logs|gcloud logging)\\b|^(cat|tail|head|less|grep|rg|zcat|zgrep|awk)\\b.*(\\.log\\b|\\blogs?/)',
    label: 'logs',
  },
  {
    tools: SHELL_TOOLS,
    on: 'command',
    pattern: '^(git (commit|push|pull|fetch|checkout|switch|merge|rebase|add|rm|mv|stash|tag|reset|revert|cherry-pick|restore|branch|clone|worktree|apply)|gh pr (create|merge|checkout|close))\\b',
    label: 'git',
  },
  { tools: SHELL_TOOLS, on: 'command', pattern: '^(rg|grep|egrep|fgrep|ag|ack|find|fd|git grep)\\b', label: 'search' },
  {
    tools: SHELL_TOOLS,
    on: 'command',
    pattern: '^(cat|sed -n|head|tail|less|more|ls|tree|wc|file|stat|bat|nl|git (status|diff|log|show|blame))\\b',
    label: 'read',
  },
  { tools: SHELL_TOOLS, on: 'command', pattern: '', label: 'shell' },
]
