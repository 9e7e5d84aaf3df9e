import { ALLOWED_FROM, OUTCOME_IMPORT_LIMITS } from '@contact-desk/shared';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNativeServices } from '../../app/native-services-context';
import { useDesk } from '../../state/desk-store';
import type { ActionJob } from '../queue/queue-actions';
import { Dialog } from '../common/Dialog';
import { ImportColumnsHelp } from './ImportColumnsHelp';
import { ImportPreview } from './ImportPreview';
import { ImportRefusals } from './ImportRefusals';
import { reportFile, templateFile, type DownloadFile } from './outcome-downloads';
import { useOutcomeImport } from './use-outcome-import';
import '../../styles/outcomes.css';
import { translateWith } from '../common/refusal-wording';

const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A liaison's outcomes file: the template to fill, the columns read, the pick, then the preview
 * to send or the refusals (nothing sent). What is sent runs as the queue's other bulk actions.
 */
export function ImportOutcomesDialog({
  platformId,
  running,
  onApply,
  onClose,
}: {
  platformId: string;
  running: boolean;
  onApply(jobs: readonly ActionJob[]): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation('outcomes');
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const native = useNativeServices();
  const requests = useDesk((s) => s.view.requests);
  const relayNow = useDesk((s) => s.relayNow);
  const { stage, choose, confirm } = useOutcomeImport(platformId);
  const fileRef = useRef<HTMLInputElement>(null);
  const open = useMemo(
    () =>
      [...requests.values()].filter((request) => request.platformId === platformId && ALLOWED_FROM.answer.includes(request.status)).length,
    [requests, platformId],
  );
  const save = (file: DownloadFile) => void native.saveFile(file.name, file.mimeType, file.bytes);
  const apply = () => {
    const jobs = confirm();
    if (!jobs) return;
    onApply(jobs);
    onClose();
  };
  const other = () => fileRef.current?.click();
  const limits = {
    size: t('size', { count: OUTCOME_IMPORT_LIMITS.bytes / (1024 * 1024) }),
    rows: OUTCOME_IMPORT_LIMITS.rows.toLocaleString(language),
    requests: OUTCOME_IMPORT_LIMITS.requests,
  };

  return (
    <Dialog title={t('title')} onClose={onClose} wide testId="import-dialog">
      <p className="oi-intro">
        {t('intro')} {t('limits', limits)}
      </p>
      <div className="oi-template">
        <button
          type="button"
          className="kit-button"
          data-testid="import-template"
          onClick={() => save(templateFile(requests.values(), platformId, language, relayNow()))}
        >
          {t('template')}
        </button>
        <span className="kit-hint">{open > 0 ? t('templateHint', { count: open }) : t('templateNone')}</span>
      </div>
      <ImportColumnsHelp />
      <div className="oi-pick">
        <input
          ref={fileRef}
          id="oi-file"
          type="file"
          className="kit-visually-hidden"
          accept={ACCEPT}
          data-testid="import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // The same file, corrected, may be picked again.
            event.target.value = '';
            if (file) void choose(file);
          }}
        />
        <label htmlFor="oi-file" className={stage.step === 'choose' ? 'kit-button kit-button-primary' : 'kit-button'}>
          {t('choose')}
        </label>
        <span className="kit-hint oi-file-name">{stage.step === 'choose' ? t('noFile') : stage.name}</span>
      </div>
      {stage.step === 'reading' && (
        <p className="kit-hint" role="status" data-testid="import-reading">
          {t('reading', { name: stage.name })}
        </p>
      )}
      {stage.step === 'planned' && <ImportPreview name={stage.name} plan={stage.plan} running={running} onApply={apply} onOther={other} />}
      {stage.step === 'refused' && (
        <ImportRefusals
          name={stage.name}
          refused={stage.refused}
          changed={stage.changed}
          onReport={() => save(reportFile(stage.name, stage.refused, language, translateWith(t)))}
          onOther={other}
        />
      )}
    </Dialog>
  );
}
