import { isPaused, slaView, type Request } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { userTimeZone } from '../common/format';
import { useRelayNow } from '../common/use-relay-now';
import { pendingTimes, relayTimeText, slaStepView, type SlaStepInput } from './sla-model';
import { translateWith } from '../common/refusal-wording';

function SlaStep({ title, input, testId, extra }: { title: string; input: SlaStepInput; testId: string; extra?: string | null }) {
  const { t, i18n } = useTranslation(['request', 'common']);
  const view = slaStepView(input, translateWith(t), i18n.language);
  return (
    <div className={`rq-sla-step rq-tone-${view.tone}`} data-testid={testId} data-state={input.donePending ? 'waiting' : input.state}>
      <div className="rq-sla-title">{title}</div>
      <div className="rq-sla-countdown" aria-live="off">
        {view.countdown}
      </div>
      {view.deadline ? <div className="rq-sla-deadline">{view.deadline}</div> : null}
      {view.note ? <div className="rq-sla-note">{view.note}</div> : null}
      {extra ? <div className="rq-sla-extra">{extra}</div> : null}
    </div>
  );
}

/**
 * The two deadlines and the times the relay recorded. A step done on this device but not yet
 * accepted by the relay says so: it has no relay time until it arrives.
 */
export function SlaPanel({ request }: { request: Request }) {
  const { t, i18n } = useTranslation(['request', 'common']);
  const translate = translateWith(t);
  const lang = i18n.language;
  const now = useRelayNow();
  const confirmed = useDesk((state) => state.confirmed.requests.get(request.id));
  const pending = pendingTimes(confirmed, request);
  const sla = slaView(request, now);
  const created = pending.has('createdAt');
  const times = [
    { label: t('sla.createdAt'), text: relayTimeText(request.createdAt, created, translate, lang), testId: 'time-created' },
    {
      label: t('sla.receivedAt'),
      text: relayTimeText(request.receivedAt, pending.has('receivedAt'), translate, lang),
      testId: 'time-received',
    },
    {
      label: t('sla.ackAt'),
      text: relayTimeText(request.ackAt, pending.has('ackAt'), translate, lang, request.ackClientTime),
      testId: 'time-ack',
    },
    {
      label: t('sla.answeredAt'),
      text: relayTimeText(request.answeredAt, pending.has('answeredAt'), translate, lang, request.answeredClientTime),
      testId: 'time-answered',
    },
  ];
  return (
    <section className="kit-panel rq-sla" aria-labelledby="rq-sla-title" data-testid="sla-panel">
      <h2 id="rq-sla-title" className="kit-panel-title">
        {t('sla.title')}
      </h2>
      <SlaStep
        title={t('sla.ack')}
        testId="sla-ack"
        input={{
          state: sla.ack,
          deadline: sla.ackDeadline,
          doneAt: request.ackAt,
          donePending: pending.has('ackAt'),
          deadlinePending: created,
          now,
        }}
      />
      <SlaStep
        title={t('sla.action')}
        testId="sla-action"
        input={{
          state: sla.action,
          deadline: sla.actionDeadline,
          doneAt: request.answeredAt,
          donePending: pending.has('answeredAt'),
          deadlinePending: created || pending.has('receivedAt'),
          now,
        }}
        extra={isPaused(request) ? t('sla.paused') : null}
      />
      <dl className="rq-times">
        {times.map((time) => (
          <div key={time.testId}>
            <dt>{time.label}</dt>
            <dd data-testid={time.testId}>{time.text}</dd>
          </div>
        ))}
      </dl>
      <p className="kit-hint">
        {t('sla.relayTime')} · {t('common:timeZone', { zone: userTimeZone() })}
      </p>
    </section>
  );
}
