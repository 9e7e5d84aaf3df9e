import {
  ALLOWED_FROM,
  ESCALATION_TARGETS,
  isMinistryRole,
  isPaused,
  mutationsFor,
  newId,
  slaView,
  type DomainEvent,
  type MutationType,
  type ProtocolError,
  type Request,
  type RequestStep,
  type Role,
  type StepState,
} from '@contact-desk/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import type { Platform } from '../../platform/platform';
import { useDesk } from '../../state/desk-store';
import { useRelayNow } from '../common/use-relay-now';
import { formatDateTime, formatDuration, userTimeZone } from '../common/format';
import { AnswerDialog, EditDialog, TextStepDialog, type TextStep } from './RequestForms';
import { priorityClass, ErrorNote, Field } from './widgets';
import '../../styles/request.css';

const STEP_MUTATIONS: Record<RequestStep, MutationType> = {
  acknowledge: 'request.acknowledge',
  requestInfo: 'request.requestInfo',
  provideInfo: 'request.provideInfo',
  answer: 'request.answer',
  contest: 'request.contest',
  edit: 'request.edit',
  withdraw: 'request.withdraw',
  close: 'request.close',
  reopen: 'request.reopen',
  escalate: 'request.escalate',
  assign: 'request.assign',
};

/** Display order: the platform's steps first, then the ministry's, destructive ones last. */
const STEP_ORDER: readonly RequestStep[] = [
  'acknowledge',
  'answer',
  'requestInfo',
  'provideInfo',
  'edit',
  'escalate',
  'close',
  'reopen',
  'contest',
  'withdraw',
];

const DANGER_STEPS: readonly RequestStep[] = ['withdraw', 'contest'];

/** Steps the user may take now: allowed to the role AND by the state machine. */
export function availableSteps(role: Role | 'system' | undefined, request: Request): RequestStep[] {
  if (!role || role === 'system') return [];
  const allowed = mutationsFor(role);
  return STEP_ORDER.filter(
    (step) => allowed.includes(STEP_MUTATIONS[step]) && ALLOWED_FROM[step].includes(request.status),
  );
}

export function RequestScreen({ requestId }: { requestId: string; platform: Platform }) {
  const { t } = useTranslation('request');
  const request = useDesk((state) => state.view.requests.get(requestId));
  const go = useNavigation((state) => state.go);

  if (!request) {
    return (
      <section className="rq-screen" aria-labelledby="rq-missing" data-testid="request-missing">
        <div className="rq-missing">
          <h1 id="rq-missing">{t('notFound.title')}</h1>
          <p>{t('notFound.body')}</p>
          <button type="button" className="kit-button" onClick={() => go({ screen: 'queue' })}>
            {t('back')}
          </button>
        </div>
      </section>
    );
  }
  return <RequestDetail request={request} />;
}

function RequestDetail({ request }: { request: Request }) {
  const { t, i18n } = useTranslation('request');
  const lang = i18n.language;
  const go = useNavigation((state) => state.go);
  const platform = useDesk((state) => state.view.platforms.get(request.platformId));
  const creator = useDesk((state) => state.view.users.get(request.createdBy));
  const pending = useDesk((state) => state.pendingIds.has(request.id));
  const actor = useDesk((state) => state.sync.actor);
  const perform = useDesk((state) => state.perform);
  const now = useRelayNow();
  const [dialog, setDialog] = useState<RequestStep | null>(null);
  const [actionError, setActionError] = useState<ProtocolError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const role = actor?.role;
  const steps = availableSteps(role, request);
  const readOnly = role === 'observer';

  const acknowledge = async () => {
    setActionError(null);
    const outcome = await perform('request.acknowledge', { requestId: request.id });
    if (outcome.ok) setNotice(t('actions.done'));
    else setActionError(outcome.error);
  };

  const open = (step: RequestStep) => {
    setActionError(null);
    setNotice(null);
    if (step === 'acknowledge') void acknowledge();
    else setDialog(step);
  };

  const closed = (done: boolean) => {
    setDialog(null);
    if (done) setNotice(t('actions.done'));
  };

  return (
    <section className="rq-screen" aria-labelledby="rq-title" data-testid="request-screen">
      <button type="button" className="kit-link-button rq-back" onClick={() => go({ screen: 'queue' })}>
        ← {t('back')}
      </button>

      <header className="rq-header">
        <div className="rq-title-row">
          <h1 id="rq-title" data-testid="request-ref">
            {request.ref}
          </h1>
          <span className={priorityClass(request.sla.label)} title={request.sla.name} data-testid="request-priority">
            {request.sla.label}
          </span>
          <span className={`kit-status kit-status-${request.status}`} data-testid="request-status" data-status={request.status}>
            {t(`common:status.${request.status}`)}
          </span>
          {pending ? (
            <span className="kit-pending" data-testid="pending-marker" role="status">
              {t('common:pending')}
            </span>
          ) : null}
        </div>
        <p className="rq-subtitle">
          <strong>{platform?.name ?? request.platformId}</strong> · {t(`common:kind.${request.kind}`)} ·{' '}
          {t('header.priority', { label: request.sla.label, name: request.sla.name })}
        </p>
      </header>

      {request.doNotInform ? (
        <div className="rq-dni" role="note" data-testid="do-not-inform">
          <span className="rq-dni-icon" aria-hidden="true">
            ⚠
          </span>
          <div>
            <strong>{t('doNotInform.title')}</strong>
            <p>{t('doNotInform.body')}</p>
          </div>
        </div>
      ) : null}

      <div className="rq-grid">
        <div className="rq-main">
          <section className="kit-panel" aria-labelledby="rq-facts">
            <h2 id="rq-facts" className="kit-visually-hidden">
              {t('header.status')}
            </h2>
            <dl className="rq-facts">
              <Fact label={t('header.platform')} value={platform?.name ?? request.platformId} />
              <Fact label={t('header.kind')} value={t(`common:kind.${request.kind}`)} />
              <Fact label={t('header.category')} value={t(`common:category.${request.category}`)} />
              <Fact label={t('header.campaign')} value={request.campaign ?? t('header.none')} />
              <Fact label={t('header.pharosRef')} value={request.pharosRef ?? t('header.none')} />
              {request.kind === 'preservation' || request.retentionUntil !== null ? (
                <Fact
                  label={t('header.retentionUntil')}
                  value={request.retentionUntil === null ? t('header.none') : formatDateTime(request.retentionUntil, lang, true)}
                  strong
                />
              ) : null}
              {creator ? <Fact label={t('header.createdBy')} value={creator.name} /> : null}
            </dl>
            <h3 className="rq-label">{t('header.grounds')}</h3>
            <p className="rq-grounds">{request.grounds}</p>
          </section>

          <ActionBar
            steps={steps}
            readOnly={readOnly}
            onStep={open}
            error={actionError}
            notice={notice}
          />

          <ItemsTable request={request} />

          <Timeline request={request} />
        </div>

        <aside className="rq-side">
          <SlaPanel request={request} now={now} />
        </aside>
      </div>

      {dialog === 'answer' ? <AnswerDialog request={request} onClose={closed} /> : null}
      {dialog === 'edit' ? <EditDialog request={request} onClose={closed} /> : null}
      {dialog && dialog !== 'answer' && dialog !== 'edit' && dialog !== 'acknowledge' ? (
        <TextStepDialog request={request} step={dialog as TextStep} onClose={closed} />
      ) : null}
    </section>
  );
}

function Fact({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className="rq-fact">
      <dt>{label}</dt>
      <dd className={strong ? 'rq-strong' : undefined}>{value}</dd>
    </div>
  );
}

function ActionBar({
  steps,
  readOnly,
  onStep,
  error,
  notice,
}: {
  steps: readonly RequestStep[];
  readOnly: boolean;
  onStep: (step: RequestStep) => void;
  error: ProtocolError | null;
  notice: string | null;
}) {
  const { t } = useTranslation('request');
  return (
    <section className="kit-panel rq-actions" aria-labelledby="rq-actions-title">
      <h2 id="rq-actions-title" className="kit-panel-title">
        {t('actions.title')}
      </h2>
      {readOnly ? (
        <p className="kit-muted" data-testid="read-only">
          {t('actions.readOnly')}
        </p>
      ) : steps.length === 0 ? (
        <p className="kit-muted">{t('actions.noneNow')}</p>
      ) : (
        <div className="rq-action-buttons">
          {steps.map((step, index) => (
            <button
              key={step}
              type="button"
              className={
                DANGER_STEPS.includes(step)
                  ? 'kit-button kit-button-danger-outline'
                  : index === 0
                    ? 'kit-button kit-button-primary'
                    : 'kit-button'
              }
              data-testid={`action-${step}`}
              onClick={() => onStep(step)}
            >
              {t(`actions.${step}`)}
            </button>
          ))}
        </div>
      )}
      <ErrorNote error={error} testId="action-error" />
      {notice ? (
        <p className="kit-notice" role="status">
          {notice}
        </p>
      ) : null}
    </section>
  );
}

function SlaStep({
  title,
  state,
  deadline,
  doneAt,
  now,
  testId,
  extra,
}: {
  title: string;
  state: StepState;
  deadline: number | null;
  doneAt: number | null;
  now: number;
  testId: string;
  extra?: string | null;
}) {
  const { t, i18n } = useTranslation('request');
  const lang = i18n.language;
  let countdown: string;
  let tone: string;
  switch (state) {
    case 'pending':
      countdown = deadline === null ? t('sla.notReceived') : t('common:sla.dueIn', { duration: formatDuration(deadline - now, lang) });
      tone = deadline !== null && deadline - now < 15 * 60_000 ? 'warn' : 'ok';
      break;
    case 'overdue':
      countdown =
        deadline === null ? t('common:sla.late') : t('common:sla.overdueBy', { duration: formatDuration(now - deadline, lang) });
      tone = 'late';
      break;
    case 'done':
      countdown = `${t('common:sla.done')}${doneAt ? ` · ${formatDateTime(doneAt, lang)}` : ''}`;
      tone = 'done';
      break;
    case 'done_late':
      countdown = `${t('common:sla.doneLate')}${doneAt ? ` · ${formatDateTime(doneAt, lang)}` : ''}`;
      tone = 'late';
      break;
    default:
      countdown = t('sla.notApplicable');
      tone = 'muted';
  }
  return (
    <div className={`rq-sla-step rq-tone-${tone}`} data-testid={testId} data-state={state}>
      <div className="rq-sla-title">{title}</div>
      <div className="rq-sla-countdown" aria-live="off">
        {countdown}
      </div>
      {deadline !== null ? <div className="rq-sla-deadline">{t('sla.deadline', { time: formatDateTime(deadline, lang, true) })}</div> : null}
      {extra ? <div className="rq-sla-extra">{extra}</div> : null}
    </div>
  );
}

function SlaPanel({ request, now }: { request: Request; now: number }) {
  const { t, i18n } = useTranslation('request');
  const lang = i18n.language;
  const sla = slaView(request, now);
  const paused = isPaused(request);
  const withClient = (at: number | null, client: number | null): string => {
    if (at === null) return t('header.none');
    const base = formatDateTime(at, lang, true);
    if (client !== null && Math.abs(client - at) > 60_000) {
      return `${base} ${t('sla.clientTimeNote', { time: formatDateTime(client, lang) })}`;
    }
    return base;
  };
  const target = ESCALATION_TARGETS[request.escalationLevel] ?? 'prefect';
  return (
    <section className="kit-panel rq-sla" aria-labelledby="rq-sla-title" data-testid="sla-panel">
      <h2 id="rq-sla-title" className="kit-panel-title">
        {t('sla.title')}
      </h2>
      <SlaStep
        title={t('sla.ack')}
        state={sla.ack}
        deadline={sla.ackDeadline}
        doneAt={request.ackAt}
        now={now}
        testId="sla-ack"
      />
      <SlaStep
        title={t('sla.action')}
        state={sla.action}
        deadline={sla.actionDeadline}
        doneAt={request.answeredAt}
        now={now}
        testId="sla-action"
        extra={paused ? t('sla.paused') : null}
      />
      <dl className="rq-times">
        <div>
          <dt>{t('sla.createdAt')}</dt>
          <dd>{formatDateTime(request.createdAt, lang, true)}</dd>
        </div>
        <div>
          <dt>{t('sla.receivedAt')}</dt>
          <dd>{request.receivedAt === null ? t('header.none') : formatDateTime(request.receivedAt, lang, true)}</dd>
        </div>
        <div>
          <dt>{t('sla.ackAt')}</dt>
          <dd>{withClient(request.ackAt, request.ackClientTime)}</dd>
        </div>
        <div>
          <dt>{t('sla.answeredAt')}</dt>
          <dd>{withClient(request.answeredAt, request.answeredClientTime)}</dd>
        </div>
        <div>
          <dt>{t('sla.escalation')}</dt>
          <dd data-testid="escalation-level">
            {request.escalationLevel === 0
              ? t('common:escalation.none')
              : t('sla.escalationLevel', { level: request.escalationLevel, target: t(`common:escalation.${target}`) })}
          </dd>
        </div>
      </dl>
      <p className="kit-hint">
        {t('sla.relayTime')} · {t('common:timeZone', { zone: userTimeZone() })}
      </p>
    </section>
  );
}

function ItemsTable({ request }: { request: Request }) {
  const { t, i18n } = useTranslation('request');
  const lang = i18n.language;
  return (
    <section className="kit-panel" aria-labelledby="rq-items-title">
      <h2 id="rq-items-title" className="kit-panel-title">
        {t('items.title', { count: request.items.length })}
      </h2>
      <div className="kit-table-wrap">
        <table className="kit-table rq-items" data-testid="items-table">
          <thead>
            <tr>
              <th scope="col" className="rq-col-index">
                {t('items.index')}
              </th>
              <th scope="col">{t('items.location')}</th>
              <th scope="col">{t('items.outcome')}</th>
              <th scope="col">{t('items.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {request.items.map((item, index) => (
              <tr key={item.id} data-testid="item-row" data-outcome={item.answer?.outcome ?? ''}>
                <td className="rq-col-index">{index + 1}</td>
                <td className="rq-location">
                  <span className="kit-ellipsis" title={item.location}>
                    {item.location}
                  </span>
                </td>
                <td>
                  {item.answer ? (
                    <span className={`kit-outcome kit-outcome-${item.answer.outcome}`}>
                      {t(`common:outcome.${item.answer.outcome}`)}
                    </span>
                  ) : (
                    <span className="kit-muted">{t('items.awaiting')}</span>
                  )}
                  {item.answer ? (
                    <div className="kit-hint">{t('items.answeredAt', { time: formatDateTime(item.answer.at, lang) })}</div>
                  ) : null}
                </td>
                <td className="rq-detail">
                  {item.answer?.ground ? <strong>{t(`common:ground.${item.answer.ground}`)}</strong> : null}
                  {item.answer?.ground && item.answer.reason ? ' — ' : null}
                  {item.answer?.reason ?? (item.answer?.ground ? null : <span className="kit-muted">—</span>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Timeline({ request }: { request: Request }) {
  const { t, i18n } = useTranslation('request');
  const lang = i18n.language;
  const timeline = useDesk((state) => state.timeline);
  const revision = useDesk((state) => state.revision);
  const actor = useDesk((state) => state.sync.actor);
  const [events, setEvents] = useState<DomainEvent[] | null>(null);

  useEffect(() => {
    let live = true;
    void timeline(request.id).then((loaded) => {
      if (live) setEvents(loaded);
    });
    return () => {
      live = false;
    };
  }, [timeline, request.id, revision]);

  const ministry = actor ? isMinistryRole(actor.role) : false;
  const mayComment = actor && actor.role !== 'system' ? mutationsFor(actor.role).includes('comment.add') : false;

  return (
    <section className="kit-panel" aria-labelledby="rq-timeline-title">
      <h2 id="rq-timeline-title" className="kit-panel-title">
        {t('timeline.title')}
      </h2>
      {events === null ? (
        <p className="kit-muted">{t('timeline.loading')}</p>
      ) : events.length === 0 ? (
        <p className="kit-muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="rq-timeline" data-testid="timeline">
          {events.map((event) => (
            <TimelineEntry key={event.seq} event={event} request={request} lang={lang} />
          ))}
        </ol>
      )}
      {mayComment ? <CommentComposer requestId={request.id} ministry={ministry} /> : null}
    </section>
  );
}

function TimelineEntry({ event, request, lang }: { event: DomainEvent; request: Request; lang: string }) {
  const { t } = useTranslation('request');
  const relay = formatDateTime(event.serverTime, lang, true);
  const offline = event.clientTime !== null && Math.abs(event.clientTime - event.serverTime) > 60_000;
  const when = offline
    ? t('timeline.offline', { client: formatDateTime(event.clientTime ?? 0, lang), relay })
    : relay;
  const who =
    event.actor.role === 'system'
      ? t('common:role.system')
      : t('timeline.by', { name: event.actor.name, role: t(`common:role.${event.actor.role}`) });

  let title = t(`timeline.events.${event.type.replace('.', '_')}`, { defaultValue: event.type });
  let body: string | null = null;
  let ministryOnly = false;
  const itemLabel = (itemId: string) => {
    const index = request.items.findIndex((item) => item.id === itemId);
    return index >= 0 ? `#${index + 1}` : itemId;
  };
  switch (event.type) {
    case 'request.acknowledged':
      if (event.payload.implicit) title = `${title} ${t('timeline.implicit')}`;
      break;
    case 'request.infoRequested':
      body = event.payload.question;
      break;
    case 'request.infoProvided':
      body = event.payload.answer;
      break;
    case 'request.answered':
      if (!event.payload.complete) title = t('timeline.events.request_answeredPartial');
      body = event.payload.items
        .map((item) => {
          const parts = [`${itemLabel(item.itemId)} ${t(`common:outcome.${item.outcome}`)}`];
          if (item.ground) parts.push(t(`common:ground.${item.ground}`));
          if (item.reason) parts.push(item.reason);
          return parts.join(' — ');
        })
        .join('\n');
      break;
    case 'request.contested':
    case 'request.withdrawn':
    case 'request.reopened':
      body = event.payload.reason;
      break;
    case 'request.closed':
      body = event.payload.note;
      break;
    case 'request.escalated':
      title = t('timeline.events.request_escalated', {
        level: event.payload.level,
        target: t(`common:escalation.${event.payload.target}`),
      });
      if (event.payload.automatic) title = `${title} (${t('timeline.automatic')})`;
      body = event.payload.note;
      break;
    case 'request.deadlineMissed':
      title = t('timeline.events.request_deadlineMissed', {
        step: event.payload.step === 'ack' ? t('sla.ack') : t('sla.action'),
        time: formatDateTime(event.payload.deadline, lang),
      });
      break;
    case 'request.edited': {
      const { addItems, ...fields } = event.payload.patch;
      const lines: string[] = [];
      const names = Object.keys(fields);
      if (names.length > 0) lines.push(t('timeline.fieldsChanged', { fields: names.join(', ') }));
      if (addItems && addItems.length > 0) lines.push(t('timeline.itemsAdded', { count: addItems.length }));
      body = lines.join('\n') || null;
      break;
    }
    case 'comment.added':
      body = event.payload.comment.body;
      ministryOnly = event.payload.comment.visibility === 'ministry';
      title = ministryOnly ? t('timeline.ministryOnly') : t('timeline.shared');
      break;
    default:
      break;
  }
  const late = event.type === 'request.deadlineMissed';
  return (
    <li
      className={`rq-entry${ministryOnly ? ' rq-entry-ministry' : ''}${late ? ' rq-entry-late' : ''}${
        event.type === 'comment.added' ? ' rq-entry-comment' : ''
      }`}
      data-testid="timeline-entry"
      data-type={event.type}
    >
      <div className="rq-entry-head">
        <span className="rq-entry-title">
          {ministryOnly ? (
            <span className="kit-tag kit-tag-ministry" aria-hidden="true">
              🔒
            </span>
          ) : null}
          {title}
        </span>
        <span className="rq-entry-who">{who}</span>
      </div>
      <div className={offline ? 'rq-entry-time rq-entry-offline' : 'rq-entry-time'}>
        <time dateTime={new Date(event.serverTime).toISOString()}>{when}</time>
      </div>
      {body ? <p className="rq-entry-body">{body}</p> : null}
    </li>
  );
}

function CommentComposer({ requestId, ministry }: { requestId: string; ministry: boolean }) {
  const { t } = useTranslation('request');
  const perform = useDesk((state) => state.perform);
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'shared' | 'ministry'>('shared');
  const [error, setError] = useState<ProtocolError | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (body.trim().length === 0) {
      setFieldError(t('forms.required'));
      return;
    }
    setFieldError(null);
    setBusy(true);
    const outcome = await perform('comment.add', {
      commentId: newId(),
      requestId,
      body: body.trim(),
      visibility: ministry ? visibility : 'shared',
    });
    setBusy(false);
    if (outcome.ok) setBody('');
    else setError(outcome.error);
  };

  return (
    <form className="rq-composer" onSubmit={submit} aria-label={t('comment.title')} data-testid="comment-form">
      <h3 className="rq-label">{t('comment.title')}</h3>
      <Field label={t('comment.body')} error={fieldError}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            rows={3}
            value={body}
            maxLength={10_000}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            data-testid="comment-body"
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </Field>
      <div className="rq-composer-row">
        {ministry ? (
          <fieldset className="kit-radios">
            <legend>{t('comment.visibility')}</legend>
            <label>
              <input
                type="radio"
                name={`visibility-${requestId}`}
                checked={visibility === 'shared'}
                onChange={() => setVisibility('shared')}
                data-testid="comment-shared"
              />{' '}
              {t('comment.shared')}
            </label>
            <label>
              <input
                type="radio"
                name={`visibility-${requestId}`}
                checked={visibility === 'ministry'}
                onChange={() => setVisibility('ministry')}
                data-testid="comment-ministry"
              />{' '}
              {t('comment.ministry')}
            </label>
          </fieldset>
        ) : (
          <span />
        )}
        <button type="submit" className="kit-button kit-button-primary" disabled={busy} data-testid="action-comment">
          {t('comment.send')}
        </button>
      </div>
      <ErrorNote error={error} testId="comment-error" />
    </form>
  );
}
