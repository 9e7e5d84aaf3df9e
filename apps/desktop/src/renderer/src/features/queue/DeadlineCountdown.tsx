import { isPaused, runningDeadline, waitingOn, type Request } from '@contact-desk/shared';
import { formatDateTime, formatCountdown } from '../common/format';
import { useRelaySeconds } from '../common/use-relay-now';
import type { QueueT } from './QueueRow';

/** Below this share of its period left, a running deadline is shown as close. */
const WARN_SHARE = 0.25;

/**
 * The running deadline as a live countdown in relay time: "dans 4 min" / "dépassé de 16 min",
 * with the step it is for. A deadline missed more than one action period ago (the `stale` band
 * of docs/triage.md) is shown quieter than a fresh miss. With no deadline running: how long the
 * ministry has had it, the clock stopped for a question, or not yet received by the platform.
 */
export function DeadlineCountdown({ request, language, t }: { request: Request; language: string; t: QueueT }) {
  const now = useRelaySeconds();
  const deadline = runningDeadline(request, now);
  if (deadline === null) {
    const side = waitingOn(request);
    if (side === 'ministry') {
      return (
        <span
          className="q-cd q-cd-since"
          data-testid="deadline"
          data-tone="ministry"
          title={formatDateTime(request.updatedAt, language, true)}
        >
          {t('deadline.since', { duration: formatCountdown(now - request.updatedAt, language) })}
        </span>
      );
    }
    const why = side === null ? 'none' : isPaused(request) ? 'paused' : 'notReceived';
    return (
      <span className={`q-cd q-cd-${why === 'none' ? 'na' : 'paused'}`} data-testid="deadline" data-tone={why}>
        {t(`deadline.${why}`)}
      </span>
    );
  }
  const left = deadline.at - now;
  const period = deadline.step === 'ack' ? request.sla.ackMs : request.sla.actionMs;
  const tone = left >= 0 ? (left < period * WARN_SHARE ? 'warn' : 'ok') : -left > request.sla.actionMs ? 'stale' : 'overdue';
  const duration = formatCountdown(left, language);
  return (
    <span
      className={`q-cd q-cd-${tone}`}
      data-testid="deadline"
      data-tone={tone}
      data-step={deadline.step}
      data-at={deadline.at}
      title={t('deadline.title', { step: t(`deadline.${deadline.step}Long`), time: formatDateTime(deadline.at, language, true) })}
    >
      <span className="q-cd-step">{t(`deadline.${deadline.step}`)}</span>
      {left < 0 ? t('deadline.overdue', { duration }) : t('deadline.dueIn', { duration })}
    </span>
  );
}
