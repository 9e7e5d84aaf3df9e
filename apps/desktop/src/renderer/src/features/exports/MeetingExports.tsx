import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { minutesDocument } from '../meetings/minutes-document';
import { ExportStatus } from './ExportStatus';
import { useExportContext } from './export-context';
import { runInWorker } from './export-job';
import { useExportRunner } from './use-export-runner';

const FORMATS = ['pdf', 'docx', 'md'] as const;

/**
 * Minutes of a meeting: PDF for circulation, DOCX for editing, Markdown for the archive. Once
 * adopted, every copy is the adopted version (a liaison's, their platform's published copy);
 * before, a draft marked as such.
 */
export function MeetingExports({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('exports');
  const runner = useExportRunner();
  const context = useExportContext();
  const make = (format: (typeof FORMATS)[number]) =>
    runner.run(t(`minutes.${format}`), async (onProgress) => {
      const { view, sync } = useDesk.getState();
      const platformId = sync.actor?.role === 'liaison' ? sync.actor.platformId : null;
      const input = minutesDocument(view, meetingId, platformId, context());
      if (!input) throw new Error(t('minutes.missing'));
      return runInWorker({ kind: `minutes-${format}`, input }, onProgress);
    });
  return (
    <div className="ex-buttons">
      <p className="kit-hint">{t('minutes.hint')}</p>
      <div className="ex-row">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="btn"
            disabled={runner.busy !== null}
            data-testid={`export-minutes-${format}`}
            onClick={() => void make(format)}
          >
            {t(`minutes.${format}`)}
          </button>
        ))}
      </div>
      <ExportStatus runner={runner} />
    </div>
  );
}
