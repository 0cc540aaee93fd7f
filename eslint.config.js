// The lint guards the folder boundaries of DESIGN.md (which layer may import which) and a
// few cheap correctness checks; style is left to the reviewers. Parsing only, no type
// information, so it stays fast. The boundaries are proven in eslint.config.test.ts.
import { readdirSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { defineConfig } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const VIEWS = readdirSync(new URL('./renderer/views/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

/** A relative import that climbs out to one of these top-level folders. */
function intoFolders(folders, message) {
  return { regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, caseSensitive: true, message }
}

const NODE_BUILTINS = {
  regex: `^(node:.*|${builtinModules.filter((name) => !name.startsWith('_')).join('|')})(/.*)?$`,
  message: 'shared/ is pure TypeScript: Node APIs belong in node/, cli/, server/ or electron/main.',
}
const PLATFORM_FOLDERS = ['renderer', 'electron', 'cli', 'server', 'node', 'bench', 'scripts']
const SHARED_STAYS_PURE = intoFolders([...PLATFORM_FOLDERS, 'test'], 'shared/ imports only shared/ and its libraries.')
const SHARED_TESTS_NO_PLATFORM = intoFolders(PLATFORM_FOLDERS, 'Tests of shared/ use shared/ and the fixtures in test/, no platform code.')
const RENDERER_PLATFORM = intoFolders(['cli', 'server', 'node', 'bench', 'scripts'], 'The renderer runs in a browser window: no Node platform code.')
const ELECTRON_TYPES_ONLY = {
  ...intoFolders(['electron'], 'The renderer imports only types from electron/ (`import type`); calls go through renderer/platform.'),
  allowTypeImports: true,
}
const MAIN_NOT_CLI = intoFolders(['cli'], 'electron/main does not import the CLI: shared Node code lives in node/.')
/** Test helpers are test code, in a `test/` folder (test/support/, renderer/test/): the app's own code never imports them. */
const APP_NOT_TEST_CODE = intoFolders(['test'], 'Test helpers live in test/ folders, and only tests import them.')
/** Importers build batches and storage keeps them: both depend on shared/batches/, storage never on an importer's quirks. */
const STORAGE_NOT_IMPORTERS = {
  regex: '^(\\.\\./)+(shared/)?importers(/|$)',
  caseSensitive: true,
  message: 'shared/workspace/ and shared/batches/ do not import shared/importers/: what a stored batch needs lives in shared/batches/.',
}
const BATCHES_BELOW_WORKSPACE = {
  regex: '^(\\.\\./)+(shared/)?workspace(/|$)',
  caseSensitive: true,
  message: 'shared/batches/ does not import shared/workspace/: the workspace stores batches, not the other way round.',
}

function restrictImports(...patterns) {
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] }
}

/** Views own only UI: a view imports no other view (shared UI is in renderer/components/, hooks in renderer/workspace/). */
function viewBoundary(view) {
  const others = VIEWS.filter((name) => name !== view)
  return {
    files: [`renderer/views/${view}/**`],
    rules: restrictImports(
      RENDERER_PLATFORM,
      ELECTRON_TYPES_ONLY,
      { regex: `^(\\.\\./)+(views/)?(${others.join('|')})(/|$)`, caseSensitive: true, message: `A view does not import another view: move what ${view} shares to renderer/components/ or renderer/workspace/.` },
    ),
  }
}

export default defineConfig(
  { ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', 'test/artifacts/', 'bench-data/', 'data/'] },
  {
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-dupe-else-if': 'error',
      'no-duplicate-case': 'error',
      'no-self-assign': 'error',
      'no-self-compare': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      'no-cond-assign': 'error',
      'no-compare-neg-zero': 'error',
      'use-isnan': 'error',
      'valid-typeof': 'error',
    },
  },
  { files: ['shared/**'], rules: restrictImports(SHARED_STAYS_PURE, NODE_BUILTINS) },
  // Tests beside the core run in Node and may read fixture files.
  { files: ['shared/**/*.test.ts'], rules: restrictImports(SHARED_TESTS_NO_PLATFORM) },
  { files: ['shared/workspace/**'], ignores: ['**/*.test.ts'], rules: restrictImports(SHARED_STAYS_PURE, NODE_BUILTINS, STORAGE_NOT_IMPORTERS) },
  { files: ['shared/workspace/**/*.test.ts'], rules: restrictImports(SHARED_TESTS_NO_PLATFORM, STORAGE_NOT_IMPORTERS) },
  { files: ['shared/batches/**'], ignores: ['**/*.test.ts'], rules: restrictImports(SHARED_STAYS_PURE, NODE_BUILTINS, STORAGE_NOT_IMPORTERS, BATCHES_BELOW_WORKSPACE) },
  { files: ['shared/batches/**/*.test.ts'], rules: restrictImports(SHARED_TESTS_NO_PLATFORM, STORAGE_NOT_IMPORTERS, BATCHES_BELOW_WORKSPACE) },
  { files: ['renderer/**'], rules: restrictImports(RENDERER_PLATFORM, ELECTRON_TYPES_ONLY) },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...VIEWS.map(viewBoundary),
  { files: ['electron/main/**'], rules: restrictImports(MAIN_NOT_CLI) },
  // ESLint's own rule, so the boundaries above (the typescript-eslint rule's) still apply.
  {
    files: ['shared/**', 'renderer/**', 'electron/**', 'cli/**', 'server/**', 'node/**'],
    ignores: ['**/*.test.{ts,tsx}', '**/test/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [APP_NOT_TEST_CODE] }] },
  },
)
