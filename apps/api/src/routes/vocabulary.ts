import { createRoute } from '@hono/zod-openapi'
import {
  DataCategory,
  DataCategoryInput,
  DataCategoryMergeResult,
  DataCategoryUpdate,
  DataSubjectCategory,
  DataSubjectCategoryInput,
  DataSubjectCategoryMergeResult,
  DataSubjectCategoryUpdate,
  IdParam,
  VocabularyMerge,
} from '@seloste/schema'
import { z } from 'zod'
import { createRouter, serviceContext } from '../lib/create-app'
import { errorResponses, jsonBody, jsonResponse } from '../lib/openapi'
import {
  createDataCategory,
  createDataSubjectCategory,
  deleteDataCategory,
  deleteDataSubjectCategory,
  getDataCategory,
  getDataSubjectCategory,
  listDataCategories,
  listDataSubjectCategories,
  mergeDataCategory,
  mergeDataSubjectCategory,
  updateDataCategory,
  updateDataSubjectCategory,
} from '../services/vocabulary'
import { VersionQuery } from './processors'

const tags = ['Vocabulary']

/** The shared vocabulary of the records of processing: categories of personal data and of data subjects. */
export const vocabularyRouter = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/data-categories',
      tags,
      summary: 'List the categories of personal data, with how many activities use each',
      responses: { 200: jsonResponse(z.array(DataCategory), 'Every data category, sorted by Finnish name') },
    }),
    (c) => c.json(listDataCategories(c.var.db), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/data-categories',
      tags,
      summary: 'Create a category of personal data (flag Art. 9 special categories)',
      request: { body: jsonBody(DataCategoryInput) },
      responses: { 201: jsonResponse(DataCategory, 'The created category'), ...errorResponses(400, 413) },
    }),
    (c) => c.json(createDataCategory(serviceContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/data-categories/{id}',
      tags,
      summary: 'Get a category of personal data',
      request: { params: IdParam },
      responses: { 200: jsonResponse(DataCategory, 'The category'), ...errorResponses(400, 404) },
    }),
    (c) => c.json(getDataCategory(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/data-categories/{id}',
      tags,
      summary: 'Rename a category of personal data or change its special flag (optimistic concurrency by version)',
      request: { params: IdParam, body: jsonBody(DataCategoryUpdate) },
      responses: { 200: jsonResponse(DataCategory, 'The updated category'), ...errorResponses(400, 404, 409, 413) },
    }),
    (c) => c.json(updateDataCategory(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/data-categories/{id}',
      tags,
      summary: 'Delete a category of personal data (refused with 409 while an activity uses it; the body lists them in `usedBy`)',
      request: { params: IdParam, query: VersionQuery },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 404, 409) },
    }),
    (c) => {
      deleteDataCategory(serviceContext(c), c.req.valid('param').id, c.req.valid('query').version)
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/data-categories/{id}/merge',
      tags,
      summary: 'Merge a category of personal data into another',
      description:
        'Every activity that uses the category uses `into` instead (each change audited as an update of the activity, with a new version), ' +
        'then the category is removed (audited as `merge`). One transaction. Refused with 400 on `into` when it is the same category, ' +
        'does not exist, or only one of the two is an Art. 9(1) special category; 409 when `version` is stale.',
      request: { params: IdParam, body: jsonBody(VocabularyMerge) },
      responses: {
        200: jsonResponse(DataCategoryMergeResult, 'The category that remains, and the activities changed'),
        ...errorResponses(400, 404, 409, 413),
      },
    }),
    (c) => c.json(mergeDataCategory(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/data-subject-categories',
      tags,
      summary: 'List the categories of data subjects, with how many activities use each',
      responses: { 200: jsonResponse(z.array(DataSubjectCategory), 'Every category of data subjects, sorted by Finnish name') },
    }),
    (c) => c.json(listDataSubjectCategories(c.var.db), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/data-subject-categories',
      tags,
      summary: 'Create a category of data subjects',
      request: { body: jsonBody(DataSubjectCategoryInput) },
      responses: { 201: jsonResponse(DataSubjectCategory, 'The created category'), ...errorResponses(400, 413) },
    }),
    (c) => c.json(createDataSubjectCategory(serviceContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/data-subject-categories/{id}',
      tags,
      summary: 'Get a category of data subjects',
      request: { params: IdParam },
      responses: { 200: jsonResponse(DataSubjectCategory, 'The category'), ...errorResponses(400, 404) },
    }),
    (c) => c.json(getDataSubjectCategory(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/data-subject-categories/{id}',
      tags,
      summary: 'Rename a category of data subjects (optimistic concurrency by version)',
      request: { params: IdParam, body: jsonBody(DataSubjectCategoryUpdate) },
      responses: { 200: jsonResponse(DataSubjectCategory, 'The updated category'), ...errorResponses(400, 404, 409, 413) },
    }),
    (c) => c.json(updateDataSubjectCategory(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/data-subject-categories/{id}',
      tags,
      summary: 'Delete a category of data subjects (refused with 409 while an activity uses it; the body lists them in `usedBy`)',
      request: { params: IdParam, query: VersionQuery },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 404, 409) },
    }),
    (c) => {
      deleteDataSubjectCategory(serviceContext(c), c.req.valid('param').id, c.req.valid('query').version)
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/data-subject-categories/{id}/merge',
      tags,
      summary: 'Merge a category of data subjects into another',
      description:
        'Every activity that uses the category uses `into` instead (each change audited as an update of the activity, with a new version), ' +
        'then the category is removed (audited as `merge`). One transaction. Refused with 400 on `into` when it is the same category ' +
        'or does not exist; 409 when `version` is stale.',
      request: { params: IdParam, body: jsonBody(VocabularyMerge) },
      responses: {
        200: jsonResponse(DataSubjectCategoryMergeResult, 'The category that remains, and the activities changed'),
        ...errorResponses(400, 404, 409, 413),
      },
    }),
    (c) => c.json(mergeDataSubjectCategory(serviceContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
