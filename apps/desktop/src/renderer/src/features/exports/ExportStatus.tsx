import { useTranslation } from 'react-i18next';
import type { ExportRunner } from './use-export-runner';

/** Progress, success and failure of the export being made, announced to screen readers. */
export function ExportStatus({ runner }: { runner: ExportRunner }) {
  const { t } = useTranslation('exports');
  return (
    <div className="ex-status" role="status" aria-live="polite" data-testid="export-status">
      {runner.busy !== null && (
        <>
          <span>{t('building', { what: runner.busy })}</span>
          <progress max={1} value={runner.progress ?? undefined} aria-label={t('progress')} />
        </>
      )}
      {runner.saved !== null && runner.busy === null && <span className="ex-saved">{t('saved', { name: runner.saved })}</span>}
      {runner.error !== null && (
        <span className="ex-error" role="alert">
          {t('failed', { message: runner.error })}
        </span>
      )}
    </div>
  );
}
