import type { StepRule } from '../records/settings'

/**
 * How tool calls become step labels, in priority order: the first rule that matches a call
 * gives its label, and a shell command matches a rule when any of its simple commands does, so
 * the order test > lint > deploy > build > logs > git > search > read > shell decides
 * `npm ci && npm run build` (build), `make deploy` (deploy, not build) and `kubectl logs api | grep error | tail` (logs).
 * Command patterns read each simple command as it is kept (shared/steps/commandWords.ts): the
 * program after wrappers and runners (`timeout 60`, `sh -c`, `poetry run`, `npx`…) and, for
 * programs with subcommands, up to three subcommand words: `go test`, `pnpm vitest run`,
 * `npm run test:unit`, `kubectl logs`; `(?=\\s|$)` lets more words follow (`git push origin`).
 * Patterns are case-insensitive regular expressions; a call
 * no rule matches is not a step. The team edits a copy of this list in settings
 * (`stepRules`); null means these defaults.
 */
const SHELL_TOOLS = ['Bash', 'PowerShell', 'shell', 'exec_command', 'local_shell_call', 'container.exec', 'run_shell_command', 'Execute', 'bash', 'powershell']
const EDIT_TOOLS = ['Edit', 'MultiEdit', 'Write', 'NotebookEdit', 'apply_patch', 'edit', 'write_file', 'replace', 'Create', 'ApplyPatch', 'multiedit', 'write', 'patch', 'create', 'str_replace_editor']
const PACKAGE_MANAGER = '(?:npm|pnpm|yarn|bun)'

export const DEFAULT_STEP_RULES: readonly StepRule[] = [
  { tools: ['Agent', 'Task', 'spawn_agent', 'agent', 'task'], on: 'tool', pattern: '', label: 'subagent' },
  {
    tools: EDIT_TOOLS,
    on: 'path',
    pattern: '(^|/)(docs?/.*\\.(md|mdx|rst|txt)$|adrs?/|postmortem[^/]*\\.md$|changelog[^/]*$|readme[^/]*$)',
    label: 'doc',
  },
  { tools: EDIT_TOOLS, on: 'path', pattern: '', label: 'edit' },
  { tools: ['Read', 'Glob', 'LS', 'NotebookRead', 'view_image', 'read_file', 'read_many_files', 'list_directory', 'glob', 'read', 'list', 'view'], on: 'tool', pattern: '', label: 'read' },
  { tools: ['Grep', 'grep_search', 'search_file_content', 'grep'], on: 'tool', pattern: '', label: 'search' },
  { tools: ['WebFetch', 'WebSearch', 'web_search_call', 'web_search', 'web_fetch', 'FetchUrl', 'webfetch', 'websearch', 'google_web_search'], on: 'tool', pattern: '', label: 'web' },
  {
    tools: ['TodoWrite', 'TaskCreate', 'TaskUpdate', 'EnterPlanMode', 'ExitPlanMode', 'exit_plan_mode', 'update_plan', 'todo_write', 'task_create', 'task_update', 'ExitSpecMode', 'todowrite', 'update_todo', 'write_todos', 'enter_plan_mode'],
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
    pattern: `^(${PACKAGE_MANAGER} (run )?test(:\\S*)?|${PACKAGE_MANAGER} (exec )?(vitest|jest|mocha|ava|playwright test)|vitest|jest|mocha|ava|pytest|py\\.test|unittest|go test|cargo (test|nextest)|make (test|check)|just test|rake (test|spec)|rails test|playwright test|cypress run|rspec|mvn (test|verify)|gradlew? (test|check)|dotnet test|deno test|phpunit|pest|tox|nox|mix test|dune test|cabal test|stack test|zig build test|bazel test|ctest|nx test|turbo (run )?test)(?=\\s|$)`,
    label: 'test',
  },
  {
    tools: SHELL_TOOLS,
    on: 'command',
    pattern: `^(${PACKAGE_MANAGER} (run )?(lint|format|fmt|typecheck|type-check|check)(:\\S*)?|eslint|prettier|biome|ruff( check| format)?|black|isort|flake8|pylint|mypy|pyright|tsc|golangci-lint|go vet|gofmt|cargo (clippy|fmt)|rubocop|shellcheck|stylelint|hadolint|ktlint|swiftlint|make lint|just lint)(?=\\s|$)`,
    label: 'lint',
  },
  {
    tools: SHELL_TOOLS,
    on: 'command',
    pattern: `^(kubectl (apply|rollout|set image)|helm (upgrade|install|rollback)|(terraform|tofu) apply|pulumi up|cdk deploy|sam deploy|(serverless|sls) deploy|vercel|netlify deploy|(fly|flyctl) deploy|heroku (releases|container:release)|gcloud (app|run|functions) deploy|firebase deploy|wrangler (deploy|publish)|docker push|eb deploy|skaffold (run|deploy)|argocd app sync|aws (ecs update-service|lambda update-function-code|cloudformation deploy|s3 sync)|${PACKAGE_MANAGER} (run )?deploy(:\\S*)?|(npm|cargo) publish|make deploy|just deploy|gh release create)(?=\\s|$)`,
    label: 'deploy',
  },
  {
    tools: SHELL_TOOLS,
    on: 'command',
    pattern: `^(${PACKAGE_MANAGER} (run )?(build|compile|bundle)(:\\S*)?|vite build|webpack|esbuild|rollup|cargo build|go build|g?make|mvn (package|compile|install)|gradlew? (build|assemble)|dotnet build|bazel build|zig build|swift build|mix compile|docker (compose )?build|docker-compose build|cmake|ninja|xcodebuild)(?=\\s|$)`,
    label: 'build',
  },
  {
    tools: SHELL_TOOLS,
    on: 'command',
    pattern: '^(kubectl logs|docker (compose )?logs|docker-compose logs|journalctl|stern|aws logs|gcloud logging|heroku logs|(fly|flyctl) logs|vercel logs|wrangler tail)(?=\\s|$)',
    label: 'logs',
  },
  {
    tools: SHELL_TOOLS,
    on: 'command',
    pattern: '^(git (commit|push|pull|fetch|checkout|switch|merge|rebase|add|rm|mv|stash|tag|reset|revert|cherry-pick|restore|branch|clone|worktree|apply)|gh pr (create|merge|checkout|close))(?=\\s|$)',
    label: 'git',
  },
  { tools: SHELL_TOOLS, on: 'command', pattern: '^(rg|grep|egrep|fgrep|ag|ack|find|fd|git grep)(?=\\s|$)', label: 'search' },
  {
    tools: SHELL_TOOLS,
    on: 'command',
    pattern: '^(cat|head|tail|less|more|ls|tree|wc|file|stat|bat|nl|git (status|diff|log|show|blame)|gh pr (view|diff|checks))(?=\\s|$)',
    label: 'read',
  },
  { tools: SHELL_TOOLS, on: 'command', pattern: '', label: 'shell' },
]
