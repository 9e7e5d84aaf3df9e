import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { ExportStatus } from './ExportStatus';
import { useExportContext, loadExports } from './export-context';
import { minutesInput } from './export-data';
import { runInWorker } from './export-job';
import { useExportRunner } from './use-export-runner';

const FORMATS = [
  { id: 'pdf', mime: 'application/pdf' },
  { id: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { id: 'md', mime: 'text/markdown' },
] as const;

/** Minutes of a meeting: PDF for circulation, DOCX for editing, Markdown for the archive. */
export function MeetingExports({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('exports');
  const runner = useExportRunner();
  const context = useExportContext();
  const chairName = useDesk((state) => {
    const prefect = [...state.view.users.values()].find((user) => user.role === 'prefect' && user.revokedAt === null);
    return prefect?.name ?? t('chairUnknown');
  });
  const make = (format: (typeof FORMATS)[number]) =>
    runner.run(t(`minutes.${format.id}`), async (onProgress) => {
      const input = minutesInput(useDesk.getState().view, meetingId, chairName, context());
      if (!input) throw new Error(t('minutes.missing'));
      const exports = await loadExports();
      const bytes = await runInWorker({ kind: `minutes-${format.id}`, input }, onProgress);
      return { name: exports.exportFileName('minutes', input.meta, format.id), mimeType: format.mime, bytes };
    });
  return (
    <div className="ex-buttons">
      <p className="kit-hint">{t('minutes.hint')}</p>
      <div className="ex-row">
        {FORMATS.map((format) => (
          <button
            key={format.id}
            type="button"
            className="btn"
            disabled={runner.busy !== null}
            data-testid={`export-minutes-${format.id}`}
            onClick={() => void make(format)}
          >
            {t(`minutes.${format.id}`)}
          </button>
        ))}
      </div>
      <ExportStatus runner={runner} />
    </div>
  );
}
