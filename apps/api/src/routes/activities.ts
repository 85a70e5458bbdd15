import { createRoute } from '@hono/zod-openapi'
import {
  Activity,
  ActivityInput,
  ActivityList,
  ActivityListQuery,
  ActivityMatrix,
  ActivityRef,
  ActivityUpdate,
  ApproveActivity,
  IdParam,
} from '@seloste/schema'
import { z } from 'zod'
import { createRouter, serviceContext } from '../lib/create-app'
import { errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import {
  activitiesOfProcessor,
  activityMatrix,
  approveActivity,
  createActivity,
  deleteActivity,
  getActivity,
  updateActivity,
} from '../services/activities'
import { VersionQuery } from './processors'

const tags = ['Processing activities']

/** Records of processing activities (GDPR Art. 30(1)). Mounted at the API root: it also answers under /processors/{id}. */
export const activitiesRouter = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/activities',
      tags,
      summary: 'List processing activities, filtered and sorted (by name unless asked otherwise), with their open findings',
      request: { query: ActivityListQuery },
      responses: { 200: jsonResponse(ActivityList, 'The activities with a summary of each'), ...errorResponses(400) },
    }),
    async (c) => c.json(await c.var.reads.run('listActivities', c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/activities',
      tags,
      summary: 'Create a processing activity (as a draft)',
      request: { body: jsonBody(ActivityInput) },
      responses: { 201: jsonResponse(Activity, 'The created activity'), ...errorResponses(400, 413) },
    }),
    (c) => c.json(createActivity(serviceContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/activities/matrix',
      tags,
      summary: 'Activities x processors: which processor serves which activity',
      responses: { 200: jsonResponse(ActivityMatrix, 'Rows, columns and the links between them') },
    }),
    (c) => c.json(activityMatrix(c.var.db), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/activities/{id}',
      tags,
      summary: 'Get a processing activity with its derived third-country transfers',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Activity, 'The activity'), ...errorResponses(400, 404) },
    }),
    (c) => c.json(getActivity(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/activities/{id}',
      tags,
      summary:
        'Update a processing activity (optimistic concurrency by version; a change of content returns an approved activity to draft)',
      request: { params: IdParam, body: jsonBody(ActivityUpdate) },
      responses: { 200: jsonResponse(Activity, 'The updated activity'), ...errorResponses(400, 404, 409, 413) },
    }),
    (c) => c.json(updateActivity(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/activities/{id}/approve',
      tags,
      summary: 'Approve a processing activity (needs a legal basis for every purpose and the categories of data subjects and data)',
      request: { params: IdParam, body: jsonBody(ApproveActivity) },
      responses: { 200: jsonResponse(Activity, 'The approved activity'), ...errorResponses(400, 404, 409) },
    }),
    (c) => c.json(approveActivity(serviceContext(c), c.req.valid('param').id, c.req.valid('json').version), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/activities/{id}',
      tags,
      summary: 'Delete a processing activity',
      request: { params: IdParam, query: VersionQuery },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 404, 409) },
    }),
    (c) => {
      deleteActivity(serviceContext(c), c.req.valid('param').id, c.req.valid('query').version)
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/processors/{id}/activities',
      tags,
      summary: 'The processing activities a processor serves',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.array(ActivityRef), 'The activities, sorted by name'), ...errorResponses(400, 404) },
    }),
    (c) => c.json(activitiesOfProcessor(c.var.db, c.req.valid('param').id), 200),
  )
