import type { Campaign } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { ExportStatus } from '../exports/ExportStatus';
import { exportMeta, platformRefs } from '../exports/export-data';
import { loadExports, useExportContext } from '../exports/export-context';
import { runInWorker } from '../exports/export-job';
import { useExportRunner } from '../exports/use-export-runner';

const FORMATS = [
  { id: 'pdf', mime: 'application/pdf' },
  { id: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
] as const;

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
    runner.run(t(`report.${format.id}`), async (onProgress) => {
      const { view, sync } = useDesk.getState();
      const now = context();
      const exports = await loadExports();
      // A liaison's device holds their own platform's requests: the report says it covers that platform.
      const own = sync.actor?.role === 'liaison' && sync.actor.platformId ? [sync.actor.platformId] : [];
      const meta = exportMeta(t('report.title', { name: campaign.name }), { from: campaign.startedAt, to: now.now }, own, view, now);
      const input = exports.campaignReportInput(view.requests.values(), campaign, platformRefs(view), meta);
      const bytes = await runInWorker({ kind: `campaign-${format.id}`, input }, onProgress);
      return { name: exports.exportFileName('campaign', meta, format.id), mimeType: format.mime, bytes };
    });
  return (
    <div className="cp-report">
      {FORMATS.map((format) => (
        <button
          key={format.id}
          type="button"
          className="kit-button"
          disabled={runner.busy !== null}
          data-testid={`campaign-report-${format.id}`}
          onClick={() => void make(format)}
        >
          {t(`report.${format.id}`)}
        </button>
      ))}
      <ExportStatus runner={runner} />
    </div>
  );
}
