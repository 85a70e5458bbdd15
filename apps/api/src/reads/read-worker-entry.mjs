// A worker thread does not inherit the TypeScript loader the server runs under (tsx): register it
// here, then load the worker itself.
import { register } from 'tsx/esm/api'

register()
await import('./read-worker.ts')
