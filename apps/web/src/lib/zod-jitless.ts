import { z } from 'zod'

/**
 * zod compiles object schemas with `new Function` when it may. The dashboard's Content Security
 * Policy (script-src 'self', no 'unsafe-eval') forbids that, and zod's probe for it, though caught,
 * is reported by the browser as a CSP violation on every page that builds a schema (Lighthouse's
 * Best Practices: "Issues were logged in the Issues panel"). jitless skips the probe and the
 * compilation, which the CSP never allowed anyway. Imported first by main.tsx: zod reads the
 * setting when a schema is built, and @seloste/schema builds its schemas when it is imported.
 */
z.config({ jitless: true })
