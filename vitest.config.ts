import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Tests that replace a module (vi.mock) run isolated, each file with its own module graph; all the
// others share one module graph per worker, so that the app (Hono, drizzle, zod, the renderers) is
// imported once per worker instead of once per file: with isolation that import was most of the
// suite's time. No test relies on module state: each gets its own database (apps/api/test/helpers.ts),
// the server's module caches are keyed by database, and tests that change the environment or the
// catalogue put it back.
const MOCKING = ['apps/web/src/components/form/form-resolver.test.ts']

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    // One worker per core. Said outright: with isolate: false below, vitest 4.1 on this 2-core
    // machine ran every file in one worker (62 s instead of 43 s).
    maxWorkers: availableParallelism(),
    // Bounds for a stuck test, not a slow one: a busy 2-core machine can take many seconds for a
    // test that starts worker threads or a server; no test asserts how fast the machine is.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: 'silent' },
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'apps/*/test/**/*.test.ts'],
          exclude: MOCKING,
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING } },
    ],
  },
})
