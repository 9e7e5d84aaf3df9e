import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionJob } from '../queue/queue-actions';
import { ImportOutcomesDialog } from './ImportOutcomesDialog';

/** The queue's "Import outcomes" for a liaison: opens the dialog; what it sends runs as a bulk action. */
export function ImportOutcomesButton({
  platformId,
  running,
  onApply,
}: {
  platformId: string;
  running: boolean;
  onApply(jobs: readonly ActionJob[]): void;
}) {
  const { t } = useTranslation('outcomes');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" data-testid="import-open" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('button')}
      </button>
      {open && <ImportOutcomesDialog platformId={platformId} running={running} onApply={onApply} onClose={() => setOpen(false)} />}
    </>
  );
}
