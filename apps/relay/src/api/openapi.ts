import { z } from 'zod';
import { createDocument, type oas31, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { detailQuerySchema, idempotencyHeadersSchema, listQuerySchema, requestPathSchema, WRITE_ROUTES } from './api-inputs.js';
import { errorAnswerSchema, requestAnswerSchema, requestPageSchema, writeAcceptedSchema } from './api-views.js';

/**
 * The OpenAPI 3.1 document of the REST API, generated from the zod schemas the routes validate
 * with and answer by (api-inputs.ts, api-views.ts): nothing here restates a field by hand.
 */

export const API_BASE = '/api/v1';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const ERRORS: Record<string, string> = {
  '400':
    'The path, query, headers or body break the schema (`invalid_payload`, with `details.issues`), or the change breaks a rule of the request (`details.reason`).',
  '401': 'No key, not a key, an unknown or a revoked key: always the same answer (`unauthenticated`).',
  '403': 'A read-only key (scope `read`) asked for a change (`forbidden`).',
  '404': 'No such request — or a request of another platform: the same answer (`not_found`).',
  '409': 'The step is not allowed from the request’s status (`illegal_transition`), or conflicts with it (`conflict`).',
  '413': 'The body is larger than the relay takes (`invalid_payload`, `details.maxBytes`).',
  '422': 'This Idempotency-Key was already used for another request (`mutation_id_reused`).',
  '429': 'Too many requests with this key (`rate_limited`, `details.retryAfterMs`); nothing was done. Try again after `Retry-After`.',
  '503': 'The relay could not read or write its record (`storage_unavailable`); nothing was recorded. Send the same request again later.',
};

function errorResponses(codes: readonly string[]): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const code of codes) {
    const headers =
      code === '429'
        ? z.object({ 'retry-after': z.string().meta({ description: 'Seconds to wait.' }) })
        : code === '401'
          ? z.object({ 'www-authenticate': z.string().meta({ description: '`Bearer realm="contact-desk"`' }) })
          : undefined;
    responses[code as `4${string}`] = { description: ERRORS[code] ?? code, ...json(errorAnswerSchema), ...(headers ? { headers } : {}) };
  }
  return responses;
}

const READ_ERRORS = ['400', '401', '429', '503'];
const WRITE_ERRORS = ['400', '401', '403', '404', '409', '413', '422', '429', '503'];

const listOperation: ZodOpenApiOperationObject = {
  operationId: 'listRequests',
  summary: 'List the platform’s requests',
  description:
    'The key’s platform’s requests only, by default in the triage urgency order (docs/triage.md): what is due first, then what waits for the ministry, then what is long overdue, then the rest. A page at a time: pass `nextCursor` as `cursor`. Reading a request that was never delivered to the platform records its receipt (the action deadline runs from it). Scope: `read`.',
  requestParams: { query: listQuerySchema },
  responses: { '200': { description: 'A page of requests.', ...json(requestPageSchema) }, ...errorResponses(READ_ERRORS) },
};

const detailOperation: ZodOpenApiOperationObject = {
  operationId: 'getRequest',
  summary: 'Read one request',
  description:
    'The request as the platform’s liaison sees it: items and their answers, shared comments, owners, the escalation level and whom it reaches, deadlines, and its timeline (the events the platform may see, paged). Scope: `read`.',
  requestParams: { path: requestPathSchema, query: detailQuerySchema },
  responses: { '200': { description: 'The request.', ...json(requestAnswerSchema) }, ...errorResponses([...READ_ERRORS, '404']) },
};

function writeOperation(route: (typeof WRITE_ROUTES)[number]): ZodOpenApiOperationObject {
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: `${route.description} Recorded as \`${route.type}\`, under the Idempotency-Key, with the relay’s time. Scope: \`act\`.`,
    requestParams: { path: requestPathSchema, header: idempotencyHeadersSchema },
    requestBody: { required: route.action !== 'acknowledge', ...json(route.body) },
    responses: {
      '200': {
        description: 'Recorded (or the same request sent again: the same answer, nothing recorded twice).',
        ...json(writeAcceptedSchema),
      },
      ...errorResponses(WRITE_ERRORS),
    },
  };
}

function buildDocument(): oas31.OpenAPIObject {
  const writes = Object.fromEntries(WRITE_ROUTES.map((route) => [`/requests/{id}/${route.action}`, { post: writeOperation(route) }]));
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Contact Desk REST API',
      version: '1',
      description:
        'A platform’s own tools read and act on its requests with an API key: the same rules, the same record and the same live updates as the app. Text fields are trimmed, and a value blank after trimming is refused.',
    },
    servers: [{ url: API_BASE }],
    security: [{ apiKey: [] }],
    paths: { '/requests': { get: listOperation }, '/requests/{id}': { get: detailOperation }, ...writes },
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'cdk_<32 hex>_<43 base64url>',
          description: 'An API key the prefect issued for one platform, scope `read` or `act`: `Authorization: Bearer cdk_…`.',
        },
      },
    },
  });
}

let cached: oas31.OpenAPIObject | undefined;

/** The document, built once. */
export function openApiDocument(): oas31.OpenAPIObject {
  cached ??= buildDocument();
  return cached;
}
