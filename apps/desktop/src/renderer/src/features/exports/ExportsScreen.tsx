import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { formatDuration } from '../common/format';
import { ExportStatus } from './ExportStatus';
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

/** Local midnight of a `yyyy-mm-dd` input, in ms. */
function fromDateInput(value: string): number {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1).getTime();
}

const LATE_FORMATS = [
  { id: 'csv-fr', extension: 'csv', mime: 'text/csv' },
  { id: 'csv-rfc', extension: 'csv', mime: 'text/csv' },
  { id: 'xlsx', extension: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { id: 'pdf', extension: 'pdf', mime: 'application/pdf' },
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
  const period = useMemo(() => ({ from: fromDateInput(from), to: fromDateInput(to) + DAY }), [from, to]);
  const valid = period.from < period.to;
  const figures = useMemo(() => (valid ? figuresInput(view, t('figures.title'), period, chosen, context()) : null), [view, period, chosen, valid, t, context]);

  useEffect(() => {
    let live = true;
    if (!figures) return;
    void loadExports().then((exports) => {
      const svg = exports.figuresChartSvg(figures.figures, figures.platforms, { language: i18n.language === 'en' ? 'en' : 'fr' });
      if (live) setChart(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [figures, i18n.language]);

  const toggle = (id: string) => setChosen((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));

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
      return { name: exports.exportFileName('late-list', input.meta, format.extension), mimeType: format.mime, bytes };
    });

  const figuresPdf = () =>
    runner.run(t('figures.pdf'), async (onProgress) => {
      if (!figures) throw new Error(t('invalidPeriod'));
      const exports = await loadExports();
      const bytes = await runInWorker({ kind: 'figures-pdf', input: figures }, onProgress);
      return { name: exports.exportFileName('figures', figures.meta, 'pdf'), mimeType: 'application/pdf', bytes };
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
              <input type="checkbox" checked={chosen.includes(platform.id)} onChange={() => toggle(platform.id)} data-testid={`export-platform-${platform.id}`} />
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
              <button key={format.id} type="button" className="btn" disabled={!valid || runner.busy !== null} onClick={() => void lateList(format)} data-testid={`export-late-${format.id}`}>
                {t(`late.${format.id}`)}
              </button>
            ))}
          </div>
        </div>
        <div className="ex-stack">
          <div className="kit-panel">
            <h2 className="kit-panel-title">{t('figures.title')}</h2>
            <div className="ex-row">
              <button type="button" className="btn" disabled={!valid || runner.busy !== null} onClick={() => void figuresPdf()} data-testid="export-figures-pdf">
                {t('figures.pdf')}
              </button>
            </div>
          </div>
          <LogProofExport runner={runner} />
        </div>
      </div>
      <ExportStatus runner={runner} />
      {figures && (
        <div className="kit-panel">
          <h2 className="kit-panel-title">{t('figures.table')}</h2>
          <table className="ex-table" data-testid="figures-table">
            <thead>
              <tr>
                <th scope="col">{t('figures.platform')}</th>
                <th scope="col">{t('figures.requests')}</th>
                <th scope="col">{t('figures.medianAck')}</th>
                <th scope="col">{t('figures.p90Ack')}</th>
                <th scope="col">{t('figures.medianAnswer')}</th>
                <th scope="col">{t('figures.p90Answer')}</th>
                <th scope="col">{t('figures.onTime')}</th>
                <th scope="col">{t('figures.late')}</th>
                <th scope="col">{t('figures.unanswered')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.figures.map((row) => (
                <tr key={row.platformId}>
                  <th scope="row">{name(row.platformId)}</th>
                  <td>{row.created}</td>
                  {[row.medianTimeToAck, row.p90TimeToAck, row.medianTimeToAnswer, row.p90TimeToAnswer].map((value, index) => (
                    <td key={index}>{value === undefined ? '—' : formatDuration(value, i18n.language)}</td>
                  ))}
                  <td>{row.onTimeShare === undefined ? '—' : `${Math.round(row.onTimeShare * 100)} %`}</td>
                  <td>{row.late}</td>
                  <td>{row.unanswered}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {chart && <img className="ex-chart" src={chart} alt={t('figures.chartAlt')} data-testid="figures-chart" />}
        </div>
      )}
    </section>
  );
}
