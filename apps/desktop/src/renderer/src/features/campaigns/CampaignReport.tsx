import { campaignRequests, type Campaign } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { ExportStatus } from '../exports/ExportStatus';
import { exportMeta, platformRefs } from '../exports/export-data';
import { useExportContext } from '../exports/export-context';
import { runInWorker } from '../exports/export-job';
import { useExportRunner } from '../exports/use-export-runner';

const FORMATS = ['pdf', 'xlsx'] as const;

/**
 * The campaign's report as this device holds it, citing its log position: its figures per
 * platform, its course and its late requests, from its start to now (a closed campaign: to its
 * close is what the figures describe, as of now).
 */
export function CampaignReport({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const runner = useExportRunner();
  const context = useExportContext();
  const make = (format: (typeof FORMATS)[number]) =>
    runner.run(t(`report.${format}`), (onProgress) => {
      const { view, sync } = useDesk.getState();
      const now = context();
      // A liaison's device holds their own platform's requests: the report says it covers that platform.
      const own = sync.actor?.role === 'liaison' && sync.actor.platformId ? [sync.actor.platformId] : [];
      const meta = exportMeta(t('report.title', { name: campaign.name }), { from: campaign.startedAt, to: now.now }, own, view, now);
      // Only the campaign's requests cross to the worker, which computes the report from them.
      const requests = campaignRequests(view.requests.values(), campaign.id);
      return runInWorker({ kind: `campaign-${format}`, source: { requests, campaign, platforms: platformRefs(view), meta } }, onProgress);
    });
  return (
    <div className="cp-report">
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="kit-button"
          disabled={runner.busy !== null}
          data-testid={`campaign-report-${format}`}
          onClick={() => void make(format)}
        >
          {t(`report.${format}`)}
        </button>
      ))}
      <ExportStatus runner={runner} />
    </div>
  );
}
