import { createRoute } from '@hono/zod-openapi'
import { LoginInput, PasswordChange, SessionInfo } from '@seloste/schema'
import { AppError } from '../lib/app-error'
import { clearSessionCookie, setSessionCookie } from '../lib/auth'
import { createRouter, serviceContext } from '../lib/create-app'
import { errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import { login, logout } from '../services/login'
import { changeOwnPassword } from '../services/users'

const tags = ['Sessions']

export const authRouter = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags,
      summary: 'Log in: sets the session cookie',
      request: { body: jsonBody(LoginInput) },
      responses: { 200: jsonResponse(SessionInfo, 'Logged in'), ...errorResponses(400, 401, 429) },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json')
      const config = c.var.config
      const session = await login(serviceContext(c), email, password, { session: config.session, throttle: config.throttle })
      setSessionCookie(c, session.token, session.expiresAt)
      c.header('Cache-Control', 'no-store')
      return c.json({ user: session.user }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags,
      summary: 'Log out: ends this session',
      responses: { 204: { description: 'Logged out' }, ...errorResponses(401) },
    }),
    (c) => {
      const token = c.var.sessionToken
      if (token) logout(serviceContext(c), token)
      clearSessionCookie(c)
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags,
      summary: 'The logged-in user',
      responses: { 200: jsonResponse(SessionInfo, 'The session'), ...errorResponses(401) },
    }),
    (c) => {
      const user = c.var.user
      if (!user) throw new AppError('unauthenticated', 'Log in to continue')
      return c.json({ user }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/password',
      tags,
      summary: 'Change your own password (your other sessions end)',
      request: { body: jsonBody(PasswordChange) },
      responses: { 204: { description: 'Changed' }, ...errorResponses(400, 401, 429) },
    }),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json')
      await changeOwnPassword(serviceContext(c), c.var.sessionToken ?? '', currentPassword, newPassword, c.var.config.throttle)
      return c.body(null, 204)
    },
  )
