/**
 * Renders resources/icons/icon.svg to the app's icons: PNGs from 16 to 1024 px (Linux takes the
 * folder; `icon.png` is the 1024 one), `icon.ico` (Windows) and `icon.icns` (macOS), both made of
 * the same PNGs. Drawn by Chromium (playwright-core, `CHROMIUM_PATH` or /usr/bin/chromium), so the
 * SVG's small-size variant (a media query) applies. `npm run icons` in apps/desktop.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ICONS = join(import.meta.dirname, '..', 'resources', 'icons');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
type Size = (typeof SIZES)[number];

/** Windows takes these sizes from one .ico; 256 is written as 0 in the directory. */
const ICO_SIZES: readonly Size[] = [16, 24, 32, 48, 64, 128, 256];

/** macOS icon types holding PNG data, by pixel size (the @2x types reuse the larger images). */
const ICNS_TYPES: readonly (readonly [string, Size])[] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

export function icoOf(pngs: ReadonlyMap<Size, Buffer>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(ICO_SIZES.length, 4);
  let offset = 6 + 16 * ICO_SIZES.length;
  const entries = ICO_SIZES.map((size) => {
    const png = pngs.get(size)!;
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0);
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...ICO_SIZES.map((size) => pngs.get(size)!)]);
}

export function icnsOf(pngs: ReadonlyMap<Size, Buffer>): Buffer {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = pngs.get(size)!;
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((total, chunk) => total + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

async function render(): Promise<void> {
  const svg = readFileSync(join(ICONS, 'icon.svg'), 'utf8').replace(/ width="1024" height="1024"/, ' width="100%" height="100%"');
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const pngs = new Map<Size, Buffer>();
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      await page.close();
    }
    for (const [size, png] of pngs) writeFileSync(join(ICONS, `${size}x${size}.png`), png);
    writeFileSync(join(ICONS, 'icon.png'), pngs.get(1024)!);
    writeFileSync(join(ICONS, 'icon.ico'), icoOf(pngs));
    writeFileSync(join(ICONS, 'icon.icns'), icnsOf(pngs));
  } finally {
    await browser.close();
  }
}

await render();
