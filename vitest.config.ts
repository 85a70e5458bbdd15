import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'apps/*/test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Bounds for a stuck test, not a slow one: a busy 2-core machine can take many seconds for a
    // test that starts worker threads or a server; no test asserts how fast the machine is.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: 'silent' },
  },
})
