/** Structured one-line logs. Never pass request bodies or personal data here. */
type Fields = Record<string, unknown>

function write(level: 'debug' | 'info' | 'warn' | 'error', msg: string, fields: Fields) {
  const wanted = process.env.LOG_LEVEL
  if (wanted === 'silent' || (level === 'info' && wanted === 'warn')) return
  // Debug lines only when asked for (LOG_LEVEL=debug): operational detail, such as shutdown phases.
  if (level === 'debug' && wanted !== 'debug') return
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields })
  if (level === 'error') console.error(line)
  else console.log(line)
}

export const logger = {
  debug: (msg: string, fields: Fields = {}) => write('debug', msg, fields),
  info: (msg: string, fields: Fields = {}) => write('info', msg, fields),
  warn: (msg: string, fields: Fields = {}) => write('warn', msg, fields),
  error: (msg: string, fields: Fields = {}) => write('error', msg, fields),
}
