/**
 * `npm run docs:examples`: writes the examples of docs/protocol.md from a real relay run, and the
 * README's audit and backup commands with what they print on a seeded demo log (the relay's CLI
 * must be built), in the parts between `<!-- example:NAME:begin -->` and `<!-- example:NAME:end -->`.
 * `npm run docs:examples -- --check`: writes nothing, and fails when the document differs from
 * what the relay produces now.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillMarkers } from './doc-examples/markers.js';
import { protocolExamples } from './doc-examples/protocol-examples.js';
import { readmeExamples } from './doc-examples/readme-examples.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const check = process.argv.includes('--check');

const documents: { readonly path: string; readonly examples: () => Promise<Map<string, string>> }[] = [
  { path: 'docs/protocol.md', examples: protocolExamples },
  { path: 'README.md', examples: readmeExamples },
];

let stale = 0;
for (const document of documents) {
  const file = join(root, document.path);
  const written = readFileSync(file, 'utf8');
  const generated = fillMarkers(written, await document.examples());
  if (generated === written) {
    process.stdout.write(`${document.path}: examples up to date\n`);
  } else if (check) {
    stale += 1;
    process.stdout.write(`${document.path}: examples differ from what the relay produces; run npm run docs:examples\n`);
  } else {
    writeFileSync(file, generated);
    process.stdout.write(`${document.path}: examples written\n`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
