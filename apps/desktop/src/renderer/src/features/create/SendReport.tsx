import type { Platform } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { RefusalNote } from '../common/RefusalNote';
import { RequestHead } from './ItemList';
import { tally, type EntryState, type SendRun } from './send-model';
import { useDesk } from '../../state/desk-store';

/**
 * What became of a sending: the progress while requests are queued, then each request with its
 * platform and part — the reference the relay gave once recorded (a link to it), waiting for
 * the relay, or refused with the refusal in the user's words.
 */
export function SendReport({
  run,
  states,
  platformOf,
  onRetry,
  onNewList,
  onQueue,
}: {
  run: SendRun;
  states: readonly EntryState[];
  platformOf: (id: string) => Platform | undefined;
  onRetry: () => void;
  onNewList: () => void;
  onQueue: () => void;
}) {
  const { t } = useTranslation(['create', 'common']);
  const counts = tally(states);
  const { fields, leftOut: takenOut, repeated } = run.context;
  const campaignName = useDesk((state) => (fields.campaignId === null ? undefined : state.view.campaigns.get(fields.campaignId)?.name));
  const leftOut = [
    takenOut > 0 ? t('report.leftOut', { count: takenOut }) : null,
    repeated > 0 ? t('report.repeated', { count: repeated }) : null,
  ].filter((part): part is string => part !== null);
  const state = run.running || counts.waiting > 0 ? 'waiting' : counts.refused > 0 ? 'refused' : 'recorded';
  const parts = [
    counts.recorded > 0 ? t('report.recorded', { count: counts.recorded }) : null,
    counts.waiting > 0 ? t('report.waiting', { count: counts.waiting }) : null,
    counts.refused > 0 ? t('report.refused', { count: counts.refused }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <section
      className="kit-panel cr-report"
      aria-labelledby="cr-report-title"
      data-testid="send-report"
      data-state={state}
      data-recorded={counts.recorded}
      data-waiting={counts.waiting}
      data-refused={counts.refused}
    >
      <h2 id="cr-report-title" className="cr-section-title">
        {t('report.title', { count: run.total })}
      </h2>
      <p className="cr-report-shared" data-testid="send-shared">
        {[t(`common:kind.${fields.kind}`), fields.priority, t(`common:category.${fields.category}`), fields.pharosRef.trim(), campaignName]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p className={`cr-report-status cr-report-${state}`} role="status" aria-live="polite" data-testid="send-progress">
        {run.running ? t('report.sending', { done: run.entries.length, total: run.total }) : parts.join(' · ')}
      </p>
      <ol className="cr-report-list">
        {run.entries.map((entry, index) => {
          const entryState = states[index] ?? { kind: 'waiting' };
          const name = platformOf(entry.platformId)?.name ?? entry.platformId;
          return (
            <li
              key={entry.requestId}
              className="cr-report-row"
              data-testid="send-entry"
              data-platform={entry.platformId}
              data-part={entry.part}
              data-state={entryState.kind}
            >
              <RequestHead name={name} part={entry.part} parts={entry.parts} count={entry.items.length} />
              <span className="cr-report-outcome">
                {entryState.kind === 'recorded' ? (
                  <a href={`#/request/${encodeURIComponent(entry.requestId)}`} data-testid="send-entry-ref">
                    {entryState.ref}
                  </a>
                ) : entryState.kind === 'waiting' ? (
                  <span className="kit-pending">{t('report.waitingState')}</span>
                ) : null}
              </span>
              {entryState.kind === 'refused' ? (
                <RefusalNote error={entryState.error} title={t('report.refusedTitle')} testId="send-entry-refusal" />
              ) : null}
            </li>
          );
        })}
      </ol>
      {leftOut.length > 0 ? (
        <p className="kit-hint" data-testid="send-left-out">
          {leftOut.join(' · ')}
        </p>
      ) : null}
      <div className="kit-form-buttons">
        {!run.running && counts.refused > 0 ? (
          <button type="button" className="kit-button" onClick={onRetry} data-testid="send-retry">
            {t('report.retry')}
          </button>
        ) : null}
        <button type="button" className="kit-button" onClick={onQueue} data-testid="send-queue">
          {t('report.queue')}
        </button>
        <button
          type="button"
          className="kit-button kit-button-primary"
          onClick={onNewList}
          disabled={run.running}
          data-testid="send-new-list"
        >
          {t('report.newList')}
        </button>
      </div>
    </section>
  );
}
