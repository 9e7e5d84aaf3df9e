import { chainProofText } from '@contact-desk/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { OptionSelect } from '../common/OptionSelect';
import type { ExportRunner } from './use-export-runner';

/**
 * A platform's own events with their links in the relay's hash chain, as JSON lines: what a
 * liaison keeps to check, later and without trusting anyone's copy, the record their figures
 * come from (`relay audit proof`). A liaison exports their own platform; the ministry any.
 */
export function LogProofExport({ runner }: { readonly runner: ExportRunner }) {
  const { t } = useTranslation('exports');
  const view = useDesk((state) => state.view);
  const actor = useDesk((state) => state.sync.actor);
  const platforms = useMemo(() => [...view.platforms.values()].sort((a, b) => a.name.localeCompare(b.name)), [view.platforms]);
  const own = actor?.role === 'liaison' ? actor.platformId : null;
  const [picked, setPicked] = useState<string>('');
  const platformId = own ?? (picked || platforms[0]?.id || '');
  const name = view.platforms.get(platformId)?.name ?? platformId;

  const exportLog = () =>
    runner.run(t('proof.building', { platform: name }), async (onProgress) => {
      const { platformLog, sync, relayNow } = useDesk.getState();
      const events = await platformLog(platformId);
      onProgress(events.length, events.length);
      const head = sync.cursorHash ? { seq: sync.cursor, hash: sync.cursorHash } : null;
      const text = chainProofText(platformId, events, head, relayNow());
      const day = new Date(relayNow()).toISOString().slice(0, 10);
      return {
        name: `contact-desk-log-${platformId}-${day}-seq${sync.cursor}.jsonl`,
        mimeType: 'application/jsonl',
        bytes: new TextEncoder().encode(text),
      };
    });

  return (
    <div className="kit-panel">
      <h2 className="kit-panel-title">{t('proof.title')}</h2>
      <p className="kit-hint">{t('proof.hint')}</p>
      <div className="ex-row">
        {own === null && (
          <label>
            {t('proof.platform')}{' '}
            <OptionSelect
              values={platforms.map((platform) => platform.id)}
              value={platformId}
              label={(id) => view.platforms.get(id)?.name ?? id}
              onChange={setPicked}
              data-testid="proof-platform"
            />
          </label>
        )}
        <button
          type="button"
          className="btn"
          disabled={!platformId || runner.busy !== null}
          onClick={() => void exportLog()}
          data-testid="export-log-proof"
        >
          {t('proof.button', { platform: name })}
        </button>
      </div>
    </div>
  );
}
