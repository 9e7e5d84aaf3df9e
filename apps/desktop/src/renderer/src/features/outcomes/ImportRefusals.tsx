import type { ImportRefusal } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { columnWord, refusalWords } from './refusal-words';
import { translateWith } from '../common/refusal-wording';

/** Rows shown in the dialog; the report file has them all. */
export const REFUSALS_SHOWN = 200;

/** Why a file is refused, row by row: nothing was sent. */
export function ImportRefusals({
  name,
  refused,
  changed,
  onReport,
  onOther,
}: {
  name: string;
  refused: readonly ImportRefusal[];
  changed: boolean;
  onReport(): void;
  onOther(): void;
}) {
  const { t } = useTranslation('outcomes');
  const more = refused.length - REFUSALS_SHOWN;
  return (
    <section className="oi-result oi-refused" data-testid="import-refused" data-count={refused.length}>
      <h3 className="oi-result-title" role="alert">
        {changed ? t('refused.changed') : t('refused.title', { name })}
      </h3>
      <p className="oi-summary">{t('refused.count', { count: refused.length })}</p>
      <div className="kit-table-wrap oi-refusals-wrap">
        <table className="kit-table oi-refusals">
          <colgroup>
            <col className="oi-col-row" />
            <col className="oi-col-column" />
            <col className="oi-col-value" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="oi-number">
                {t('refused.row')}
              </th>
              <th scope="col">{t('refused.column')}</th>
              <th scope="col">{t('refused.value')}</th>
              <th scope="col">{t('refused.why')}</th>
            </tr>
          </thead>
          <tbody>
            {refused.slice(0, REFUSALS_SHOWN).map((refusal, index) => (
              <tr key={index} data-testid="import-refusal" data-row={refusal.row ?? ''} data-problem={refusal.problem}>
                <td className="oi-number">{refusal.row ?? t('refused.file')}</td>
                <td>{columnWord(refusal, translateWith(t))}</td>
                <td>
                  <span className="oi-value" title={refusal.value}>
                    {refusal.value}
                  </span>
                </td>
                <td>{refusalWords(refusal, translateWith(t))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && <p className="kit-hint">{t('refused.more', { count: more })}</p>}
      <div className="kit-form-buttons">
        <button type="button" className="kit-button" data-testid="import-report" onClick={onReport}>
          {t('refused.download')}
        </button>
        <button type="button" className="kit-button kit-button-primary" onClick={onOther}>
          {t('preview.other')}
        </button>
      </div>
    </section>
  );
}
