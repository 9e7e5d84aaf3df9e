import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_ROOT } from '../packaging/packing';

/**
 * The exports library is loaded once, by the export worker: the web client is built (as
 * `npm run build` builds it) and the text of each generator — pdfkit, pdfmake, the DOCX writer,
 * the XLSX writer, the embedded fonts — is looked for in every chunk. The screens send data to
 * the worker and import only types and light helpers, so the app's own chunks hold none of them.
 */
const run = promisify(execFile);

/** The build as `npm run build` runs it: a production build, whatever the test runner set. */
const buildEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));

/** A string each generator's code carries, as the bundler leaves it. */
const GENERATORS = {
  pdfkit: 'PDFDocument',
  pdfmake: 'pdfMake',
  docx: 'w:document',
  xlsx: 'xl/worksheets',
  fonts: 'Roboto-Regular',
} as const;

let output: string;
let chunks: Map<string, string>;

beforeAll(async () => {
  output = await mkdtemp(join(tmpdir(), 'contact-desk-web-build-'));
  await run('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--outDir', output, '--logLevel', 'warn'], {
    cwd: DESKTOP_ROOT,
    env: buildEnv,
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const assets = join(output, 'assets');
  const files = (await readdir(assets)).filter((file) => file.endsWith('.js'));
  chunks = new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(assets, file), 'utf8')] as const)));
  const sizes = [...chunks].map(([file, text]) => `${file} ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`);
  console.info(`web client chunks: ${sizes.join(', ')}`);
}, 300_000);

afterAll(async () => {
  if (output) await rm(output, { recursive: true, force: true });
});

const isWorker = (file: string) => /-worker-[\w-]+\.js$/.test(file);

describe('the built web client', () => {
  it('holds every generator in the export worker, once', () => {
    const exportWorkers = [...chunks.keys()].filter((file) => file.startsWith('export-worker-'));
    expect(exportWorkers).toHaveLength(1);
    const worker = chunks.get(exportWorkers[0]!)!;
    for (const [generator, marker] of Object.entries(GENERATORS)) expect(worker, generator).toContain(marker);
  });

  it('holds none of them in the app’s own chunks', () => {
    const app = [...chunks].filter(([file]) => !isWorker(file));
    expect(app.map(([file]) => file)).toContainEqual(expect.stringMatching(/^index-/));
    for (const [file, text] of app)
      for (const [generator, marker] of Object.entries(GENERATORS)) expect(text.includes(marker), `${generator} in ${file}`).toBe(false);
  });

  it('holds the PDF, DOCX and font generators in no other worker', () => {
    const others = [...chunks].filter(([file]) => isWorker(file) && !file.startsWith('export-worker-'));
    for (const [file, text] of others)
      for (const generator of ['pdfkit', 'pdfmake', 'docx', 'fonts'] as const)
        expect(text.includes(GENERATORS[generator]), `${generator} in ${file}`).toBe(false);
  });
});
