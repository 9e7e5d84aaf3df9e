import { entityIdSchema, LIMITS, mutationArgsSchemas, REQUEST_SIDES, REQUEST_STATUSES, type MutationType } from '@contact-desk/shared';
import { z } from 'zod';
import 'zod-openapi';

/**
 * What the REST API accepts, as zod schemas: the path, the query, the headers and the body of each
 * route. Bodies are cut from the mutations' own argument schemas, so the API checks exactly what
 * the socket does; the OpenAPI document is generated from these same schemas.
 */

export const LIST_PAGE_MAX = 500;
export const TIMELINE_PAGE_MAX = 500;

/** A whole number in a query string, documented as an integer. */
function wholeNumber(min: number, max: number) {
  const documented = { type: 'integer', minimum: min, maximum: max };
  return z
    .string()
    .regex(/^[0-9]{1,16}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .meta({ override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => replaceWith(jsonSchema, documented) });
}

function replaceWith(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, source);
}

const statusList = z
  .string()
  .transform((text) => text.split(','))
  .pipe(z.array(z.enum(REQUEST_STATUSES)).min(1).max(REQUEST_STATUSES.length))
  .meta({
    override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) =>
      replaceWith(jsonSchema, { type: 'array', items: { type: 'string', enum: [...REQUEST_STATUSES] }, minItems: 1 }),
  });

export const listQuerySchema = z
  .object({
    status: statusList
      .optional()
      .meta({ description: 'Only requests in these statuses, comma-separated.', param: { style: 'form', explode: false } }),
    waiting: z
      .enum(REQUEST_SIDES)
      .optional()
      .meta({ description: 'Only requests waiting for this side (docs/triage.md, “Whose move it is”).' }),
    late: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional()
      .meta({ description: '`true`: only requests late now; `false`: only those that are not.' }),
    updatedSince: wholeNumber(0, Number.MAX_SAFE_INTEGER)
      .optional()
      .meta({ description: 'Only requests changed after this relay time (ms).' }),
    order: z
      .enum(['urgency', 'updated'])
      .default('urgency')
      .meta({ description: '`urgency`: the triage order (docs/triage.md); `updated`: least recently changed first, to sync.' }),
    limit: wholeNumber(1, LIST_PAGE_MAX)
      .optional()
      .meta({ description: `Requests per page, 1 to ${LIST_PAGE_MAX} (default 100).` }),
    cursor: z.string().min(1).max(512).optional().meta({ description: 'The `nextCursor` of the previous page, as given.' }),
  })
  .strict();
export type ListQuery = z.output<typeof listQuerySchema>;

export const detailQuerySchema = z
  .object({
    timelineAfter: wholeNumber(0, Number.MAX_SAFE_INTEGER)
      .optional()
      .meta({ description: 'Timeline events after this seq (the previous page’s `nextAfter`).' }),
    timelineLimit: wholeNumber(1, TIMELINE_PAGE_MAX)
      .optional()
      .meta({ description: `Timeline events per page, 1 to ${TIMELINE_PAGE_MAX} (default 100).` }),
  })
  .strict();

export const requestPathSchema = z.object({ id: entityIdSchema.meta({ description: 'The request’s id.' }) }).strict();

export const idempotencyHeadersSchema = z.object({
  'idempotency-key': entityIdSchema.meta({
    description:
      'A UUID you make once per intended change (UUIDv7 preferred); it becomes the mutation id. Sending the same request again with it gives the same answer and records nothing new.',
  }),
});

/** The answer schema's items, with the rules zod checks in code also written out for the document. */
const ANSWER_ITEM_RULES = {
  allOf: [
    {
      if: { properties: { outcome: { enum: ['refused', 'cannot_execute'] } }, required: ['outcome'] },
      then: { properties: { reason: { type: 'string' } }, required: ['reason'] },
    },
    {
      if: { properties: { outcome: { const: 'cannot_execute' } }, required: ['outcome'] },
      then: { properties: { ground: { type: 'string' } }, required: ['ground'] },
      else: { properties: { ground: { type: 'null' } } },
    },
  ],
};

const itemAnswerSchema = mutationArgsSchemas['request.answer'].shape.items.element.meta({
  id: 'ItemAnswerInput',
  override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => Object.assign(jsonSchema, ANSWER_ITEM_RULES),
});

/** One write route: `POST /requests/{id}/<action>`, the mutation it becomes, and its body. */
export interface WriteRoute {
  readonly action: string;
  readonly operationId: string;
  readonly type: MutationType;
  readonly summary: string;
  readonly description: string;
  readonly body: z.ZodObject;
  /** The mutation's arguments from the request id, the checked body and the Idempotency-Key. */
  readonly args: (requestId: string, body: Record<string, unknown>, idempotencyKey: string) => Record<string, unknown>;
}

export const WRITE_ROUTES: readonly WriteRoute[] = [
  {
    action: 'acknowledge',
    operationId: 'acknowledgeRequest',
    type: 'request.acknowledge',
    summary: 'Acknowledge a request',
    description: 'Stops the acknowledgement clock. Only from `open`. The body may be empty.',
    body: mutationArgsSchemas['request.acknowledge'].omit({ requestId: true }),
    args: (requestId) => ({ requestId }),
  },
  {
    action: 'answer',
    operationId: 'answerRequest',
    type: 'request.answer',
    summary: 'Answer items of a request',
    description:
      'An outcome per item (all at once or a few at a time; a later answer replaces an earlier one). `reason` is required for `refused` and `cannot_execute`; `ground` is given with `cannot_execute` only. The request is `answered` once every item has an answer.',
    body: z.object({ items: z.array(itemAnswerSchema).min(1).max(LIMITS.itemsPerRequest) }).strict(),
    args: (requestId, body) => ({ requestId, ...body }),
  },
  {
    action: 'request-info',
    operationId: 'askTheMinistry',
    type: 'request.requestInfo',
    summary: 'Ask the ministry a question',
    description: 'The request waits for the ministry (`needs_info`) and the action clock stops until it answers.',
    body: mutationArgsSchemas['request.requestInfo'].omit({ requestId: true }),
    args: (requestId, body) => ({ requestId, ...body }),
  },
  {
    action: 'contest',
    operationId: 'contestRequest',
    type: 'request.contest',
    summary: 'Contest a request',
    description: 'The platform challenges the request; the ministry closes, withdraws or reopens it.',
    body: mutationArgsSchemas['request.contest'].omit({ requestId: true }),
    args: (requestId, body) => ({ requestId, ...body }),
  },
  {
    action: 'comments',
    operationId: 'commentRequest',
    type: 'comment.add',
    summary: 'Comment on a request',
    description: 'A comment both sides see. Its id is the Idempotency-Key.',
    body: mutationArgsSchemas['comment.add'].pick({ body: true }),
    args: (requestId, body, idempotencyKey) => ({ commentId: idempotencyKey, requestId, body: body.body }),
  },
  {
    action: 'assign',
    operationId: 'assignRequest',
    type: 'request.assign',
    summary: 'Hand a request to a liaison',
    description: 'Names the platform’s liaison who handles the request (an active liaison of the platform), or nobody with `null`.',
    body: mutationArgsSchemas['request.assign'].omit({ requestId: true }),
    args: (requestId, body) => ({ requestId, ...body }),
  },
];
