import type { AgendaItem, ProtocolError } from '@contact-desk/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { RefusalNote } from '../common/RefusalNote';
import { usePartyNames } from './MeetingForm';
import { PendingMarker } from '../common/PendingMarker';

export function AgendaEntry({
  item,
  index,
  refIds,
  editable,
  children,
}: {
  item: AgendaItem;
  index: number;
  refIds: Map<string, string>;
  editable: boolean;
  /** Tools placed beside the title (moving the item). */
  children?: ReactNode;
}) {
  const { t } = useTranslation(['meetings', 'common']);
  const perform = useDesk((s) => s.perform);
  const { platformName } = usePartyNames();
  const [notes, setNotes] = useState(item.notes);
  const [focused, setFocused] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ProtocolError | null>(null);
  useEffect(() => {
    if (!focused) setNotes(item.notes);
  }, [item.notes, focused]);

  const saveNotes = async () => {
    setFocused(false);
    if (notes === item.notes) return;
    const outcome = await perform('agenda.updateItem', { itemId: item.id, patch: { notes } });
    setError(outcome.ok ? null : outcome.error);
  };
  const remove = async () => {
    const outcome = await perform('agenda.removeItem', { itemId: item.id });
    if (!outcome.ok) setError(outcome.error);
    setConfirming(false);
  };

  return (
    <li className={`mt-item mt-item-${item.kind}`} data-testid="agenda-item" data-kind={item.kind} data-platform={item.platformId ?? ''}>
      <div className="mt-item-head">
        <span className="mt-item-index" aria-hidden="true">
          {index}.
        </span>
        <div className="mt-item-title">
          <strong data-testid="agenda-item-title">{item.title}</strong>
          <div className="mt-item-tags">
            <span className="mt-tag">{t(`agenda.kind.${item.kind}`)}</span>
            <span className="mt-tag mt-tag-platform">{platformName(item.platformId)}</span>
            <PendingMarker id={item.id} />
          </div>
          {children}
        </div>
        {editable &&
          (confirming ? (
            <span className="mt-confirm" role="group" aria-label={t('agenda.removeConfirm')}>
              <span>{t('agenda.removeConfirm')}</span>
              <button type="button" className="kit-button kit-button-small" onClick={() => setConfirming(false)}>
                {t('common:actions.cancel')}
              </button>
              <button
                type="button"
                className="kit-button kit-button-small kit-button-danger"
                data-testid="agenda-remove-confirm"
                onClick={() => void remove()}
              >
                {t('agenda.remove')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="kit-button kit-button-small kit-button-danger-outline"
              aria-label={t('agenda.removeLabel', { title: item.title })}
              data-testid="agenda-remove"
              onClick={() => setConfirming(true)}
            >
              {t('agenda.remove')}
            </button>
          ))}
      </div>
      {item.requestRefs.length > 0 && (
        <ul className="mt-refs" aria-label={t('agenda.refsLabel', { title: item.title })} data-testid="agenda-item-refs">
          {item.requestRefs.map((ref) => {
            const id = refIds.get(ref);
            return (
              <li key={ref}>
                {id ? (
                  <a href={`#/request/${encodeURIComponent(id)}`} className="mt-ref">
                    {ref}
                  </a>
                ) : (
                  <span className="mt-ref kit-muted">{ref}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editable ? (
        <label className="mt-notes">
          <span className="kit-visually-hidden">{t('agenda.notesOf', { title: item.title })}</span>
          <textarea
            value={notes}
            rows={2}
            placeholder={t('agenda.notes')}
            data-testid="agenda-notes"
            onFocus={() => setFocused(true)}
            onChange={(e) => setNotes(e.target.value)}
            onBlur={() => void saveNotes()}
          />
        </label>
      ) : item.notes ? (
        <p className="mt-notes-read" data-testid="agenda-notes">
          {item.notes}
        </p>
      ) : null}
      <RefusalNote error={error} testId="agenda-item-error" />
    </li>
  );
}
