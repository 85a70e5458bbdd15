import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { worldShapes } from './build/world-shapes'

const API = 'http://127.0.0.1:3000'

export default defineConfig({
  plugins: [react(), worldShapes()],
  server: {
    port: 5173,
    // The dashboard calls /api on its own origin, as in production (the API serves the built app),
    // so cookies and CSP behave the same in development.
    proxy: {
      '/api': { target: API, changeOrigin: false },
      '/public': { target: API, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Keep a strict CSP possible: no inline module-preload polyfill or data: URLs for assets.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Stable, named vendor chunks for what every page needs (cached across releases);
        // form and table libraries stay in the lazy route chunks that use them.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'tanstack',
              test: /node_modules[\\/]@tanstack[\\/](react-router|router-core|history|react-query|query-core|store|react-store)[\\/]/,
            },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
            // With zod goes the app's `z.config({ jitless: true })` (lib/zod-jitless.ts): the schema
            // modules shared with other chunks sit in chunks of their own, evaluated before the entry
            // chunk's code, and must already find zod jitless (or the CSP reports zod's eval probe).
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]lib[\\/]zod-jitless\.ts$/ },
          ],
        },
      },
    },
  },
})
