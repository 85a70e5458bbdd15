// Lint rules the code is held to (run by `pnpm lint`, part of scripts/test.sh, 0 warnings allowed).
// Besides the recommended sets, the import zones encode the layering described in ARCHITECTURE.md:
// api: routes -> services -> db, one way; renderers and checks are pure; web: features never
// import each other, and nothing below app/ imports app/.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import globals from 'globals'
import { readdirSync } from 'node:fs'

const webFeatures = readdirSync(new URL('./apps/web/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

/** A rule refusing imports whose path matches any of `groups` (gitignore-style patterns). */
const forbid = (message, ...groups) => ['error', { patterns: [{ group: groups, message }] }]

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'screenshots/**', '**/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The test client's response body (apps/api/test/helpers.ts, type JsonBody) is the one \`any\` allowed:
  // tests read fields of parsed JSON whose shape their own assertions check, hundreds of times; a
  // test that wants the schema's type asks for it (ctx.api.get<ProcessorPage>(...)).
  { files: ['apps/api/test/helpers.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Playwright reads a fixture's first parameter as an object pattern to learn what it depends on:
  // a fixture that depends on nothing must write \`async ({}, use) => ...\`.
  { files: ['e2e/fixtures.ts'], rules: { 'no-empty-pattern': 'off' } },
  // ---- apps/api: one-way layers.
  {
    files: ['apps/api/src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        'db/ is the bottom layer: it imports no services, routes or read pool.',
        '**/services/**',
        '**/routes/**',
        '**/reads/**',
        '**/app',
        '**/lib/create-app',
      ),
    },
  },
  {
    files: ['apps/api/src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        'services never reach back up into routes or the app shell.',
        '**/routes/**',
        '**/app',
        '**/lib/create-app',
      ),
    },
  },
  {
    files: ['apps/api/src/public-list/**/*.ts', 'apps/api/src/findings/**/*.ts', 'apps/api/src/exports/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        'renderers, builders and checks are pure: data in, text out; no database, services or routes.',
        '**/db/**',
        '**/services/**',
        '**/routes/**',
        '**/reads/**',
        'better-sqlite3',
        'drizzle-orm',
        'drizzle-orm/**',
      ),
    },
  },
  {
    files: ['packages/schema/src/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        'packages/schema is pure and shared: no app code, no I/O.',
        '@seloste/api',
        '@seloste/web',
        'node:fs',
        'node:*',
      ),
    },
  },
  // ---- apps/web: React rules and feature boundaries.
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrolling container (a wide table, a preview) must be reachable by keyboard to be scrolled
      // (WCAG 2.1.1; axe's scrollable-region-focusable): it gets tabIndex={0} with role="region" and
      // a name, so a focusable region is allowed besides the default tabpanel.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
      // A double cast silences the compiler instead of stating a type it can check: the forms type
      // their resolvers through components/form/form-resolver.ts, and data of unknown shape is narrowed
      // with a type guard.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSAsExpression.expression > TSUnknownKeyword.typeAnnotation',
          message: '`as unknown as` hides a type mismatch: type it (a generic, a helper, a type guard) instead.',
        },
      ],
    },
  },
  // The dashboard is not built with React Compiler, so a component the compiler would skip loses
  // nothing at run time; TanStack Table's useReactTable returns functions it cannot memoize, and
  // has no compiler-friendly form. (React Hook Form's watch() has one, useWatch, which the forms use.)
  { files: ['apps/web/src/features/processors/components/processors-table.tsx'], rules: { 'react-hooks/incompatible-library': 'off' } },
  ...webFeatures.map((feature) => ({
    files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': forbid(
        'features never import each other or the app shell: share through src/components or src/lib.',
        ...webFeatures.filter((other) => other !== feature).flatMap((other) => [`**/features/${other}`, `**/features/${other}/**`]),
        '**/app/**',
        '@/app/**',
      ),
    },
  })),
  {
    files: ['apps/web/src/{components,lib,config,locales}/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': forbid('shared web code imports no feature and not the app shell.', '**/features/**', '**/app/**') },
  },
)
