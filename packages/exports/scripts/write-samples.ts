/**
 * `npm run samples`: writes every export for demo-like data, in French and in English, into
 * `samples/` at the repository's root, then renders their pages to PNG for a person to look at
 * (LibreOffice turns the DOCX and XLSX into PDF, `pdftoppm -r 60` draws the pages). Without
 * LibreOffice or poppler the files are written and the rendering is skipped with a note.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  campaignReportPdf,
  campaignReportXlsx,
  figuresMarkdown,
  figuresPdf,
  figuresXlsx,
  lateListCsv,
  lateListPdf,
  lateListXlsx,
  minutesDocx,
  minutesMarkdown,
  minutesPdf,
} from '../src/index.js';
import { minutesInput } from '../test/minutes-fixture.js';
import { sampleCampaign, sampleFigures, sampleLateList, SAMPLE_PLATFORMS } from './sample-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dir = process.env.SAMPLES_DIR ?? join(root, 'samples');
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, 'png'), { recursive: true });

const SAMPLE_CONTENT_HASH = '4f7a0c2e9b1d3a5c6e8f0b2d4a6c8e0f1a3c5e7b9d1f3a5c7e9b0d2f4a6c8e0f';
const SAMPLE_AMENDMENT = {
  fr: 'Échéance de l’action de X corrigée (11 novembre au lieu du 10).',
  en: 'Deadline of X’s action corrected (11 November instead of the 10th).',
} as const;

for (const language of ['fr', 'en'] as const) {
  const late = sampleLateList(language);
  const figures = sampleFigures(language);
  const campaign = sampleCampaign(language);
  const minutes = {
    ...minutesInput(language),
    figures: figures.figures.map((row) => ({ ...row, platformName: SAMPLE_PLATFORMS.get(row.platformId)?.name })),
  };
  // The same minutes once the prefect has adopted them: what every copy made afterwards is.
  const adopted = {
    ...minutes,
    adoption: {
      version: 2,
      adoptedAt: minutes.meta.generatedAt,
      upToSeq: minutes.meta.lastSeq,
      contentHash: SAMPLE_CONTENT_HASH,
      note: SAMPLE_AMENDMENT[language],
    },
  };
  const files: [string, Uint8Array][] = [
    ['late.pdf', await lateListPdf(late)],
    ['late.xlsx', await lateListXlsx(late)],
    ['late-excel.csv', await lateListCsv(late, { dialect: 'excel-fr' })],
    ['late-rfc4180.csv', await lateListCsv(late, { dialect: 'rfc4180' })],
    ['figures.pdf', await figuresPdf(figures)],
    ['figures.xlsx', await figuresXlsx(figures)],
    ['figures.md', await figuresMarkdown(figures)],
    ['campaign.pdf', await campaignReportPdf(campaign)],
    ['campaign.xlsx', await campaignReportXlsx(campaign)],
    ['minutes.pdf', await minutesPdf(minutes)],
    ['minutes.docx', await minutesDocx(minutes)],
    ['minutes.md', await minutesMarkdown(minutes)],
    ['minutes-adopted.pdf', await minutesPdf(adopted)],
    ['minutes-adopted.docx', await minutesDocx(adopted)],
  ];
  for (const [name, bytes] of files) writeFileSync(join(dir, `${language}-${name}`), bytes);
}

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (!has('soffice') || !has('pdftoppm')) {
  process.stdout.write(`samples written to ${dir}; install LibreOffice and poppler-utils to render them to PNG\n`);
} else {
  const office = readdirSync(dir).filter((name) => /\.(docx|xlsx)$/.test(name));
  const converted = join(dir, 'office-pdf');
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', converted, ...office.map((name) => join(dir, name))], {
    stdio: 'ignore',
  });
  const pdfs = [
    ...readdirSync(dir)
      .filter((name) => name.endsWith('.pdf'))
      .map((name) => [join(dir, name), name.replace(/\.pdf$/, '')] as const),
    ...readdirSync(converted).map(
      (name) =>
        [
          join(converted, name),
          `${name.replace(/\.pdf$/, '')}-${office
            .find((o) => o.startsWith(name.replace(/\.pdf$/, '')))
            ?.split('.')
            .pop()}`,
        ] as const,
    ),
  ];
  for (const [pdf, stem] of pdfs) execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(dir, 'png', stem)]);
  process.stdout.write(`samples written to ${dir}, pages rendered to ${join(dir, 'png')}\n`);
}
