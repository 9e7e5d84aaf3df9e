import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { ExportStatus } from './ExportStatus';
import { FiguresTable } from './FiguresTable';
import { useExportContext } from './export-context';
import { figuresInput, exportMeta, platformRefs, requestsOf } from './export-data';
import { defaultExportDays, exportPeriod } from './export-period';
import { LogProofExport } from './LogProofExport';
import { runInWorker, type ExportJob } from './export-job';
import { useExportRunner } from './use-export-runner';
import { useFiguresChart } from './use-figures-chart';
import '../../styles/exports.css';

const LATE_FORMATS = ['csv-fr', 'csv-rfc', 'xlsx', 'pdf'] as const;

const FIGURES_FORMATS = [
  { id: 'pdf', kind: 'figures-pdf' },
  { id: 'xlsx', kind: 'figures-xlsx' },
  { id: 'md', kind: 'figures-md' },
] as const;

/** Late-response lists and figures for a period and platforms, with the figures' chart. */
export function ExportsScreen() {
  const { t, i18n } = useTranslation('exports');
  const view = useDesk((state) => state.view);
  const runner = useExportRunner();
  const context = useExportContext();
  const [days] = useState(() => defaultExportDays(Date.now(), context().timeZone));
  const [from, setFrom] = useState(days.first);
  const [to, setTo] = useState(days.last);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const platforms = useMemo(() => [...view.platforms.values()].sort((a, b) => a.name.localeCompare(b.name)), [view.platforms]);
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const zone = context().timeZone;
  const chosenPeriod = useMemo(() => exportPeriod({ first: from, last: to }, zone), [from, to, zone]);
  const valid = chosenPeriod !== null;
  const period = chosenPeriod ?? { from: 0, to: 0 };
  const figures = useMemo(
    () => (chosenPeriod ? figuresInput(view, t('figures.title'), chosenPeriod, chosen, context()) : null),
    [view, chosenPeriod, chosen, t, context],
  );
  const chart = useFiguresChart(figures);

  const toggle = (id: string) =>
    setChosen((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));

  const lateList = (format: (typeof LATE_FORMATS)[number]) =>
    runner.run(t(`late.${format}`), (onProgress) => {
      const ctx = context();
      const state = useDesk.getState().view;
      const source = {
        requests: requestsOf(state, chosen),
        platforms: platformRefs(state),
        period,
        now: ctx.now,
        meta: exportMeta(t('late.title'), period, chosen, state, ctx),
      };
      const job: ExportJob =
        format === 'xlsx'
          ? { kind: 'late-xlsx', source }
          : format === 'pdf'
            ? { kind: 'late-pdf', source }
            : { kind: 'late-csv', source, dialect: format === 'csv-fr' ? 'excel-fr' : 'rfc4180' };
      return runInWorker(job, onProgress);
    });

  const figuresExport = (format: (typeof FIGURES_FORMATS)[number]) =>
    runner.run(t(`figures.${format.id}`), async (onProgress) => {
      if (!chosenPeriod) throw new Error(t('invalidPeriod'));
      // Computed now, at the log position and relay time the file will state.
      const input = figuresInput(useDesk.getState().view, t('figures.title'), chosenPeriod, chosen, context());
      return runInWorker({ kind: format.kind, input }, onProgress);
    });

  const name = (id: string) => view.platforms.get(id)?.name ?? id;
  return (
    <section className="ex-screen" aria-labelledby="ex-title">
      <h1 id="ex-title">{t('title')}</h1>
      <div className="kit-panel ex-filters">
        <label>
          {t('from')}
          <input type="date" value={from} max={to} onChange={(event) => setFrom(event.target.value)} data-testid="export-from" />
        </label>
        <label>
          {t('to')}
          <input type="date" value={to} min={from} onChange={(event) => setTo(event.target.value)} data-testid="export-to" />
        </label>
        <fieldset className="ex-platforms">
          <legend>{t('platforms')}</legend>
          {platforms.map((platform) => (
            <label key={platform.id}>
              <input
                type="checkbox"
                checked={chosen.includes(platform.id)}
                onChange={() => toggle(platform.id)}
                data-testid={`export-platform-${platform.id}`}
              />
              {platform.name}
            </label>
          ))}
          <p className="kit-hint">{t('allWhenNone')}</p>
        </fieldset>
      </div>
      <div className="ex-grid">
        <div className="kit-panel">
          <h2 className="kit-panel-title">{t('late.title')}</h2>
          <p className="kit-hint">{t('late.hint')}</p>
          <div className="ex-row">
            {LATE_FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                className="btn"
                disabled={!valid || runner.busy !== null}
                onClick={() => void lateList(format)}
                data-testid={`export-late-${format}`}
              >
                {t(`late.${format}`)}
              </button>
            ))}
          </div>
        </div>
        <div className="ex-stack">
          <div className="kit-panel">
            <h2 className="kit-panel-title">{t('figures.title')}</h2>
            <div className="ex-row">
              {FIGURES_FORMATS.map((format) => (
                <button
                  key={format.id}
                  type="button"
                  className="btn"
                  disabled={!valid || runner.busy !== null}
                  onClick={() => void figuresExport(format)}
                  data-testid={`export-figures-${format.id}`}
                >
                  {t(`figures.${format.id}`)}
                </button>
              ))}
            </div>
          </div>
          <LogProofExport runner={runner} />
        </div>
      </div>
      <ExportStatus runner={runner} />
      {figures && (
        <div className="kit-panel">
          <h2 className="kit-panel-title">{t('figures.table')}</h2>
          <FiguresTable figures={figures.figures} language={language} name={name} />
          {chart && <img className="ex-chart" src={chart} alt={t('figures.chartAlt')} data-testid="figures-chart" />}
        </div>
      )}
    </section>
  );
}
