import { ITEM_OUTCOMES, type OutcomePlan } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';

/** References named in the preview; the rest are counted. */
const REFS_SHOWN = 12;

/** What a good file would send: how many requests and items, by outcome; sent only on "send". */
export function ImportPreview({
  name,
  plan,
  running,
  onApply,
  onOther,
}: {
  name: string;
  plan: OutcomePlan;
  running: boolean;
  onApply(): void;
  onOther(): void;
}) {
  const { t } = useTranslation(['outcomes', 'common']);
  const partial = plan.answers.filter((answer) => !answer.completes).length;
  const refs = plan.answers
    .slice(0, REFS_SHOWN)
    .map((answer) => answer.ref)
    .join(', ');
  const more = plan.answers.length - REFS_SHOWN;
  return (
    <section className="oi-result oi-ready" data-testid="import-preview" data-requests={plan.answers.length} data-items={plan.items}>
      <h3 className="oi-result-title">{t('preview.title', { name })}</h3>
      <p className="oi-summary">
        <strong>{t('preview.requests', { count: plan.answers.length })}</strong> ·{' '}
        <strong>{t('preview.items', { count: plan.items })}</strong>
      </p>
      <p className="kit-hint oi-refs" data-testid="import-refs">
        {t('preview.refs', { list: more > 0 ? t('preview.more', { list: refs, count: more }) : refs })}
      </p>
      <table className="kit-table oi-outcomes">
        <thead>
          <tr>
            <th scope="col">{t('preview.outcome')}</th>
            <th scope="col" className="oi-number">
              {t('preview.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ITEM_OUTCOMES.filter((outcome) => plan.byOutcome[outcome] > 0).map((outcome) => (
            <tr key={outcome} data-testid="import-outcome" data-outcome={outcome} data-count={plan.byOutcome[outcome]}>
              <td>
                <span className={`kit-outcome kit-outcome-${outcome}`}>{t(`common:outcome.${outcome}`)}</span>
              </td>
              <td className="oi-number">{plan.byOutcome[outcome]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {partial > 0 && <p className="kit-hint">{t('preview.partial', { count: partial })}</p>}
      {plan.ignoredHeaders.length > 0 && <p className="kit-hint">{t('preview.ignored', { list: plan.ignoredHeaders.join(', ') })}</p>}
      <div className="kit-form-buttons">
        <button type="button" className="kit-button" onClick={onOther}>
          {t('preview.other')}
        </button>
        <button type="button" className="kit-button kit-button-primary" disabled={running} data-testid="import-apply" onClick={onApply}>
          {t('preview.apply', { count: plan.answers.length })}
        </button>
      </div>
    </section>
  );
}
