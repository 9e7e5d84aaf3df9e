import { isMinistryRole, mutationsFor, type DomainEvent, type Mutation, type Request } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { pendingFor } from './action-model';
import { CommentComposer } from './CommentComposer';
import { namesFromEvents } from './owners-model';
import { entryView, pendingEntryView, type EntryContext, type EntryView } from './timeline-model';
import { translateWith } from '../common/refusal-wording';

const KIND_CLASS: Record<EntryView['kind'], string> = {
  plain: '',
  late: ' rq-entry-late',
  ministry: ' rq-entry-ministry rq-entry-comment',
  comment: ' rq-entry-comment',
  delivered: ' rq-entry-delivery',
  undelivered: ' rq-entry-delivery rq-entry-undelivered',
};

function Entry({ event, context }: { event: DomainEvent; context: EntryContext }) {
  const view = entryView(event, context);
  return (
    <li className={`rq-entry${KIND_CLASS[view.kind]}`} data-testid="timeline-entry" data-type={event.type}>
      <div className="rq-entry-head">
        <span className="rq-entry-title">
          {view.kind === 'ministry' ? (
            <span className="kit-tag kit-tag-ministry" aria-hidden="true">
              🔒
            </span>
          ) : null}
          {view.title}
        </span>
        <span className="rq-entry-who">{view.who}</span>
      </div>
      <div className={view.offline ? 'rq-entry-time rq-entry-offline' : 'rq-entry-time'}>
        <time dateTime={new Date(event.serverTime).toISOString()}>{view.when}</time>
      </div>
      {view.body ? <p className="rq-entry-body">{view.body}</p> : null}
    </li>
  );
}

/** A change still on this device: no relay time yet, and it says so. */
function PendingEntry({ mutation }: { mutation: Mutation }) {
  const { t, i18n } = useTranslation('request');
  const view = pendingEntryView(mutation, translateWith(t), i18n.language);
  return (
    <li className="rq-entry rq-entry-pending" data-testid="timeline-pending" data-type={mutation.type}>
      <div className="rq-entry-head">
        <span className="rq-entry-title">{view.title}</span>
        <span className="kit-pending">{t('timeline.pendingTitle')}</span>
      </div>
      <div className="rq-entry-time">{view.when}</div>
    </li>
  );
}

/** The request's events as the relay recorded them, then the user's changes still waiting to be sent. */
export function Timeline({ request, events }: { request: Request; events: readonly DomainEvent[] | null }) {
  const { t, i18n } = useTranslation('request');
  const actor = useDesk((state) => state.sync.actor);
  const state = useDesk((s) => s.view);
  const outbox = useDesk((s) => s.pendingMutations);
  const pending = pendingFor(request.id, outbox);
  const ministry = actor ? isMinistryRole(actor.role) : false;
  const mayComment = actor && actor.role !== 'system' ? mutationsFor(actor.role).includes('comment.add') : false;
  const context: EntryContext = {
    request,
    state,
    book: { users: state.users, fromEvents: namesFromEvents(events ?? []) },
    t: translateWith(t),
    lang: i18n.language,
  };

  return (
    <section className="kit-panel" aria-labelledby="rq-timeline-title">
      <h2 id="rq-timeline-title" className="kit-panel-title">
        {t('timeline.title')}
      </h2>
      {events === null ? (
        <p className="kit-muted">{t('timeline.loading')}</p>
      ) : events.length === 0 && pending.length === 0 ? (
        <p className="kit-muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="rq-timeline" data-testid="timeline">
          {events.map((event) => (
            <Entry key={event.seq} event={event} context={context} />
          ))}
          {pending.map((mutation) => (
            <PendingEntry key={mutation.mutationId} mutation={mutation} />
          ))}
        </ol>
      )}
      {mayComment ? <CommentComposer requestId={request.id} ministry={ministry} /> : null}
    </section>
  );
}
