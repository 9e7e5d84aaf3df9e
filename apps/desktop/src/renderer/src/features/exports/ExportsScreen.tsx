import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { periodOfDays } from '@contact-desk/shared';
import { ExportStatus } from './ExportStatus';
import { FiguresTable } from './FiguresTable';
import { loadExports, useExportContext } from './export-context';
import { figuresInput, exportMeta, platformRefs, requestsOf } from './export-data';
import { LogProofExport } from './LogProofExport';
import { runInWorker, type ExportJob } from './export-job';
import { useExportRunner } from './use-export-runner';
import '../../styles/exports.css';

const DAY = 86_400_000;

function dateInput(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The period from the first day's 00:00 to the 00:00 after the last, in the exports' zone; null when empty. */
function periodOf(first: string, last: string, zone: string): { from: number; to: number } | null {
  try {
    return periodOfDays(first, last, zone);
  } catch {
    return null;
  }
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const LATE_FORMATS = [
  { id: 'csv-fr', extension: 'csv', mime: 'text/csv', variant: 'excel' },
  { id: 'csv-rfc', extension: 'csv', mime: 'text/csv', variant: 'rfc4180' },
  { id: 'xlsx', extension: 'xlsx', mime: XLSX_MIME, variant: undefined },
  { id: 'pdf', extension: 'pdf', mime: 'application/pdf', variant: undefined },
] as const;

const FIGURES_FORMATS = [
  { id: 'pdf', kind: 'figures-pdf', extension: 'pdf', mime: 'application/pdf' },
  { id: 'xlsx', kind: 'figures-xlsx', extension: 'xlsx', mime: XLSX_MIME },
  { id: 'md', kind: 'figures-md', extension: 'md', mime: 'text/markdown' },
] as const;

/** Late-response lists and figures for a period and platforms, with the figures' chart. */
export function ExportsScreen() {
  const { t, i18n } = useTranslation('exports');
  const view = useDesk((state) => state.view);
  const runner = useExportRunner();
  const context = useExportContext();
  const [from, setFrom] = useState(() => dateInput(Date.now() - 30 * DAY));
  const [to, setTo] = useState(() => dateInput(Date.now()));
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [chart, setChart] = useState<string | null>(null);
  const platforms = useMemo(() => [...view.platforms.values()].sort((a, b) => a.name.localeCompare(b.name)), [view.platforms]);
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const zone = context().timeZone;
  const chosenPeriod = useMemo(() => periodOf(from, to, zone), [from, to, zone]);
  const valid = chosenPeriod !== null;
  const period = chosenPeriod ?? { from: 0, to: 0 };
  const figures = useMemo(
    () => (chosenPeriod ? figuresInput(view, t('figures.title'), chosenPeriod, chosen, context()) : null),
    [view, chosenPeriod, chosen, t, context],
  );

  useEffect(() => {
    let live = true;
    if (!figures) return;
    void loadExports().then((exports) => {
      const svg = exports.figuresChartSvg(figures.figures, figures.platforms, { language });
      if (live) setChart(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [figures, language]);

  const toggle = (id: string) =>
    setChosen((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));

  const lateList = (format: (typeof LATE_FORMATS)[number]) =>
    runner.run(t(`late.${format.id}`), async (onProgress) => {
      const exports = await loadExports();
      const ctx = context();
      const state = useDesk.getState().view;
      const rows = exports.lateResponseRows(requestsOf(state, chosen), platformRefs(state), period, ctx.now);
      const input = { rows, meta: exportMeta(t('late.title'), period, chosen, state, ctx) };
      const job: ExportJob =
        format.id === 'xlsx'
          ? { kind: 'late-xlsx', input }
          : format.id === 'pdf'
            ? { kind: 'late-pdf', input }
            : { kind: 'late-csv', input, dialect: format.id === 'csv-fr' ? 'excel-fr' : 'rfc4180' };
      const bytes = await runInWorker(job, onProgress);
      return { name: exports.exportFileName('late-list', input.meta, format.extension, format.variant), mimeType: format.mime, bytes };
    });

  const figuresExport = (format: (typeof FIGURES_FORMATS)[number]) =>
    runner.run(t(`figures.${format.id}`), async (onProgress) => {
      if (!figures) throw new Error(t('invalidPeriod'));
      const exports = await loadExports();
      const bytes = await runInWorker({ kind: format.kind, input: figures }, onProgress);
      return { name: exports.exportFileName('figures', figures.meta, format.extension), mimeType: format.mime, bytes };
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
                key={format.id}
                type="button"
                className="btn"
                disabled={!valid || runner.busy !== null}
                onClick={() => void lateList(format)}
                data-testid={`export-late-${format.id}`}
              >
                {t(`late.${format.id}`)}
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
