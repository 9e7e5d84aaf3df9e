import type { Request, TriageViewer } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BulkAnswerForm } from './BulkAnswerForm';
import { BulkWithdrawForm } from './BulkWithdrawForm';
import { MAX_BULK, bulkActionsFor, splitEligible, type ActionInput, type BulkAction } from './queue-actions';

export interface BulkBarProps {
  readonly viewer: TriageViewer;
  /** The ticked requests still listed, in list order: all go to the action, which reports those it does not apply to. */
  readonly selected: readonly Request[];
  readonly running: boolean;
  onRun(action: BulkAction, requests: readonly Request[], input?: ActionInput): void;
  onClear(): void;
}

/** The actions that ask for something before they run: a withdrawal its reason, an answer its outcome. */
const WITH_FORM: readonly BulkAction[] = ['answer', 'withdraw'];

/**
 * What can be done to the ticked rows at once: only the role's actions, each counting the rows
 * whose status (and platform) allow it; a withdrawal asks for its one reason first, an answer for
 * the one outcome every item of every request gets.
 */
export function BulkBar({ viewer, selected, running, onRun, onClear }: BulkBarProps) {
  const { t } = useTranslation('queue');
  const [open, setOpen] = useState<BulkAction | null>(null);
  if (selected.length === 0) return null;
  const tooMany = selected.length > MAX_BULK;
  // Only the actions some ticked row allows are offered.
  const plans = bulkActionsFor(viewer)
    .map((action) => ({ action, ...splitEligible(action, selected, viewer) }))
    .filter((plan) => plan.eligible.length > 0);
  const form = tooMany ? undefined : plans.find((plan) => plan.action === open);
  const partial = plans.filter((plan) => plan.ineligible.length > 0);
  const run = (action: BulkAction, input?: ActionInput) => {
    setOpen(null);
    onRun(action, selected, input);
  };

  return (
    <div className="q-bulk" role="region" aria-label={t('bulk.label')} data-testid="bulk-bar">
      <span className="q-bulk-count" data-testid="bulk-count" data-count={selected.length}>
        {t('bulk.selected', { count: selected.length })}
      </span>
      {plans.map(({ action, eligible, ineligible }) => (
        <button
          key={action}
          type="button"
          className={`btn btn-small${action === 'withdraw' ? '' : ' btn-primary'}`}
          disabled={running || tooMany}
          title={ineligible.length > 0 ? t('bulk.notAll', { count: ineligible.length }) : undefined}
          aria-expanded={WITH_FORM.includes(action) ? open === action : undefined}
          data-testid={`bulk-${action}`}
          data-eligible={eligible.length}
          onClick={() => (WITH_FORM.includes(action) ? setOpen((current) => (current === action ? null : action)) : run(action))}
        >
          {t(`bulk.${action}`, { count: eligible.length })}
        </button>
      ))}
      {tooMany ? (
        <span className="q-bulk-hint" role="status">
          {t('bulk.tooMany', { max: MAX_BULK })}
        </span>
      ) : plans.length === 0 ? (
        <span className="q-bulk-hint">{t('bulk.nothing')}</span>
      ) : (
        partial.map(({ action, ineligible }) => (
          <span key={action} className="q-bulk-hint">
            {plans.length === 1
              ? t('bulk.notAll', { count: ineligible.length })
              : t('bulk.notAllFor', { action: t(`report.action.${action}`), what: t('bulk.notAll', { count: ineligible.length }) })}
          </span>
        ))
      )}
      <button type="button" className="btn btn-small q-bulk-clear" data-testid="bulk-clear" onClick={onClear}>
        {t('bulk.clear')}
      </button>
      {form?.action === 'withdraw' && (
        <BulkWithdrawForm
          count={form.eligible.length}
          running={running}
          onConfirm={(reason) => run('withdraw', { reason })}
          onCancel={() => setOpen(null)}
        />
      )}
      {form?.action === 'answer' && (
        <BulkAnswerForm
          requests={form.eligible.length}
          items={form.eligible.reduce((sum, request) => sum + request.items.length, 0)}
          running={running}
          onConfirm={(answer) => run('answer', { answer })}
          onCancel={() => setOpen(null)}
        />
      )}
    </div>
  );
}
