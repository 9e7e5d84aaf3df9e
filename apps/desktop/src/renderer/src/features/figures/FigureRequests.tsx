import { ALL_PLATFORMS, formatDuration, type RequestFigures } from '@contact-desk/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHash } from '../../app/navigation';
import { formatDateTime } from '../common/format';
import { priorityClass } from '../common/priority-class';
import { TableHeader } from '../common/TableHeader';
import { figureLanguage } from '../common/format';
import type { FigureChoice } from './figures-model';

/** The lateness marks of one request, from its figures. */
function Marks({ row }: { row: RequestFigures }) {
  const { t } = useTranslation(['figures', 'common']);
  const marks = [
    row.lateAck && t('list.ackLate'),
    row.lateAction && t('list.answerLate'),
    row.unanswered && t('list.unanswered'),
    row.contested && t('list.contested'),
  ].filter((mark): mark is string => Boolean(mark));
  return <>{marks.join(' · ')}</>;
}

/**
 * The requests behind the number the user opened, each linked to its screen. Takes the focus when
 * it opens, so the keyboard lands on it; closing hands it back to the number (`onClose`).
 */
export function FigureRequests({
  choice,
  rows,
  nameOf,
  onClose,
}: {
  choice: FigureChoice;
  rows: readonly RequestFigures[];
  nameOf: (platformId: string) => string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation(['figures', 'common']);
  const language = figureLanguage(i18n.language);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [choice]);
  const allPlatforms = choice.platformId === ALL_PLATFORMS;
  const durationsFirst = choice.kind === 'timeToAck' || choice.kind === 'timeToAnswer';
  const columns = [
    { label: t('list.ref') },
    ...(allPlatforms ? [{ label: t('list.platform') }] : []),
    { label: t('list.priority'), className: 'fg-narrow' },
    { label: t('list.created') },
    { label: t('list.status') },
    { label: t('list.timeToAck'), className: 'fg-num-col' },
    { label: t('list.timeToAnswer'), className: 'fg-num-col' },
    { label: t('list.marks') },
  ];
  return (
    <section
      className="kit-panel fg-requests"
      aria-labelledby="fg-requests-title"
      data-testid="figure-requests"
      data-platform={choice.platformId}
      data-kind={choice.kind}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div className="fg-requests-head">
        <h2 id="fg-requests-title" className="kit-panel-title" tabIndex={-1} ref={headingRef}>
          {t('list.title', { figure: t(`kind.${choice.kind}`), platform: nameOf(choice.platformId) })}
        </h2>
        <button type="button" className="kit-button kit-button-small" onClick={onClose} data-testid="figure-requests-close">
          {t('list.close')}
        </button>
      </div>
      <p className="kit-hint" data-testid="figure-requests-count" data-count={rows.length}>
        {t('list.count', { count: rows.length })}, {durationsFirst ? t('list.shortestFirst') : t('list.oldestFirst')}
      </p>
      <div className="kit-table-wrap">
        <table className="kit-table fg-list">
          <TableHeader columns={columns} />
          <tbody>
            {rows.map((row) => (
              <tr key={row.request.id} data-testid="figure-request" data-ref={row.request.ref}>
                <td>
                  <a href={routeHash({ screen: 'request', requestId: row.request.id })}>{row.request.ref}</a>
                </td>
                {allPlatforms && <td>{nameOf(row.request.platformId)}</td>}
                <td>
                  <span className={priorityClass(row.request.sla.label)}>{row.request.sla.label}</span>
                </td>
                <td>{formatDateTime(row.request.createdAt, i18n.language)}</td>
                <td>
                  <span className={`kit-status kit-status-${row.request.status}`}>{t(`common:status.${row.request.status}`)}</span>
                </td>
                <td className="fg-num-col">{formatDuration(row.timeToAck, language)}</td>
                <td className="fg-num-col">{formatDuration(row.timeToAnswer, language)}</td>
                <td className="fg-marks">
                  <Marks row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
