import { ALL_PLATFORMS } from '@contact-desk/shared';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { userTimeZone } from '../common/format';
import { FigureRequests } from './FigureRequests';
import { FiguresTable, figureCellId } from './FiguresTable';
import { FIGURE_COLUMNS } from './figure-columns';
import { figureTable, ownPlatformOf, requestsBehind, type FigureChoice } from './figures-model';
import { lastCompleteWeeks, periodOfRange, weeksOfRange, type DayRange } from './figures-period';
import { LogPosition } from './LogPosition';
import { PeriodPicker } from './PeriodPicker';
import { TrendPanel } from './TrendPanel';
import { useFiguresSnapshot } from './use-figures-snapshot';
import '../../styles/figures.css';

/** Response-time figures for the ministry (every platform) and for a liaison (their own platform). */
export function FiguresScreen() {
  const { t } = useTranslation('figures');
  const actor = useDesk((state) => state.sync.actor);
  const own = ownPlatformOf(actor);
  if (!actor || own === undefined) {
    return (
      <section className="fg-screen" aria-busy="true" data-testid="figures-loading">
        <p className="kit-muted">{t('loading')}</p>
      </section>
    );
  }
  return <Figures key={actor.userId} own={own} />;
}

function Figures({ own }: { own: string | null }) {
  const { t, i18n } = useTranslation('figures');
  // The zone the exports state their days in: this device's.
  const zone = userTimeZone();
  const snapshot = useFiguresSnapshot(own, i18n.language);
  const [range, setRange] = useState<DayRange>(() => lastCompleteWeeks(useDesk.getState().relayNow(), zone));
  const [choice, setChoice] = useState<FigureChoice | null>(null);
  const period = useMemo(() => periodOfRange(range, zone), [range, zone]);
  const weeks = useMemo(() => weeksOfRange(range, zone), [range, zone]);
  const { requests, platforms, at } = snapshot;
  const rows = useMemo(
    () => (period ? figureTable(requests, platforms, period, at, own === null) : []),
    [requests, platforms, period, at, own],
  );
  const behind = useMemo(() => (period && choice ? requestsBehind(requests, period, at, choice) : []), [requests, period, at, choice]);
  const names = useMemo(() => new Map(platforms.map((platform) => [platform.id, platform.name])), [platforms]);
  const nameOf = useCallback((id: string) => (id === ALL_PLATFORMS ? t('table.total') : (names.get(id) ?? id)), [names, t]);

  const changeRange = (next: DayRange) => {
    setRange(next);
    setChoice(null);
  };
  const choose = (next: FigureChoice) =>
    setChoice((current) => (current?.platformId === next.platformId && current.kind === next.kind ? null : next));
  const close = () => {
    if (!choice) return;
    const column = FIGURE_COLUMNS.find((candidate) => candidate.kind === choice.kind);
    setChoice(null);
    if (column) document.querySelector<HTMLElement>(`[data-testid="${figureCellId(choice.platformId, column)}"]`)?.focus();
  };

  return (
    <section
      className="fg-screen"
      aria-labelledby="fg-title"
      data-testid="figures-screen"
      data-scope={own ?? 'ministry'}
      aria-busy={snapshot.loadingLocal}
    >
      <div className="fg-top">
        <div>
          <h1 id="fg-title">{t('title')}</h1>
          <p className="fg-scope">{own === null ? t('scope.ministry') : t('scope.liaison', { name: nameOf(own) })}</p>
        </div>
        <PeriodPicker range={range} zone={zone} valid={period !== null} onChange={changeRange} />
      </div>
      <div className="kit-panel fg-figures">
        {snapshot.hash === null ? (
          <p className="kit-muted" data-testid="figures-not-synced">
            {t('notSynced')}
          </p>
        ) : (
          <LogPosition seq={snapshot.seq} hash={snapshot.hash} at={at} />
        )}
        {snapshot.loadingLocal && <p className="kit-notice-waiting">{t('loadingLocal')}</p>}
        {period && (
          <>
            <FiguresTable rows={rows} nameOf={nameOf} choice={choice} onChoose={choose} />
            <p className="kit-hint">{t('table.hint')}</p>
          </>
        )}
      </div>
      {period && choice && <FigureRequests choice={choice} rows={behind} nameOf={nameOf} onClose={close} />}
      {period && <TrendPanel requests={requests} platforms={platforms} period={period} at={at} zone={zone} weeks={weeks} />}
    </section>
  );
}
