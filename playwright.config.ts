import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { E2E_ADMIN, E2E_PORT } from './e2e/config'

// The journeys run against the real production server on the built dashboard: build it first.
// WEB_DIST may point at another build (several people running journeys side by side).
const webDist = process.env.WEB_DIST ?? join(dirname(fileURLToPath(import.meta.url)), 'apps/web/dist')
if (!existsSync(join(webDist, 'index.html'))) {
  throw new Error('The dashboard is not built. Run `pnpm build` before `pnpm test:e2e`.')
}
// The compiled server (apps/api/build.mjs), as in production.
const serverJs = join(dirname(fileURLToPath(import.meta.url)), 'apps/api/dist/server.js')
if (!existsSync(serverJs)) {
  throw new Error('The API is not built. Run `pnpm build` before `pnpm test:e2e`.')
}

// A fresh database per run. The config is also loaded in the worker processes, where this path
// is unused: only the web server (started once, by the main process) opens it.
const databasePath = join(tmpdir(), `seloste-e2e-${Date.now()}.sqlite`)

export default defineConfig({
  testDir: './e2e',
  // Journeys share one server and database; each creates its own uniquely named data.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'en-GB',
    timezoneId: 'Europe/Helsinki',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The compiled production server itself, one node process (not through pnpm).
    command: `node --enable-source-maps ${JSON.stringify(serverJs)}`,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'warn',
      WEB_DIST: webDist,
      SELOSTE_DEMO_DATA: 'true',
      SELOSTE_ADMIN_EMAIL: E2E_ADMIN.email,
      SELOSTE_ADMIN_PASSWORD: E2E_ADMIN.password,
      // An invented vendor catalogue (example.com vendors), so the catalogue journey does not depend on the shipped data.
      SELOSTE_CATALOGUE_FILE:
        process.env.SELOSTE_CATALOGUE_FILE ?? join(dirname(fileURLToPath(import.meta.url)), 'apps/api/test/fixtures/catalogue-v1.json'),
    },
  },
})
