import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import type { Locator, Page } from 'playwright-core';

/** Where the files the app gives for download are saved, one folder per test file. */
let downloads: string | undefined;

/** A downloaded file: the name the app suggested, where it was saved, and its bytes. */
export interface Downloaded {
  readonly name: string;
  readonly path: string;
  readonly bytes: Buffer;
}

/** Clicks a button that makes the app give a file, and returns that file once downloaded. */
export async function download(page: Page, button: Locator): Promise<Downloaded> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), button.click()]);
  const name = file.suggestedFilename();
  downloads ??= mkdtempSync(join(tmpdir(), 'contact-desk-downloads-'));
  const path = join(downloads, `${Date.now()}-${name}`);
  await file.saveAs(path);
  return { name, path, bytes: readFileSync(path) };
}

/** The text of a PDF, as a reader copying it would get it. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}
