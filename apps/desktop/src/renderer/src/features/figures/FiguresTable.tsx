import { ALL_PLATFORMS, type PlatformFigures } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { figureLanguage } from '../common/format';
import { cellText, FIGURE_COLUMNS, opensRequests, type FigureColumn } from './figure-columns';
import type { FigureChoice } from './figures-model';

/** The test id of a number's cell, also how the list gives the focus back to it. */
export function figureCellId(platformId: string, column: FigureColumn): string {
  return `fig-${platformId === ALL_PLATFORMS ? 'all' : platformId}-${column.field}`;
}

/** A column's full name, for the buttons' labels: "Time to acknowledge, median". */
function useColumnName(): (column: FigureColumn) => string {
  const { t } = useTranslation('figures');
  return (column) => (column.group ? `${t(`table.${column.group}`)}, ${t(`table.${column.label}`)}` : t(`table.${column.label}`));
}

function TableHead() {
  const { t } = useTranslation('figures');
  const single = (label: FigureColumn['label']) => (
    <th scope="col" rowSpan={2} key={label}>
      {t(`table.${label}`)}
    </th>
  );
  return (
    <thead>
      <tr>
        <th scope="col" rowSpan={2} className="fg-platform-head">
          {t('table.platform')}
        </th>
        {single('created')}
        {single('withdrawn')}
        <th scope="colgroup" colSpan={2}>
          {t('table.ack')}
        </th>
        <th scope="colgroup" colSpan={2}>
          {t('table.answer')}
        </th>
        {single('onTime')}
        <th scope="colgroup" colSpan={2}>
          {t('table.lateGroup')}
        </th>
        {single('unanswered')}
      </tr>
      <tr>
        {FIGURE_COLUMNS.filter((column) => column.group).map((column) => (
          <th scope="col" key={column.field}>
            {column.label === 'p90' ? <abbr title={t('table.p90Long')}>{t('table.p90')}</abbr> : t(`table.${column.label}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * Per platform by name, the all-platforms row last for the ministry: every number a button that
 * lists the requests behind it (`onChoose`), the one open marked pressed.
 */
export function FiguresTable({
  rows,
  nameOf,
  choice,
  onChoose,
}: {
  rows: readonly PlatformFigures[];
  nameOf: (platformId: string) => string;
  choice: FigureChoice | null;
  onChoose: (choice: FigureChoice) => void;
}) {
  const { t, i18n } = useTranslation('figures');
  const columnName = useColumnName();
  const language = figureLanguage(i18n.language);
  return (
    <div className="fg-table-wrap">
      <table className="fg-table" data-testid="figures-table">
        <caption className="kit-visually-hidden">{t('table.caption')}</caption>
        <TableHead />
        <tbody>
          {rows.map((row) => {
            const name = nameOf(row.platformId);
            return (
              <tr
                key={row.platformId}
                className={row.platformId === ALL_PLATFORMS ? 'fg-total' : undefined}
                data-testid="figures-row"
                data-platform={row.platformId}
              >
                <th scope="row">{name}</th>
                {FIGURE_COLUMNS.map((column) => {
                  const text = cellText(row, column, language);
                  const open = choice?.platformId === row.platformId && choice.kind === column.kind;
                  return (
                    <td key={column.field} className={open ? 'fg-open' : undefined}>
                      {opensRequests(row, column) ? (
                        <button
                          type="button"
                          className="fg-number"
                          aria-pressed={open}
                          aria-label={t('table.open', { figure: columnName(column), platform: name, value: text })}
                          data-testid={figureCellId(row.platformId, column)}
                          onClick={() => onChoose({ platformId: row.platformId, kind: column.kind })}
                        >
                          {text}
                        </button>
                      ) : (
                        <span className="fg-number-plain" data-testid={figureCellId(row.platformId, column)}>
                          {text}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
