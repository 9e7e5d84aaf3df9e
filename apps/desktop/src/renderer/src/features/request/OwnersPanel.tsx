import type { DomainEvent, ProtocolError, Request } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { OptionSelect } from '../common/OptionSelect';
import { RefusalNote } from '../common/RefusalNote';
import { namesFromEvents, ownerChoices, ownerLines, type OwnerLine } from './owners-model';

function OwnerName({ line }: { line: OwnerLine }) {
  const { t } = useTranslation('request');
  if (line.ownerId === null) return <span className="kit-muted">{t('owners.nobody')}</span>;
  const name = line.name ?? t('owners.unknown');
  return <strong>{line.isMe ? t('owners.me', { name }) : name}</strong>;
}

/** Who handles the request on each side; take it, hand it to a colleague, or let it go. */
export function OwnersPanel({
  request,
  events,
  onAction,
}: {
  request: Request;
  events: readonly DomainEvent[] | null;
  onAction: (mutationId: string) => void;
}) {
  const { t } = useTranslation('request');
  const users = useDesk((state) => state.view.users);
  const actor = useDesk((state) => state.sync.actor);
  const perform = useDesk((state) => state.perform);
  const [colleague, setColleague] = useState('');
  const [error, setError] = useState<ProtocolError | null>(null);
  const lines = ownerLines(request, { users, fromEvents: namesFromEvents(events ?? []) }, actor?.userId ?? null);
  const choices = ownerChoices(request, users, actor);
  const names = new Map(choices.handOverTo.map((person) => [person.id, person.name]));

  const assign = async (assigneeId: string | null) => {
    setError(null);
    const outcome = await perform('request.assign', { requestId: request.id, assigneeId });
    if (outcome.ok) {
      setColleague('');
      onAction(outcome.mutationId);
    } else setError(outcome.error);
  };
  const someoneElse = (lines.find((line) => line.side === choices.side)?.ownerId ?? null) !== null;

  return (
    <section className="kit-panel rq-owners" aria-labelledby="rq-owners-title" data-testid="owners-panel">
      <h2 id="rq-owners-title" className="kit-panel-title">
        {t('owners.title')}
      </h2>
      <dl className="rq-owner-lines">
        {lines.map((line) => (
          <div key={line.side} data-testid={`owner-${line.side}`} data-owner={line.ownerId ?? ''}>
            <dt>{t(`owners.side.${line.side}`)}</dt>
            <dd>
              <OwnerName line={line} />
            </dd>
          </div>
        ))}
      </dl>
      {choices.side ? (
        <div className="rq-owner-actions">
          {choices.canTake ? (
            <button
              type="button"
              className="kit-button kit-button-small"
              data-testid="owner-take"
              onClick={() => void assign(actor?.userId ?? null)}
            >
              {someoneElse ? t('owners.takeOver') : t('owners.take')}
            </button>
          ) : null}
          {choices.canLetGo ? (
            <button type="button" className="kit-button kit-button-small" data-testid="owner-let-go" onClick={() => void assign(null)}>
              {t('owners.letGo')}
            </button>
          ) : null}
          {choices.handOverTo.length > 0 ? (
            <form
              className="rq-owner-handover"
              onSubmit={(event) => {
                event.preventDefault();
                if (colleague !== '') void assign(colleague);
              }}
            >
              <OptionSelect<string>
                aria-label={t('owners.handOverLabel')}
                values={choices.handOverTo.map((person) => person.id)}
                value={colleague}
                label={(id) => names.get(id) ?? id}
                empty={t('owners.choose')}
                onChange={setColleague}
                data-testid="owner-hand-over"
              />
              <button
                type="submit"
                className="kit-button kit-button-small"
                disabled={colleague === ''}
                data-testid="owner-hand-over-submit"
              >
                {t('owners.confirm')}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      <RefusalNote error={error} testId="owner-error" />
    </section>
  );
}
