import {
  CANNOT_EXECUTE_GROUNDS,
  CATEGORIES,
  ERROR_CODES,
  ITEM_OUTCOMES,
  MAX_ESCALATION_LEVEL,
  REQUEST_KINDS,
  REQUEST_SIDES,
  REQUEST_STATUSES,
  type TriageReason,
} from '@contact-desk/shared';
import { z } from 'zod';
import 'zod-openapi';

/**
 * What the REST API answers, as zod schemas: the handlers build values of these types, and the
 * OpenAPI document describes them from the same schemas.
 */

const time = z.number().int().nonnegative().meta({ description: 'Relay time: milliseconds since the Unix epoch, UTC.' });
const maybeTime = time.nullable();

const TRIAGE_REASONS = [
  'acknowledge',
  'answer',
  'supply_information',
  'provide_info',
  'review_contest',
  'close',
] as const satisfies readonly TriageReason[];

const personRefSchema = z
  .object({ userId: z.string(), name: z.string().nullable() })
  .meta({ id: 'PersonRef', description: 'A user of the desk; the name is null for a user no longer known.' });

export const contactPersonSchema = z
  .object({
    userId: z.string().nullable().meta({ description: 'The desk user, or null for a platform’s manager contact.' }),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .meta({ id: 'ContactPerson' });

const deadlinesSchema = z
  .object({
    ack: time.meta({ description: 'When the acknowledgement is due: creation plus the priority’s acknowledgement period.' }),
    action: maybeTime.meta({
      description: 'When the action is due: receipt plus the action period plus every pause; null before receipt.',
    }),
    running: z
      .object({ step: z.enum(['ack', 'action']), at: time })
      .nullable()
      .meta({ description: 'The deadline running now (only while the request waits for the platform and its clock runs).' }),
  })
  .meta({ id: 'Deadlines' });

export const requestSummarySchema = z
  .object({
    id: z.uuid(),
    ref: z.string().meta({ example: 'CD-2026-000123' }),
    platformId: z.string(),
    kind: z.enum(REQUEST_KINDS),
    priority: z.string().meta({ description: 'The label of the priority policy recorded on the request.', example: 'P0' }),
    category: z.enum(CATEGORIES),
    status: z.enum(REQUEST_STATUSES),
    doNotInform: z.boolean().meta({ description: 'The platform must not tell the uploader (TCO Annex I, section C).' }),
    createdAt: time,
    receivedAt: maybeTime,
    ackAt: maybeTime,
    answeredAt: maybeTime,
    updatedAt: time,
    deadlines: deadlinesSchema,
    late: z.boolean().meta({ description: 'A running deadline has passed (docs/triage.md, “Late”).' }),
    escalationLevel: z.number().int().min(0).max(MAX_ESCALATION_LEVEL),
    owners: z.object({ ministry: personRefSchema.nullable(), platform: personRefSchema.nullable() }),
    waitingOn: z.enum(REQUEST_SIDES).nullable().meta({ description: 'Whose move it is; null once closed or withdrawn.' }),
    reason: z.enum(TRIAGE_REASONS).nullable().meta({ description: 'What the side it waits for must do.' }),
  })
  .meta({ id: 'RequestSummary' });
export type RequestSummary = z.infer<typeof requestSummarySchema>;

const itemSchema = z
  .object({
    id: z.string().meta({ example: '0194a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b/1' }),
    location: z.string(),
    answer: z
      .object({
        outcome: z.enum(ITEM_OUTCOMES),
        reason: z.string().nullable(),
        ground: z.enum(CANNOT_EXECUTE_GROUNDS).nullable(),
        at: time,
        by: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'RequestItem' });

const commentSchema = z
  .object({ id: z.uuid(), authorId: z.string(), authorName: z.string(), body: z.string(), createdAt: time })
  .meta({ id: 'SharedComment' });

export const timelineEventSchema = z
  .object({
    seq: z.number().int().positive(),
    type: z.string().meta({ example: 'request.acknowledged' }),
    serverTime: time,
    actor: z.object({
      userId: z.string(),
      name: z.string(),
      role: z.string(),
      platformId: z.string().nullable(),
      deviceId: z.string().nullable(),
    }),
    clientTime: maybeTime,
    mutationId: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()).meta({ description: 'The event’s payload (docs/protocol.md §12).' }),
    hash: z.string().meta({ description: 'The event’s link in the log’s hash chain (§11.1).' }),
  })
  .meta({ id: 'TimelineEvent' });

export const requestDetailSchema = requestSummarySchema
  .extend({
    grounds: z.string(),
    pharosRef: z.string().nullable(),
    campaign: z.string().nullable().meta({ description: 'The name of the campaign the request was sent under (docs/protocol.md §7.7).' }),
    campaignId: z.string().nullable(),
    retentionUntil: maybeTime,
    closedAt: maybeTime,
    withdrawnAt: maybeTime,
    contestedAt: maybeTime,
    pauses: z.array(z.object({ from: time, to: maybeTime, question: z.string() })),
    items: z.array(itemSchema),
    comments: z.array(commentSchema).meta({ description: 'Shared comments only; ministry notes never leave the ministry.' }),
    escalation: z
      .object({
        level: z.number().int().min(0).max(MAX_ESCALATION_LEVEL),
        target: z.enum(['liaisons', 'backup_liaison', 'platform_manager', 'prefect']),
        people: z
          .array(contactPersonSchema)
          .meta({ description: 'Who the level reaches on the platform’s own chain (none listed once it is with the ministry).' }),
      })
      .meta({ id: 'Escalation' }),
    timeline: z.object({
      events: z.array(timelineEventSchema),
      nextAfter: z
        .number()
        .int()
        .nonnegative()
        .nullable()
        .meta({ description: 'Pass as `timelineAfter` for the next page; null on the last.' }),
    }),
  })
  .meta({ id: 'RequestDetail' });
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const requestPageSchema = z
  .object({
    ok: z.literal(true),
    serverTime: time,
    requests: z.array(requestSummarySchema),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last.' }),
  })
  .meta({ id: 'RequestPage' });

export const requestAnswerSchema = z
  .object({ ok: z.literal(true), serverTime: time, request: requestDetailSchema })
  .meta({ id: 'RequestAnswer' });

export const writeAcceptedSchema = z
  .object({
    ok: z.literal(true),
    mutationId: z.uuid().meta({ description: 'The Idempotency-Key the change was recorded under.' }),
    seqs: z.array(z.number().int().positive()).meta({ description: 'The seqs of the events it recorded.' }),
    serverTime: time.meta({ description: 'The relay time of those events: the time of the record.' }),
  })
  .meta({ id: 'WriteAccepted' });
export type WriteAccepted = z.infer<typeof writeAcceptedSchema>;

export const errorAnswerSchema = z
  .object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z
        .record(z.string(), z.unknown())
        .optional()
        .meta({ description: '`reason` names the rule; `issues` lists schema problems.' }),
    }),
  })
  .meta({ id: 'Error' });
