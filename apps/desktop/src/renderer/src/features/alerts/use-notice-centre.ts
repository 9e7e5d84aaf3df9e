import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { NativeServices } from '../../native/native-services';
import { onDeskEvents, useDesk } from '../../state/desk-store';
import { onNoticesAdded, useNotices } from './notice-store';
import { noticeWords } from './notice-words';
import { translateWith } from '../common/refusal-wording';

/** Desktop notifications shown one by one for a batch; beyond, one line says how many more. */
const SHOWN_ONE_BY_ONE = 3;

/**
 * Keeps the notification centre: reads the profile's notices once the local copy is open, takes
 * in every applied event (live or pulled after a time offline), and shows each new notice as a
 * desktop notification that stays until the user dismisses it.
 */
export function useNoticeCentre(native: NativeServices): void {
  const { t, i18n } = useTranslation('alerts');
  const words = useRef({ t, lang: i18n.language });
  words.current = { t, lang: i18n.language };
  const phase = useDesk((s) => s.phase);

  useEffect(() => onDeskEvents((events) => void useNotices.getState().receive(events)), []);

  useEffect(() => {
    if (phase === 'ready') void useNotices.getState().open();
    else useNotices.getState().close();
  }, [phase]);

  useEffect(
    () =>
      onNoticesAdded((added) => {
        const { t: tr, lang } = words.current;
        const newest = [...added].sort((a, b) => b.seq - a.seq);
        for (const notice of newest.slice(0, SHOWN_ONE_BY_ONE)) {
          const { title, body } = noticeWords(notice, translateWith(tr), lang);
          void native.notify(title, body, true);
        }
        const more = newest.length - SHOWN_ONE_BY_ONE;
        if (more > 0) void native.notify(tr('notice.moreTitle'), tr('notice.more', { count: more }), true);
      }),
    [native],
  );
}
