import { useTranslation } from 'react-i18next';
import type { PastePlan } from './paste-plan';

/** The ids of the headings of the sections the summary leads to. */
export const UNKNOWN_TITLE = 'cr-unknown-title';
export const OPEN_TITLE = 'cr-open-title';
export const REPEATED_TITLE = 'cr-repeated-title';

/** Brings a section of the preview into view, its heading focused (so reading goes on from there). */
function showSection(id: string): void {
  const heading = document.getElementById(id);
  heading?.focus({ preventScroll: true });
  heading?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/**
 * The head of the preview: how many items were pasted and what they are — new, repeated in the
 * list, already on open requests, of no known platform (or, when one platform takes all, of
 * another platform by their address).
 */
export function PasteSummary({ plan, onePlatform }: { plan: PastePlan; onePlatform: boolean }) {
  const { t } = useTranslation('create');
  const repeated = plan.preview.repeated.length;
  const open = plan.preview.alreadyOpen.length;
  const segments: { key: 'fresh' | 'repeated' | 'open' | 'foreign' | 'unknown'; count: number; tone: string; section?: string }[] = [
    { key: 'fresh', count: plan.fresh, tone: 'fresh' },
    { key: 'repeated', count: repeated, tone: 'repeated', section: REPEATED_TITLE },
    { key: 'open', count: open, tone: 'open', section: OPEN_TITLE },
    onePlatform
      ? { key: 'foreign', count: plan.foreign, tone: 'unknown' }
      : { key: 'unknown', count: plan.unknown.length, tone: 'unknown', section: UNKNOWN_TITLE },
  ];
  return (
    <div
      className="cr-summary"
      data-testid="paste-summary"
      data-pasted={plan.pasted}
      data-fresh={plan.fresh}
      data-repeated={repeated}
      data-open={open}
      data-unknown={plan.unknown.length}
      data-foreign={plan.foreign}
    >
      <h2 className="cr-summary-total">{t('summary.pasted', { count: plan.pasted })}</h2>
      <ul className="cr-summary-list" aria-label={t('summary.label')}>
        {segments.map((segment) => {
          const words = t(`summary.${segment.key}`, { count: segment.count });
          const section = segment.count > 0 ? segment.section : undefined;
          return (
            <li
              key={segment.key}
              className={segment.count > 0 ? `cr-sum cr-sum-${segment.tone}` : 'cr-sum cr-sum-none'}
              data-testid={`paste-summary-${segment.key}`}
            >
              {section ? (
                <button type="button" className="cr-sum-jump" onClick={() => showSection(section)}>
                  {words}
                </button>
              ) : (
                words
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
