import { OUTCOME_COLUMNS, OUTCOME_HEADER_NAMES } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { groundList, outcomeList } from './refusal-words';
import { translateWith } from '../common/refusal-wording';

/** The columns a file is read by, each with the headers it may have (French and English), folded up until asked for. */
export function ImportColumnsHelp() {
  const { t } = useTranslation('outcomes');
  const translate = translateWith(t);
  return (
    <details className="oi-columns" data-testid="import-columns">
      <summary>{t('columnsTitle')}</summary>
      <p className="kit-hint">{t('columnsHint')}</p>
      <table className="kit-table oi-columns-table">
        <colgroup>
          <col className="oi-col-name" />
          <col className="oi-col-headers" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('columnsHeader.column')}</th>
            <th scope="col">{t('columnsHeader.names')}</th>
            <th scope="col">{t('columnsHeader.content')}</th>
          </tr>
        </thead>
        <tbody>
          {OUTCOME_COLUMNS.map((column) => (
            <tr key={column}>
              <th scope="row">{t(`column.${column}`)}</th>
              <td>
                {[...new Set([...OUTCOME_HEADER_NAMES[column].fr, ...OUTCOME_HEADER_NAMES[column].en])].map((name) => (
                  <code key={name} className="oi-header-name">
                    {name}
                  </code>
                ))}
              </td>
              <td>{t(`columnHelp.${column}`, { list: column === 'ground' ? groundList(translate) : outcomeList(translate) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
