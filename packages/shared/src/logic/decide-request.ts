import { campaignSlaTerms } from '../domain/campaign.js';
import { formatRef } from '../domain/ids.js';
import { normalizeLocation } from '../domain/locations.js';
import { slaTermsFor } from '../domain/policy.js';
import { ESCALATION_TARGETS, ownerOf, type Request, type RequestItem, type RequestSide } from '../domain/request.js';
import { idUnavailable, notFound, refusal } from '../protocol/errors.js';
import { draft, type EventDraft } from '../protocol/events.js';
import type { MutationArgs } from '../protocol/mutations.js';
import { nextManualLevel } from '../sla/contacts.js';
import { campaignRefused } from './decide-campaign.js';
import { accept, DEFAULT_RETENTION_MS, reject, type DecideContext, type Decision } from './decision.js';
import { canSeePlatform } from './permissions.js';
import { checkTransition, type RequestStep } from './request-machine.js';

/** Item ids are derived from the request id, so the relay stays deterministic. */
export function itemIdFor(requestId: string, index: number): string {
  return `${requestId}/${index + 1}`;
}

function buildItems(requestId: string, locations: readonly string[], offset: number): RequestItem[] | string {
  const seen = new Set<string>();
  const items: RequestItem[] = [];
  for (const [index, location] of locations.entries()) {
    const normalized = normalizeLocation(location);
    if (seen.has(normalized)) return location;
    seen.add(normalized);
    items.push({ id: itemIdFor(requestId, offset + index), location, normalized, answer: null });
  }
  return items;
}

/** Loads a request the actor may see, then checks the state machine for the step. */
function target(ctx: DecideContext, requestId: string, step: RequestStep | null): Request | Decision {
  const request = ctx.read.request(requestId);
  if (!request || !canSeePlatform(ctx.actor, request.platformId)) return reject(notFound('request', requestId));
  if (step === null) return request;
  const illegal = checkTransition(request, step);
  return illegal ? reject(illegal) : request;
}

function isDecision(value: Request | Decision): value is Decision {
  return 'ok' in value;
}

/**
 * Steps a liaison takes on a request never acknowledged (open, or reopened after a withdrawal
 * before any acknowledgement) acknowledge it implicitly, first.
 */
function implicitAck(request: Request): EventDraft[] {
  return request.ackAt === null ? [draft('request.acknowledged', { requestId: request.id, implicit: true })] : [];
}

export function decideCreate(ctx: DecideContext, args: MutationArgs<'request.create'>): Decision {
  if (ctx.read.request(args.requestId)) {
    return reject(idUnavailable('request', args.requestId));
  }
  const platform = ctx.read.platform(args.platformId);
  if (!platform) return reject(notFound('platform', args.platformId));
  if (!platform.active) {
    return reject(
      refusal('conflict', 'platform_inactive', `Platform ${platform.name} is inactive.`, {
        platformId: platform.id,
        platform: platform.name,
      }),
    );
  }
  const terms = slaTermsFor(ctx.read.policy(), args.priority);
  if (!terms) {
    return reject(
      refusal('invalid_payload', 'unknown_priority', `Unknown priority label "${args.priority}".`, {
        path: 'priority',
        priority: args.priority,
      }),
    );
  }
  const campaignRefusal = campaignRefused(ctx, args.campaignId);
  if (campaignRefusal) return campaignRefusal;
  const campaign = args.campaignId === null ? undefined : ctx.read.campaign(args.campaignId);
  const sla = campaignSlaTerms(terms, campaign);
  const items = buildItems(args.requestId, args.items, 0);
  if (typeof items === 'string') {
    return reject(
      refusal('invalid_payload', 'duplicate_location', `The same content is listed twice: ${items}.`, { path: 'items', location: items }),
    );
  }
  const year = new Date(ctx.now).getUTCFullYear();
  const ref = formatRef(year, ctx.read.refCounter(year) + 1);
  const request: Request = {
    id: args.requestId,
    ref,
    platformId: platform.id,
    kind: args.kind,
    sla,
    category: args.category,
    grounds: args.grounds,
    pharosRef: args.pharosRef,
    campaign: null,
    campaignId: args.campaignId,
    doNotInform: args.doNotInform,
    retentionUntil: args.kind === 'preservation' ? (args.retentionUntil ?? ctx.now + DEFAULT_RETENTION_MS) : null,
    items,
    status: 'open',
    resumeStatus: null,
    createdAt: ctx.now,
    createdBy: ctx.actor.userId,
    receivedAt: null,
    ackAt: null,
    ackBy: null,
    ackClientTime: null,
    answeredAt: null,
    answeredClientTime: null,
    closedAt: null,
    withdrawnAt: null,
    contestedAt: null,
    pauses: [],
    missedAck: null,
    missedAction: null,
    escalationLevel: 0,
    // Whoever sends a request follows it for the ministry until they hand it over.
    owners: { ministry: ctx.read.user(ctx.actor.userId) ? ctx.actor.userId : null, platform: null },
    updatedAt: ctx.now,
  };
  return accept([draft('request.created', { request })], { ref });
}

export function decideEdit(ctx: DecideContext, args: MutationArgs<'request.edit'>): Decision {
  const request = target(ctx, args.requestId, 'edit');
  if (isDecision(request)) return request;
  const { addItems, ...fields } = args.patch;
  let added: RequestItem[] | undefined;
  if (addItems) {
    const built = buildItems(request.id, addItems, request.items.length);
    const existing = new Set(request.items.map((item) => item.normalized));
    const duplicate = typeof built === 'string' ? built : built.find((item) => existing.has(item.normalized))?.location;
    if (duplicate !== undefined || typeof built === 'string') {
      return reject(
        refusal('invalid_payload', 'duplicate_location', `The same content is listed twice: ${duplicate}.`, {
          path: 'patch.addItems',
          location: duplicate,
        }),
      );
    }
    added = built;
  }
  const campaignRefusal = campaignRefused(ctx, fields.campaignId);
  if (campaignRefusal) return campaignRefusal;
  if (fields.retentionUntil !== undefined && request.kind !== 'preservation') {
    return reject(
      refusal('invalid_payload', 'retention_not_preservation', 'Only a preservation request has a retention end.', {
        path: 'patch.retentionUntil',
      }),
    );
  }
  const patch = added ? { ...fields, addItems: added } : fields;
  return accept([draft('request.edited', { requestId: request.id, patch })]);
}

export function decideAcknowledge(ctx: DecideContext, args: MutationArgs<'request.acknowledge'>): Decision {
  const request = target(ctx, args.requestId, 'acknowledge');
  if (isDecision(request)) return request;
  return accept([draft('request.acknowledged', { requestId: request.id, implicit: false })]);
}

export function decideRequestInfo(ctx: DecideContext, args: MutationArgs<'request.requestInfo'>): Decision {
  const request = target(ctx, args.requestId, 'requestInfo');
  if (isDecision(request)) return request;
  return accept([...implicitAck(request), draft('request.infoRequested', { requestId: request.id, question: args.question })]);
}

export function decideProvideInfo(ctx: DecideContext, args: MutationArgs<'request.provideInfo'>): Decision {
  const request = target(ctx, args.requestId, 'provideInfo');
  if (isDecision(request)) return request;
  return accept([draft('request.infoProvided', { requestId: request.id, answer: args.answer })]);
}

export function decideAnswer(ctx: DecideContext, args: MutationArgs<'request.answer'>): Decision {
  const request = target(ctx, args.requestId, 'answer');
  if (isDecision(request)) return request;
  const known = new Set(request.items.map((item) => item.id));
  const given = new Set<string>();
  for (const answer of args.items) {
    if (!known.has(answer.itemId)) {
      return reject(
        refusal('invalid_payload', 'unknown_item', `Item ${answer.itemId} is not part of ${request.ref}.`, {
          path: 'items',
          itemId: answer.itemId,
          ref: request.ref,
        }),
      );
    }
    if (given.has(answer.itemId)) {
      return reject(
        refusal('invalid_payload', 'item_answered_twice', `Item ${answer.itemId} is answered twice.`, {
          path: 'items',
          itemId: answer.itemId,
        }),
      );
    }
    given.add(answer.itemId);
  }
  const complete = request.items.every((item) => given.has(item.id) || item.answer !== null);
  return accept([...implicitAck(request), draft('request.answered', { requestId: request.id, items: args.items, complete })]);
}

export function decideContest(ctx: DecideContext, args: MutationArgs<'request.contest'>): Decision {
  const request = target(ctx, args.requestId, 'contest');
  if (isDecision(request)) return request;
  return accept([...implicitAck(request), draft('request.contested', { requestId: request.id, reason: args.reason })]);
}

export function decideWithdraw(ctx: DecideContext, args: MutationArgs<'request.withdraw'>): Decision {
  const request = target(ctx, args.requestId, 'withdraw');
  if (isDecision(request)) return request;
  return accept([draft('request.withdrawn', { requestId: request.id, reason: args.reason })]);
}

export function decideClose(ctx: DecideContext, args: MutationArgs<'request.close'>): Decision {
  const request = target(ctx, args.requestId, 'close');
  if (isDecision(request)) return request;
  return accept([draft('request.closed', { requestId: request.id, note: args.note })]);
}

export function decideReopen(ctx: DecideContext, args: MutationArgs<'request.reopen'>): Decision {
  const request = target(ctx, args.requestId, 'reopen');
  if (isDecision(request)) return request;
  return accept([draft('request.reopened', { requestId: request.id, reason: args.reason })]);
}

/**
 * A manual escalation goes up the platform's own chain — its backup liaison, then its manager
 * contact — skipping a level nobody was named for, and never to the ministry's level, which the
 * deadline watcher alone reaches (the ministry is who presses the button).
 */
export function decideEscalate(ctx: DecideContext, args: MutationArgs<'request.escalate'>): Decision {
  const request = target(ctx, args.requestId, 'escalate');
  if (isDecision(request)) return request;
  const platform = ctx.read.platform(request.platformId);
  const level = platform ? nextManualLevel(platform, ctx.read, request.escalationLevel) : undefined;
  if (level === undefined) {
    const top = request.escalationLevel >= 2;
    return reject(
      refusal(
        'conflict',
        top ? 'escalation_chain_end' : 'escalation_no_contact',
        top
          ? `${request.ref} already reached the top of ${platform?.name ?? request.platformId}'s chain.`
          : `${platform?.name ?? request.platformId} names no backup liaison or manager contact to escalate ${request.ref} to.`,
        { requestId: request.id, ref: request.ref, platform: platform?.name ?? request.platformId, level: request.escalationLevel },
      ),
    );
  }
  return accept([
    draft('request.escalated', {
      requestId: request.id,
      level,
      target: ESCALATION_TARGETS[level] ?? 'prefect',
      note: args.note,
      automatic: false,
    }),
  ]);
}

/** The side a user acts for: a liaison for their platform, everyone else for the ministry. */
export function sideOf(role: string): RequestSide {
  return role === 'liaison' ? 'platform' : 'ministry';
}

/**
 * Someone takes a request, hands it to a colleague of their side, or lets it go (`null`). A
 * liaison hands over only to a liaison of the request's platform; the ministry to a prefect or
 * an operator. Assigning to the current owner again is refused, so the log records changes only.
 */
export function decideAssign(ctx: DecideContext, args: MutationArgs<'request.assign'>): Decision {
  const request = target(ctx, args.requestId, 'assign');
  if (isDecision(request)) return request;
  const side = sideOf(ctx.actor.role);
  const current = ownerOf(request, side);
  if (args.assigneeId === current) {
    const name = current === null ? null : (ctx.read.user(current)?.name ?? null);
    return reject(
      refusal(
        'conflict',
        current === null ? 'owner_none' : 'owner_unchanged',
        `${request.ref} is already ${current === null ? 'free' : `handled by ${name}`}.`,
        {
          ref: request.ref,
          name,
        },
      ),
    );
  }
  if (args.assigneeId !== null) {
    const user = ctx.read.user(args.assigneeId);
    const onSide =
      user !== undefined &&
      user.revokedAt === null &&
      (side === 'platform'
        ? user.role === 'liaison' && user.platformId === request.platformId
        : user.role === 'prefect' || user.role === 'operator');
    if (!onSide) {
      return reject(
        refusal('invalid_payload', 'assignee_not_on_side', 'A request is handed only to an active colleague of your side.', {
          path: 'assigneeId',
          side,
        }),
      );
    }
  }
  return accept([draft('request.assigned', { requestId: request.id, side, assigneeId: args.assigneeId, previousId: current })]);
}

export function decideComment(ctx: DecideContext, args: MutationArgs<'comment.add'>): Decision {
  const request = target(ctx, args.requestId, null);
  if (isDecision(request)) return request;
  if (ctx.read.comment(args.commentId)) {
    // The same answer whether the id is on this request, another the sender sees, or one they do not.
    return reject(idUnavailable('comment', args.commentId));
  }
  if (args.visibility === 'ministry' && ctx.actor.role === 'liaison') {
    return reject(refusal('forbidden', 'liaison_ministry_note', 'A liaison cannot write ministry-only notes.', { path: 'visibility' }));
  }
  return accept([
    draft('comment.added', {
      comment: {
        id: args.commentId,
        requestId: request.id,
        authorId: ctx.actor.userId,
        authorName: ctx.actor.name,
        body: args.body,
        visibility: args.visibility,
        createdAt: ctx.now,
        clientTime: ctx.clientTime,
      },
    }),
  ]);
}
