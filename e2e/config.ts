/** Shared by playwright.config.ts and the fixtures. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100)

/** The first administrator, created by the server from SELOSTE_ADMIN_* on its first start. */
export const E2E_ADMIN = {
  email: 'e2e-admin@example.fi',
  password: 'journeys through the registry 2025',
} as const
