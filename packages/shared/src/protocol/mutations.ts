import { z } from 'zod';
import { campaignNameSchema, campaignTermsSchema } from '../domain/campaign.js';
import { commentVisibilitySchema } from '../domain/comment.js';
import { entityIdSchema, platformIdSchema } from '../domain/ids.js';
import { ACTION_ITEM_STATUSES, AGENDA_ITEM_KINDS, ATTENDANCE_STATUSES, meetingFieldsSchema, partySchema } from '../domain/meeting.js';
import {
  apiKeyScopeSchema,
  integrationNameSchema,
  presetKeySchema,
  WEBHOOK_TOPICS,
  DEFAULT_WEBHOOK_TOPICS,
  webhookPresetSchema,
  webhookPrioritiesSchema,
  webhookTopicSchema,
  webhookUrlSchema,
} from '../domain/integration.js';
import { platformFieldsSchema, platformKindSchema } from '../domain/platform.js';
import { priorityLabelSchema, priorityLevelsSchema } from '../domain/policy.js';
import { cannotExecuteGroundSchema, categorySchema, itemOutcomeSchema, requestKindSchema } from '../domain/request.js';
import { emailSchema, newUserSchema, personNameSchema, phoneSchema, teamSchema } from '../domain/user.js';
import { HASH_PATTERN } from './chain.js';
import { DELIVERY_STATUSES } from './messages.js';

export const LIMITS = {
  itemsPerRequest: 500,
  locationLength: 2048,
  groundsLength: 10_000,
  textLength: 10_000,
  shortTextLength: 200,
  mutationsPerPush: 100,
  pullPageMax: 1000,
  deliveriesPageMax: 500,
  attendeesPerParty: 50,
  agendaItemsPerMeeting: 500,
} as const;

const text = z.string().trim().min(1).max(LIMITS.textLength);
const shortText = z.string().trim().min(1).max(LIMITS.shortTextLength);
const location = z.string().trim().min(1).max(LIMITS.locationLength);
const locations = z.array(location).min(1).max(LIMITS.itemsPerRequest);
const requestRef = { requestId: entityIdSchema };

const requestFields = {
  category: categorySchema,
  grounds: z.string().trim().min(1).max(LIMITS.groundsLength),
  pharosRef: shortText.nullable(),
  campaignId: entityIdSchema.nullable(),
  doNotInform: z.boolean(),
  retentionUntil: z.number().int().positive().nullable(),
};

const itemAnswerSchema = z
  .object({
    itemId: z.string().min(1).max(64),
    outcome: itemOutcomeSchema,
    reason: text.nullable().default(null),
    ground: cannotExecuteGroundSchema.nullable().default(null),
  })
  .strict()
  .refine((answer) => !['refused', 'cannot_execute'].includes(answer.outcome) || answer.reason !== null, {
    message: 'a refusal or a "cannot execute" needs a reason',
    path: ['reason'],
  })
  .refine((answer) => (answer.outcome === 'cannot_execute') === (answer.ground !== null), {
    message: 'a ground is given with "cannot execute", and only then',
    path: ['ground'],
  });

/** Arguments of every mutation, by type. */
export const mutationArgsSchemas = {
  'request.create': z
    .object({
      ...requestRef,
      platformId: platformIdSchema,
      kind: requestKindSchema,
      priority: priorityLabelSchema,
      items: locations,
      ...requestFields,
      pharosRef: requestFields.pharosRef.default(null),
      campaignId: requestFields.campaignId.default(null),
      doNotInform: requestFields.doNotInform.default(false),
      retentionUntil: requestFields.retentionUntil.default(null),
    })
    .strict(),
  'request.edit': z
    .object({
      ...requestRef,
      patch: z
        .object({ ...requestFields, addItems: locations })
        .partial()
        .strict()
        .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' }),
    })
    .strict(),
  'request.acknowledge': z.object(requestRef).strict(),
  'request.requestInfo': z.object({ ...requestRef, question: text }).strict(),
  'request.provideInfo': z.object({ ...requestRef, answer: text }).strict(),
  'request.answer': z.object({ ...requestRef, items: z.array(itemAnswerSchema).min(1).max(LIMITS.itemsPerRequest) }).strict(),
  'request.contest': z.object({ ...requestRef, reason: text }).strict(),
  'request.withdraw': z.object({ ...requestRef, reason: text }).strict(),
  'request.close': z.object({ ...requestRef, note: text.nullable().default(null) }).strict(),
  'request.reopen': z.object({ ...requestRef, reason: text }).strict(),
  'request.escalate': z.object({ ...requestRef, note: text }).strict(),
  'request.assign': z.object({ ...requestRef, assigneeId: entityIdSchema.nullable() }).strict(),
  'comment.add': z
    .object({
      commentId: entityIdSchema,
      ...requestRef,
      body: text,
      visibility: commentVisibilitySchema.default('shared'),
    })
    .strict(),
  'campaign.start': z.object({ campaignId: entityIdSchema, name: campaignNameSchema, terms: campaignTermsSchema.default([]) }).strict(),
  'campaign.update': z
    .object({
      campaignId: entityIdSchema,
      patch: z
        .object({ name: campaignNameSchema, terms: campaignTermsSchema })
        .partial()
        .strict()
        .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' }),
    })
    .strict(),
  'campaign.close': z.object({ campaignId: entityIdSchema }).strict(),
  'campaign.reopen': z.object({ campaignId: entityIdSchema }).strict(),
  'platform.create': z.object({ platformId: platformIdSchema, name: z.string().trim().min(1).max(80), kind: platformKindSchema }).strict(),
  'platform.update': z
    .object({
      platformId: platformIdSchema,
      patch: platformFieldsSchema.partial().refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' }),
    })
    .strict(),
  'user.create': newUserSchema,
  'user.update': z
    .object({
      userId: entityIdSchema,
      patch: z
        .object({
          name: personNameSchema,
          email: emailSchema.nullable(),
          team: teamSchema.nullable(),
          phone: phoneSchema.nullable(),
        })
        .partial()
        .strict()
        .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' }),
    })
    .strict(),
  'user.revoke': z.object({ userId: entityIdSchema }).strict(),
  'user.issueEnrollmentCode': z.object({ userId: entityIdSchema }).strict(),
  'device.revoke': z.object({ deviceId: entityIdSchema }).strict(),
  'policy.update': z.object({ levels: priorityLevelsSchema }).strict(),
  'meeting.create': meetingFieldsSchema.extend({ meetingId: entityIdSchema }).strict(),
  'meeting.update': z
    .object({
      meetingId: entityIdSchema,
      patch: meetingFieldsSchema.partial().refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' }),
    })
    .strict(),
  'meeting.setAttendance': z
    .object({
      meetingId: entityIdSchema,
      party: partySchema,
      status: z.enum(ATTENDANCE_STATUSES),
      /** Names of the people attending for this party (replaces the list). */
      attendees: z.array(personNameSchema).max(LIMITS.attendeesPerParty).default([]),
    })
    .strict(),
  /** The prefect adopts the minutes; after a reopening, the note says what the amendment changed. */
  'meeting.adopt': z.object({ meetingId: entityIdSchema, note: text.nullable().default(null) }).strict(),
  'meeting.reopenMinutes': z.object({ meetingId: entityIdSchema, reason: text }).strict(),
  'agenda.addItem': z
    .object({
      itemId: entityIdSchema,
      meetingId: entityIdSchema,
      kind: z.enum(AGENDA_ITEM_KINDS),
      title: z.string().trim().min(1).max(300),
      platformId: platformIdSchema.nullable().default(null),
      requestRefs: z.array(z.string().max(32)).max(1000).default([]),
      notes: z.string().max(LIMITS.textLength).default(''),
    })
    .strict(),
  'agenda.updateItem': z
    .object({
      itemId: entityIdSchema,
      patch: z
        .object({
          title: z.string().trim().min(1).max(300),
          notes: z.string().max(LIMITS.textLength),
          order: z.number().int().min(0).max(10_000),
        })
        .partial()
        .strict()
        .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' }),
    })
    .strict(),
  'agenda.removeItem': z.object({ itemId: entityIdSchema }).strict(),
  /** The meeting's items in their new order: exactly the items the sender sees, each once. */
  'agenda.reorder': z
    .object({
      meetingId: entityIdSchema,
      itemIds: z
        .array(entityIdSchema)
        .min(1)
        .max(LIMITS.agendaItemsPerMeeting)
        .refine((ids) => new Set(ids).size === ids.length, { message: 'each item once' }),
    })
    .strict(),
  'decision.add': z
    .object({
      decisionId: entityIdSchema,
      meetingId: entityIdSchema,
      agendaItemId: entityIdSchema.nullable().default(null),
      platformId: platformIdSchema.nullable().default(null),
      text,
    })
    .strict(),
  'decision.update': z.object({ decisionId: entityIdSchema, text }).strict(),
  'decision.remove': z.object({ decisionId: entityIdSchema }).strict(),
  'actionItem.create': z
    .object({
      actionItemId: entityIdSchema,
      meetingId: entityIdSchema,
      text,
      owner: partySchema,
      dueDate: z.number().int().positive().nullable().default(null),
    })
    .strict(),
  'actionItem.setStatus': z
    .object({
      actionItemId: entityIdSchema,
      status: z.enum(ACTION_ITEM_STATUSES),
      /** The meeting it is closed in: that meeting's minutes show it closed. */
      closedInMeetingId: entityIdSchema.nullable().default(null),
    })
    .strict()
    .refine((args) => args.status !== 'open' || args.closedInMeetingId === null, {
      message: 'only a closure (done or dropped) names the meeting it happened in',
      path: ['closedInMeetingId'],
    }),
  'webhook.create': z
    .object({
      webhookId: entityIdSchema,
      /** null: the ministry's webhook, carrying every platform's requests. */
      platformId: platformIdSchema.nullable(),
      name: integrationNameSchema,
      url: webhookUrlSchema,
      preset: webhookPresetSchema.default('standard'),
      topics: z
        .array(webhookTopicSchema)
        .min(1)
        .max(WEBHOOK_TOPICS.length)
        .default([...DEFAULT_WEBHOOK_TOPICS]),
      priorities: webhookPrioritiesSchema.default([]),
      /** The pager's own key (PagerDuty routing key, Opsgenie API key); never for `standard`. */
      presetKey: presetKeySchema.nullable().default(null),
    })
    .strict()
    .refine((args) => (args.preset === 'standard') === (args.presetKey === null), {
      message: 'a pager preset needs its key, and a standard webhook takes none (the relay makes its secret)',
      path: ['presetKey'],
    }),
  'webhook.update': z
    .object({
      webhookId: entityIdSchema,
      patch: z
        .object({
          name: integrationNameSchema,
          url: webhookUrlSchema,
          topics: z.array(webhookTopicSchema).min(1).max(WEBHOOK_TOPICS.length),
          priorities: webhookPrioritiesSchema,
          active: z.boolean(),
          presetKey: presetKeySchema,
        })
        .partial()
        .strict()
        .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' }),
    })
    .strict(),
  /** A standard webhook gets a new signing secret, shown once. */
  'webhook.rotateSecret': z.object({ webhookId: entityIdSchema }).strict(),
  'webhook.remove': z.object({ webhookId: entityIdSchema }).strict(),
  'apiKey.issue': z
    .object({ apiKeyId: entityIdSchema, platformId: platformIdSchema, name: integrationNameSchema, scope: apiKeyScopeSchema })
    .strict(),
  'apiKey.revoke': z.object({ apiKeyId: entityIdSchema }).strict(),
} as const;

export type MutationType = keyof typeof mutationArgsSchemas;
export const MUTATION_TYPES = Object.keys(mutationArgsSchemas) as MutationType[];
export type MutationArgs<T extends MutationType> = z.output<(typeof mutationArgsSchemas)[T]>;
export type MutationInput<T extends MutationType> = z.input<(typeof mutationArgsSchemas)[T]>;

/** A mutation as validated by the relay: a typed union over every mutation type. */
export type Mutation = {
  [T in MutationType]: {
    readonly mutationId: string;
    readonly type: T;
    readonly args: MutationArgs<T>;
    readonly clientTime: number | null;
  };
}[MutationType];

/** The envelope a client sends; args are checked against the schema of its type afterwards. */
export const mutationEnvelopeSchema = z
  .object({
    mutationId: entityIdSchema,
    type: z.string().min(1).max(64),
    args: z.unknown(),
    clientTime: z.number().int().nonnegative().nullable().default(null),
  })
  .strict();

export const pushRequestSchema = z.object({ mutations: z.array(z.unknown()).min(1).max(LIMITS.mutationsPerPush) }).strict();

export const pullRequestSchema = z
  .object({
    afterSeq: z.number().int().nonnegative(),
    /** The hash the client holds for `afterSeq` (its cursor's `upToHash`): checked by the relay. */
    afterHash: z.string().regex(HASH_PATTERN, { message: 'must be 64 lowercase hex digits' }).optional(),
    limit: z.number().int().min(1).max(LIMITS.pullPageMax).default(500),
  })
  .strict();

export const deliveriesRequestSchema = z
  .object({
    limit: z.number().int().min(1).max(LIMITS.deliveriesPageMax).default(100),
    before: z.number().int().nonnegative().optional(),
    status: z.enum(DELIVERY_STATUSES).optional(),
  })
  .strict();

export const enrollRequestSchema = z
  .object({
    code: z.string().trim().min(4).max(40),
    deviceLabel: z.string().trim().min(1).max(80),
  })
  .strict();
