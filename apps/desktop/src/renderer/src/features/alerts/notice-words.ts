import type { Translate } from '../common/refusal-wording';
import { formatDateTime, formatTime } from '../common/format';
import type { Notice } from './notice-model';

export interface NoticeWords {
  readonly title: string;
  readonly body: string;
  /** Why it reaches this user, in a few words. */
  readonly why: string;
}

/** A notice in the user's language: for the centre and for the desktop notification alike. */
export function noticeWords(notice: Notice, t: Translate, lang: string): NoticeWords {
  const ref = notice.ref ?? t('alerts:notice.unknownRequest');
  const platform = notice.platformName ?? '—';
  const why = t(`alerts:notice.why.${notice.why}`);
  switch (notice.kind) {
    case 'deadlineMissed':
      return {
        title: t('alerts:notice.deadlineMissed.title', { ref }),
        body: t(`alerts:notice.deadlineMissed.body_${notice.step ?? 'ack'}`, {
          platform,
          time: notice.deadline === null ? '—' : formatTime(notice.deadline, lang),
        }),
        why,
      };
    case 'escalated':
      return {
        title: t('alerts:notice.escalated.title', { ref, level: notice.level ?? 0 }),
        body:
          notice.names.length > 0
            ? t('alerts:notice.escalated.bodyNamed', { platform, names: notice.names.join(', '), level: notice.level ?? 0 })
            : t('alerts:notice.escalated.body', { platform, level: notice.level ?? 0 }),
        why,
      };
    case 'deliveryAbandoned':
      return {
        title: t('alerts:notice.deliveryAbandoned.title', { ref }),
        body: t('alerts:notice.deliveryAbandoned.body', {
          channel: t(`request:timeline.delivery.channel.${notice.channel ?? 'email'}`),
          recipient: notice.recipient ?? '—',
          attempts: notice.attempts ?? 1,
          detail: notice.detail ?? '—',
        }),
        why,
      };
  }
}

/** When a notice's event was recorded, to the second. */
export function noticeTime(notice: Notice, lang: string): string {
  return formatDateTime(notice.at, lang, false, true);
}
