import { createRoute } from '@hono/zod-openapi'
import { IdParam, PasswordReset, User, UserCreate, UserUpdate } from '@seloste/schema'
import { z } from 'zod'
import { createRouter, serviceContext } from '../lib/create-app'
import { errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import { createUser, getUser, listUsers, resetPassword, unlockUser, updateUser } from '../services/users'

const tags = ['Users']

export const usersRouter = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'List users (admins only)',
      responses: { 200: jsonResponse(z.array(User), 'Every user'), ...errorResponses(401, 403) },
    }),
    (c) => c.json(listUsers(c.var.db), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Create a user',
      request: { body: jsonBody(UserCreate) },
      responses: { 201: jsonResponse(User, 'The created user'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await createUser(serviceContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'Get a user',
      request: { params: IdParam },
      responses: { 200: jsonResponse(User, 'The user'), ...errorResponses(401, 403, 404) },
    }),
    (c) => c.json(getUser(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Change name, role or disabled state (role change and disabling end their sessions)',
      request: { params: IdParam, body: jsonBody(UserUpdate) },
      responses: { 200: jsonResponse(User, 'The updated user'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    (c) => c.json(updateUser(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/password',
      tags,
      summary: "Reset a user's password (their sessions end)",
      request: { params: IdParam, body: jsonBody(PasswordReset) },
      responses: { 200: jsonResponse(User, 'The user'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await resetPassword(serviceContext(c), c.req.valid('param').id, c.req.valid('json').password), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/unlock',
      tags,
      summary: "Lift the login backoff on a user's account",
      request: { params: IdParam },
      responses: { 200: jsonResponse(User, 'The user'), ...errorResponses(400, 401, 403, 404) },
    }),
    (c) => c.json(unlockUser(serviceContext(c), c.req.valid('param').id), 200),
  )
