import type { Request, StepState } from '@contact-desk/shared';
import type { Translate } from '../common/refusal-wording';
import { formatDateTime, formatCountdown } from '../common/format';

/** The times of a request that only the relay may stamp. */
export const RELAY_TIMES = ['createdAt', 'receivedAt', 'ackAt', 'answeredAt'] as const;
export type RelayTime = (typeof RELAY_TIMES)[number];

/**
 * The relay times shown on the device that the relay has not stamped yet: set in the view only
 * by the user's pending changes (the optimistic overlay fills them with this device's clock).
 * They must read "waiting to be sent", never as a relay time.
 */
export function pendingTimes(confirmed: Request | undefined, view: Request): ReadonlySet<RelayTime> {
  const pending = new Set<RelayTime>();
  for (const field of RELAY_TIMES) {
    if (view[field] !== null && (confirmed === undefined || confirmed[field] !== view[field])) pending.add(field);
  }
  return pending;
}

/** Items whose answer is only in the user's pending changes: its time is this device's, not the relay's. */
export function pendingItemAnswers(confirmed: Request | undefined, view: Request): ReadonlySet<string> {
  const recorded = new Map((confirmed?.items ?? []).map((item) => [item.id, item.answer]));
  const pending = new Set<string>();
  for (const item of view.items) {
    const answer = recorded.get(item.id) ?? null;
    if (item.answer !== null && (answer === null || answer.at !== item.answer.at || answer.outcome !== item.answer.outcome))
      pending.add(item.id);
  }
  return pending;
}

export type Tone = 'ok' | 'warn' | 'late' | 'done' | 'muted' | 'pending';

export interface SlaStepView {
  readonly countdown: string;
  readonly tone: Tone;
  /** "Due …", or null when there is no deadline to show. */
  readonly deadline: string | null;
  /** A second line: the step was done on this device and waits to be sent. */
  readonly note: string | null;
}

export interface SlaStepInput {
  readonly state: StepState;
  readonly deadline: number | null;
  readonly doneAt: number | null;
  /** The step is done only in the user's pending changes. */
  readonly donePending: boolean;
  /** The deadline itself depends on a time the relay has not stamped yet. */
  readonly deadlinePending: boolean;
  readonly now: number;
}

const WARN_WITHIN_MS = 15 * 60_000;

/** What an SLA step says: its countdown (or when it was done, in relay time), its tone. */
export function slaStepView(input: SlaStepInput, t: Translate, lang: string): SlaStepView {
  const { state, deadline, doneAt, now } = input;
  const due = deadline === null || input.deadlinePending ? null : t('request:sla.deadline', { time: formatDateTime(deadline, lang, true) });
  if (input.donePending) {
    return { countdown: t('request:sla.donePending'), tone: 'pending', deadline: due, note: t('request:sla.timedOnArrival') };
  }
  if (input.deadlinePending) {
    return { countdown: t('request:sla.deadlinePending'), tone: 'pending', deadline: null, note: t('request:sla.timedOnArrival') };
  }
  switch (state) {
    case 'pending':
      return {
        countdown:
          deadline === null ? t('request:sla.notReceived') : t('common:sla.dueIn', { duration: formatCountdown(deadline - now, lang) }),
        tone: deadline !== null && deadline - now < WARN_WITHIN_MS ? 'warn' : 'ok',
        deadline: due,
        note: null,
      };
    case 'overdue':
      return {
        countdown:
          deadline === null ? t('common:sla.late') : t('common:sla.overdueBy', { duration: formatCountdown(now - deadline, lang) }),
        tone: 'late',
        deadline: due,
        note: null,
      };
    case 'done':
    case 'done_late': {
      const word = t(state === 'done' ? 'common:sla.done' : 'common:sla.doneLate');
      return {
        countdown: doneAt === null ? word : `${word} · ${formatDateTime(doneAt, lang)}`,
        tone: state === 'done' ? 'done' : 'late',
        deadline: due,
        note: null,
      };
    }
    default:
      return { countdown: t('request:sla.notApplicable'), tone: 'muted', deadline: due, note: null };
  }
}

/** A relay time for the list under the steps: the time, "waiting to be sent", or none. */
export function relayTimeText(at: number | null, pending: boolean, t: Translate, lang: string, clientAt: number | null = null): string {
  if (pending) return t('request:sla.waitingToBeSent');
  if (at === null) return t('request:header.none');
  const base = formatDateTime(at, lang, true);
  if (clientAt !== null && Math.abs(clientAt - at) > 60_000)
    return `${base} ${t('request:sla.clientTimeNote', { time: formatDateTime(clientAt, lang) })}`;
  return base;
}
