import {
  PENDING_STATUSES,
  needsMe,
  ownerOf,
  ackState,
  actionState,
  ackDeadline,
  actionDeadline,
  type Actor,
  type DomainState,
  type Request,
} from '@contact-desk/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { NativeServices } from '../../native/native-services';
import { onDeskEvents, useDesk } from '../../state/desk-store';
import { formatCountdown, formatTime } from '../common/format';
import { useNoticeCentre } from './use-notice-centre';

const WARN_BEFORE_MS = 5 * 60_000;
const CHECK_EVERY_MS = 30_000;

/**
 * Requests whose next step the user owes or chases: a liaison their platform's, the ministry
 * those it handles (its owner, else whoever sent it).
 */
function isMine(request: Request, actor: Actor): boolean {
  if (actor.role === 'liaison') return request.platformId === actor.platformId;
  if (actor.role === 'prefect' || actor.role === 'operator') return (ownerOf(request, 'ministry') ?? request.createdBy) === actor.userId;
  return false;
}

/** What the badge counts: the requests that need the user's own action (docs/triage.md). */
export function needsMeCount(view: DomainState, actor: Actor | null): number {
  if (!actor) return 0;
  let count = 0;
  for (const request of view.requests.values()) if (needsMe(request, actor)) count += 1;
  return count;
}

/**
 * Desktop notifications (new P0, deadline about to pass), the notification centre (missed
 * deadlines, escalations, messages given up) and the badge.
 */
export function useAlerts(native: NativeServices): void {
  useNoticeCentre(native);
  const { t, i18n } = useTranslation('alerts');
  const tRef = useRef(t);
  tRef.current = t;
  const view = useDesk((s) => s.view);
  const actor = useDesk((s) => s.sync.actor);
  const phase = useDesk((s) => s.phase);
  const warned = useRef(new Set<string>());

  // A new P0 request arriving live.
  useEffect(
    () =>
      onDeskEvents((events, live) => {
        if (!live) return;
        const me = useDesk.getState().sync.actor;
        const state = useDesk.getState().view;
        for (const event of events) {
          if (event.type !== 'request.created') continue;
          const { request } = event.payload;
          if (request.sla.label !== 'P0') continue;
          if (me && event.actor.userId === me.userId) continue;
          const tr = tRef.current;
          void native.notify(
            tr('p0Title', { ref: request.ref }),
            tr('p0Body', {
              platform: state.platforms.get(request.platformId)?.name ?? request.platformId,
              kind: tr(`common:kind.${request.kind}`),
              category: tr(`common:category.${request.category}`),
              minutes: Math.round(request.sla.ackMs / 60_000),
            }),
            true,
          );
        }
      }),
    [native],
  );

  // Deadlines within five minutes, once per request and step.
  useEffect(() => {
    if (phase !== 'ready') return;
    const check = () => {
      const { view: state, sync, relayNow } = useDesk.getState();
      const me = sync.actor;
      if (!me) return;
      const now = relayNow();
      const tr = tRef.current;
      const language = i18n.language;
      for (const request of state.requests.values()) {
        if (!PENDING_STATUSES.includes(request.status) || !isMine(request, me)) continue;
        const steps: ['ack' | 'action', number | null][] = [];
        if (ackState(request, now) === 'pending') steps.push(['ack', ackDeadline(request)]);
        else if (request.ackAt !== null && actionState(request, now) === 'pending' && request.status !== 'needs_info')
          steps.push(['action', actionDeadline(request, now)]);
        for (const [step, deadline] of steps) {
          if (deadline === null) continue;
          const left = deadline - now;
          const key = `${request.id}:${step}`;
          if (left <= 0 || left > WARN_BEFORE_MS || warned.current.has(key)) continue;
          warned.current.add(key);
          void native.notify(
            tr(`deadlineTitle_${step}`, { ref: request.ref }),
            tr('deadlineBody', {
              platform: state.platforms.get(request.platformId)?.name ?? request.platformId,
              duration: formatCountdown(left, language),
              time: formatTime(deadline, language),
            }),
            true,
          );
        }
      }
    };
    check();
    const id = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(id);
  }, [phase, native, i18n]);

  // The badge: how many requests wait for me.
  useEffect(() => {
    native.setBadge(phase === 'ready' ? needsMeCount(view, actor) : 0);
  }, [native, view, actor, phase]);
}
