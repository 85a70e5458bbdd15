/**
 * User administration from the command line (for the first admin, or when locked out):
 *   pnpm users list
 *   pnpm users create --email a@b.fi --name "Name" --role editor [--password ...]
 *   pnpm users reset-password --email a@b.fi [--password ...]
 *   pnpm users unlock --email a@b.fi      (lifts the login backoff after a guessing attack)
 * Without --password a strong one is generated and printed once.
 */
import { parseArgs } from 'node:util'
import { UserRole } from '@seloste/schema'
import { closeDatabase, openDatabase } from '../db/client'
import { readEnv } from '../env'
import { AppError } from '../lib/app-error'
import { systemContext } from '../services/context'
import { generatePassword } from '../services/passwords'
import { createUser, findUserByEmail, listUsers, resetPassword, unlockUser } from '../services/users'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
})

async function run(): Promise<string> {
  const db = openDatabase(readEnv().DATABASE_PATH)
  const ctx = systemContext(db)
  try {
    switch (positionals[0]) {
      case 'list':
        return (
          listUsers(db)
            .map((u) => `${u.id}\t${u.email}\t${u.role}${u.disabled ? '\t(disabled)' : ''}\t${u.name}`)
            .join('\n') || 'No users.'
        )
      case 'create': {
        const role = UserRole.safeParse(values.role ?? 'editor')
        if (!values.email || !role.success) throw new Error('Give --email and --role admin|editor|auditor')
        const password = values.password ?? generatePassword()
        const user = await createUser(ctx, { email: values.email, name: values.name ?? values.email, role: role.data, password })
        return `Created ${user.email} (${user.role}).${values.password ? '' : `\nPassword (shown once): ${password}`}`
      }
      case 'reset-password': {
        const user = values.email ? findUserByEmail(db, values.email) : undefined
        if (!user) throw new Error('No user with that --email')
        const password = values.password ?? generatePassword()
        await resetPassword(ctx, user.id, password)
        return `Reset the password of ${user.email}; their sessions ended.${values.password ? '' : `\nNew password (shown once): ${password}`}`
      }
      case 'unlock': {
        const user = values.email ? findUserByEmail(db, values.email) : undefined
        if (!user) throw new Error('No user with that --email')
        unlockUser(ctx, user.id)
        return `Lifted the login backoff on ${user.email}.`
      }
      default:
        throw new Error(
          'Usage: users list | create --email E --role R [--name N] [--password P] | reset-password --email E [--password P] | unlock --email E',
        )
    }
  } finally {
    closeDatabase(db)
  }
}

run().then(
  (out) => console.log(out),
  (err: unknown) => {
    const detail =
      err instanceof AppError && err.extra.fields ? `: ${err.extra.fields.map((f) => `${f.path} ${f.message}`).join('; ')}` : ''
    console.error(`${err instanceof Error ? err.message : String(err)}${detail}`)
    process.exit(1)
  },
)
