import { LIMITS, type Request, type TriageViewer } from '@contact-desk/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_BULK, bulkActionsFor, splitEligible, type BulkAction } from './queue-actions';

export interface BulkBarProps {
  readonly viewer: TriageViewer;
  /** The ticked requests still listed, in list order: all go to the action, which reports those it does not apply to. */
  readonly selected: readonly Request[];
  readonly running: boolean;
  onRun(action: BulkAction, requests: readonly Request[], reason?: string): void;
  onClear(): void;
}

/**
 * What can be done to the ticked rows at once: only the role's actions, each counting the rows
 * whose status (and platform) allow it; a withdrawal asks for its one reason first.
 */
export function BulkBar({ viewer, selected, running, onRun, onClear }: BulkBarProps) {
  const { t } = useTranslation('queue');
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  if (selected.length === 0) return null;
  const tooMany = selected.length > MAX_BULK;
  // Only the actions some ticked row allows are offered.
  const plans = bulkActionsFor(viewer)
    .map((action) => ({ action, ...splitEligible(action, selected, viewer) }))
    .filter((plan) => plan.eligible.length > 0);
  const withdrawal = plans.find((plan) => plan.action === 'withdraw');

  const confirmWithdraw = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!withdrawal || reason.trim() === '') return;
    onRun('withdraw', selected, reason.trim());
    setWithdrawing(false);
    setReason('');
    setTried(false);
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
          aria-expanded={action === 'withdraw' ? withdrawing : undefined}
          data-testid={`bulk-${action}`}
          data-eligible={eligible.length}
          onClick={() => (action === 'withdraw' ? setWithdrawing((open) => !open) : onRun(action, selected))}
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
        plans.length === 1 &&
        plans[0]!.ineligible.length > 0 && <span className="q-bulk-hint">{t('bulk.notAll', { count: plans[0]!.ineligible.length })}</span>
      )}
      <button type="button" className="btn btn-small q-bulk-clear" data-testid="bulk-clear" onClick={onClear}>
        {t('bulk.clear')}
      </button>
      {withdrawing && withdrawal && !tooMany && (
        <form className="q-bulk-form" onSubmit={confirmWithdraw} noValidate>
          <label htmlFor="q-withdraw-reason">{t('bulk.withdrawReason', { count: withdrawal.eligible.length })}</label>
          <input
            id="q-withdraw-reason"
            className="input"
            value={reason}
            autoFocus
            maxLength={LIMITS.textLength}
            aria-invalid={(tried && reason.trim() === '') || undefined}
            aria-describedby={tried && reason.trim() === '' ? 'q-withdraw-problem' : undefined}
            data-testid="bulk-withdraw-reason"
            onChange={(event) => setReason(event.target.value)}
          />
          <button
            type="submit"
            className="btn btn-small btn-danger"
            disabled={running || withdrawal.eligible.length === 0}
            data-testid="bulk-withdraw-confirm"
          >
            {t('bulk.withdrawConfirm', { count: withdrawal.eligible.length })}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setWithdrawing(false)}>
            {t('common:actions.cancel')}
          </button>
          {tried && reason.trim() === '' && (
            <span id="q-withdraw-problem" className="q-bulk-problem" role="alert">
              {t('bulk.reasonRequired')}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
