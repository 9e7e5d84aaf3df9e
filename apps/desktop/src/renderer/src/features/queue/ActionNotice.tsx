import type { TriageViewer } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { wordRefusal, translateWith } from '../common/refusal-wording';
import { reportProgress, type ActionReport, type RefusedAction } from './action-report';

/** Refusals grouped by what they say, each said once with the references it concerns. */
function refusalList(
  refused: readonly RefusedAction[],
  word: (refs: string, reason: string) => string,
  reasonOf: (entry: RefusedAction) => string,
): string {
  const byReason = new Map<string, string[]>();
  for (const entry of refused) byReason.set(reasonOf(entry), [...(byReason.get(reasonOf(entry)) ?? []), entry.ref]);
  return [...byReason].map(([reason, refs]) => word(refs.join(', '), reason)).join(' ; ');
}

/**
 * What became of the last action on rows: how many wait for the relay, how many it recorded or
 * refused, how many were refused on the device (worded in the user's language) or skipped.
 * Nothing is said to be recorded before the relay's answer is in the state.
 */
export function ActionNotice({ report, viewer, onDismiss }: { report: ActionReport | null; viewer: TriageViewer; onDismiss(): void }) {
  const { t } = useTranslation(['queue', 'common']);
  const pendingIds = useDesk((s) => s.pendingIds);
  const requests = useDesk((s) => s.view.requests);
  if (!report) return <div className="q-notice" role="status" aria-live="polite" data-testid="queue-notice" />;
  const progress = reportProgress(report, pendingIds, requests, viewer);
  const word = (refs: string, reason: string) => t('report.refusal', { refs, reason });
  const reasonOf = (entry: RefusedAction) => wordRefusal(entry.error, translateWith(t));
  const parts: string[] = [];
  if (report.running)
    parts.push(t('report.sending', { done: report.sent.length + report.refused.length, total: report.asked - report.skipped.length }));
  if (progress.recorded.length > 0) parts.push(t('report.recorded', { count: progress.recorded.length }));
  if (progress.waiting.length > 0) parts.push(t('report.waiting', { count: progress.waiting.length }));
  if (progress.rejected.length > 0) parts.push(t('report.rejected', { count: progress.rejected.length }));
  if (report.refused.length > 0)
    parts.push(t('report.refused', { count: report.refused.length, list: refusalList(report.refused, word, reasonOf) }));
  if (report.skipped.length > 0) parts.push(t('report.skipped', { count: report.skipped.length }));
  const trouble = report.refused.length + progress.rejected.length > 0;
  const state = report.running || progress.waiting.length > 0 ? 'waiting' : trouble ? 'refused' : 'recorded';
  return (
    <div
      className={`q-notice q-notice-${state}`}
      role="status"
      aria-live="polite"
      data-testid="queue-notice"
      data-state={state}
      data-action={report.action}
      data-recorded={progress.recorded.length}
      data-waiting={progress.waiting.length}
      data-refused={report.refused.length + progress.rejected.length}
      data-skipped={report.skipped.length}
    >
      <span>
        <strong>{t(`report.action.${report.action}`)}</strong> — {parts.join(' · ')}
      </span>
      <button type="button" className="q-notice-close" aria-label={t('common:actions.close')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
