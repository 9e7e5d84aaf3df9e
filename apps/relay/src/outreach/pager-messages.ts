import { ackDeadline, actionDeadline } from '@contact-desk/shared';
import type { Occasion } from './occasion.js';

/**
 * What the pager presets send (docs/integrations.md): a request of the priorities a pager takes
 * opens an incident (PagerDuty) or alert (Opsgenie) keyed by the request's id; a missed deadline,
 * an escalation or a reopening raise it again under the same key; the platform's acknowledgement
 * acknowledges it; an answer, a contest, a withdrawal or a close resolves it.
 */
export type PagerAction = 'trigger' | 'acknowledge' | 'resolve';

export function pagerAction(occasion: Occasion): PagerAction | undefined {
  const event = occasion.event;
  switch (event?.type) {
    case 'request.created':
    case 'request.deadlineMissed':
    case 'request.escalated':
    case 'request.reopened':
      return 'trigger';
    case 'request.acknowledged':
      return 'acknowledge';
    case 'request.answered':
      return event.payload.complete ? 'resolve' : undefined;
    case 'request.contested':
    case 'request.withdrawn':
    case 'request.closed':
      return 'resolve';
    default:
      return undefined;
  }
}

export interface PagerMessage {
  readonly occasion: Occasion;
  /** The priority's rank in the policy: 0 for the most urgent. */
  readonly rank: number;
  /** Where the request opens on the desk, when the relay knows its address. */
  readonly link: string | null;
}

const PAGERDUTY_SEVERITIES = ['critical', 'error', 'warning'] as const;
const SOURCE = 'Contact Desk';

const WHY: Partial<Record<string, string>> = {
  'request.created': 'new request / nouvelle demande',
  'request.deadlineMissed': 'deadline missed / délai dépassé',
  'request.escalated': 'escalated / escalade',
  'request.reopened': 'reopened / rouverte',
  'request.acknowledged': 'acknowledged / accusé de réception',
  'request.answered': 'answered / répondue',
  'request.contested': 'contested / contestée',
  'request.withdrawn': 'withdrawn / retirée',
  'request.closed': 'closed / close',
};

/** One line: priority, reference, platform, kind and why it pages. */
export function pagerSummary({ occasion }: PagerMessage): string {
  const { request } = occasion;
  const why = WHY[occasion.event?.type ?? ''] ?? occasion.event?.type ?? '';
  const platform = occasion.platform?.name ?? request.platformId;
  return `[${request.sla.label}] ${request.ref} ${platform} — ${request.kind}: ${why}`;
}

function details({ occasion }: PagerMessage): Record<string, string> {
  const { request } = occasion;
  const action = actionDeadline(request, occasion.at);
  return {
    ref: request.ref,
    priority: `${request.sla.label} (${request.sla.name})`,
    platform: occasion.platform?.name ?? request.platformId,
    kind: request.kind,
    ackDeadline: new Date(ackDeadline(request)).toISOString(),
    ...(action === null ? {} : { actionDeadline: new Date(action).toISOString() }),
    escalationLevel: String(occasion.level),
  };
}

/** A PagerDuty Events API v2 event, without its `routing_key` (added at send time from the sealed key). */
export function pagerDutyEvent(action: PagerAction, message: PagerMessage): string {
  const { occasion } = message;
  const base = { event_action: action, dedup_key: occasion.request.id };
  if (action !== 'trigger') return JSON.stringify(base);
  return JSON.stringify({
    ...base,
    payload: {
      summary: pagerSummary(message).slice(0, 1024),
      source: SOURCE,
      severity: PAGERDUTY_SEVERITIES[message.rank] ?? 'info',
      timestamp: new Date(occasion.at).toISOString(),
      component: occasion.request.platformId,
      group: occasion.request.kind,
      class: occasion.trigger,
      custom_details: details(message),
    },
    ...(message.link ? { links: [{ href: message.link, text: `Contact Desk ${occasion.request.ref}` }] } : {}),
  });
}

/** An Opsgenie Alert API call: its path after the API's address, and its body. */
export function opsgenieCall(action: PagerAction, message: PagerMessage): { path: string; body: string } {
  const { request } = message.occasion;
  const alias = encodeURIComponent(request.id);
  if (action === 'trigger') {
    return {
      path: '/v2/alerts',
      body: JSON.stringify({
        message: pagerSummary(message).slice(0, 130),
        alias: request.id,
        description: message.link ? `Contact Desk: ${message.link}` : `Contact Desk ${request.ref}`,
        priority: `P${Math.min(message.rank + 1, 5)}`,
        source: SOURCE,
        entity: request.ref,
        tags: ['contact-desk', request.sla.label, request.platformId],
        details: details(message),
      }),
    };
  }
  const verb = action === 'acknowledge' ? 'acknowledge' : 'close';
  return {
    path: `/v2/alerts/${alias}/${verb}?identifierType=alias`,
    body: JSON.stringify({ source: SOURCE, note: pagerSummary(message) }),
  };
}
