import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { formatDateTime, formatTime, userTimeZone } from '../common/format';
import { RefusalCount } from './RefusalCount';
import { syncBarView } from './sync-bar-model';

function Separator() {
  return <span className="sync-sep" aria-hidden="true" />;
}

/**
 * The link to the relay: live or not, what waits to be sent, when the copy was last in step
 * (moving with every live batch), the first load's progress, and refused changes.
 */
export function SyncBar() {
  const { t, i18n } = useTranslation(['shell', 'common']);
  const sync = useDesk((s) => s.sync);
  const { state, progress, relay } = syncBarView(sync);
  const lang = i18n.language;
  const zone = t('common:timeZone', { zone: userTimeZone() });
  return (
    <div className={`sync-bar sync-${state}`}>
      <div className="sync-status" role="status" aria-label={t('sync.label')} data-testid="sync-status" data-connection={state}>
        <span className="sync-state">
          <span className="sync-dot" aria-hidden="true" />
          {t(`sync.${state}`)}
        </span>
        {relay && (
          <span className="sync-relay" data-testid="sync-relay" data-url={relay.url} title={relay.url}>
            {t(relay.trying ? 'sync.relayTrying' : 'sync.relayOnline', { host: relay.host })}
          </span>
        )}
        <Separator />
        <span className="sync-pending" data-testid="sync-pending" data-count={sync.pending}>
          {sync.pending === 0 ? t('sync.pending_zero') : t('sync.pending', { count: sync.pending })}
        </span>
        <Separator />
        <span
          className="sync-last"
          data-testid="sync-last"
          data-at={sync.lastSyncedAt ?? ''}
          title={sync.lastSyncedAt !== null ? `${formatDateTime(sync.lastSyncedAt, lang, true, true)} — ${t('sync.relayTime')}` : undefined}
        >
          {sync.lastSyncedAt !== null
            ? t(state === 'online' ? 'sync.syncedLive' : 'sync.lastSynced', {
                time: formatTime(sync.lastSyncedAt, lang, true),
                zone,
              })
            : t('sync.neverSynced')}
        </span>
        {progress ? (
          <>
            <Separator />
            <span className="sync-progress" data-testid="sync-progress" data-done={progress.done} data-total={progress.total}>
              <progress max={progress.total} value={progress.done} aria-label={t('sync.progressLabel')} />
              {t('sync.progress', {
                done: progress.done.toLocaleString(lang),
                total: progress.total.toLocaleString(lang),
              })}
            </span>
          </>
        ) : null}
        {sync.loadingLocal && (
          <>
            <Separator />
            <span className="sync-loading" data-testid="sync-loading-local">
              {t('sync.loadingLocal')}
            </span>
          </>
        )}
      </div>
      <RefusalCount />
    </div>
  );
}
