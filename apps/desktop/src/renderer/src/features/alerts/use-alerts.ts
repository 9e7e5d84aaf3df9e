import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { NativeServices } from '../../native/native-services';
import { onDeskEvents, useDesk } from '../../state/desk-store';
import { formatCountdown, formatTime } from '../common/format';
import { fewRequests } from '../common/sliced-work';
import { useSlicedValue } from '../common/use-sliced-value';
import { dueSoon, needsMeInSteps, newP0Of } from './alert-matching';
import { useNoticeCentre } from './use-notice-centre';

const CHECK_EVERY_MS = 30_000;

/**
 * Desktop notifications (new P0, deadline about to pass), the notification centre (missed
 * deadlines, escalations, messages given up) and the badge.
 */
export function useAlerts(native: NativeServices): void {
  useNoticeCentre(native);
  const { t, i18n } = useTranslation(['alerts', 'common']);
  const tRef = useRef(t);
  tRef.current = t;
  const requests = useDesk((s) => s.view.requests);
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
          const request = newP0Of(event, me);
          if (!request) continue;
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
      for (const { request, step, deadline, left, key } of dueSoon(state, me, now)) {
        if (warned.current.has(key)) continue;
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
    };
    check();
    const id = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(id);
  }, [phase, native, i18n]);

  // The badge: how many requests wait for me (counted in slices on a large desk).
  const waiting = useMemo(() => ({ requests, actor }), [requests, actor]);
  const needingMe = useSlicedValue(waiting, needsMeInSteps, fewRequests) ?? 0;
  useEffect(() => {
    native.setBadge(phase === 'ready' ? needingMe : 0);
  }, [native, needingMe, phase]);
}
