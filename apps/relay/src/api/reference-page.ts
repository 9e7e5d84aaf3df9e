import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { API_BASE, openApiDocument } from './openapi.js';

/**
 * The API's reference page, rendered on the relay from the OpenAPI document: one self-contained
 * HTML page with no script at all, one inline style allowed by its hash, nothing fetched from
 * anywhere (the desk's networks are closed).
 */

type Schema = Record<string, unknown>;

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 2rem;color:#1d2733}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.5rem;border-top:1px solid #ccd;padding-top:1rem}h3{font-size:1rem;margin-bottom:.3rem}
code{background:#eef1f5;padding:0 .2rem;border-radius:3px}.method{font-weight:700;color:#fff;background:#335;padding:.1rem .4rem;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:.3rem 0}td,th{border:1px solid #ccd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5f8}.req{color:#a00}nav li{margin:.1rem 0}`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** No script, no frame, no form, no fetch: only the page's own style. */
export const REFERENCE_PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function escape(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Inline code spans of the descriptions (`…`) as <code>, everything else escaped. */
function prose(text: unknown): string {
  return escape(text ?? '').replace(/`([^`]+)`/g, '<code>$1</code>');
}

function refName(schema: Schema): string | undefined {
  return typeof schema.$ref === 'string' ? schema.$ref.split('/').at(-1) : undefined;
}

/** A one-line description of a schema's type, linking to named schemas. */
function typeOf(schema: Schema): string {
  const ref = refName(schema);
  if (ref) return `<a href="#schema-${escape(ref)}">${escape(ref)}</a>`;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Schema[]).map(typeOf).join(' | ');
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((value) => `<code>${escape(JSON.stringify(value))}</code>`).join(', ')}`;
  if ('const' in schema) return `<code>${escape(JSON.stringify(schema.const))}</code>`;
  if (schema.type === 'array') return `array of ${typeOf((schema.items as Schema | undefined) ?? {})}`;
  if (schema.type === 'object' && !schema.properties) return 'object';
  return escape(schema.type ?? (schema.properties ? 'object' : 'any'));
}

function limits(schema: Schema): string {
  const parts: string[] = [];
  const add = (key: string, label: string) => {
    if (schema[key] !== undefined) parts.push(`${label} ${escape(schema[key])}`);
  };
  add('minLength', 'length ≥');
  add('maxLength', 'length ≤');
  add('minItems', 'items ≥');
  add('maxItems', 'items ≤');
  add('minimum', '≥');
  add('maximum', '≤');
  add('format', 'format');
  add('default', 'default');
  return parts.join(', ');
}

/** The fields of an object schema as a table; other schemas as their type. */
function fields(schema: Schema): string {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties) return `<p>${typeOf(schema)}</p>`;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(properties).map(
    ([name, field]) =>
      `<tr><td><code>${escape(name)}</code>${required.has(name) ? ' <span class="req">required</span>' : ''}</td><td>${typeOf(field)}</td><td>${escape(limits(field))}</td><td>${prose(field.description)}</td></tr>`,
  );
  return `<table><tr><th>field</th><th>type</th><th>limits</th><th>meaning</th></tr>${rows.join('')}</table>`;
}

function jsonSchemaOf(content: unknown): Schema | undefined {
  return (content as { 'application/json'?: { schema?: Schema } } | undefined)?.['application/json']?.schema;
}

function operation(method: string, path: string, op: Schema): string {
  const parameters = (op.parameters as Schema[] | undefined) ?? [];
  const paramRows = parameters.map(
    (p) =>
      `<tr><td><code>${escape(p.name)}</code>${p.required ? ' <span class="req">required</span>' : ''}</td><td>${escape(p.in)}</td><td>${typeOf((p.schema as Schema) ?? {})}</td><td>${prose(p.description ?? (p.schema as Schema | undefined)?.description)}</td></tr>`,
  );
  const body = op.requestBody as Schema | undefined;
  const bodySchema = jsonSchemaOf(body?.content);
  const responses = Object.entries((op.responses as Record<string, Schema> | undefined) ?? {}).map(([status, response]) => {
    const schema = jsonSchemaOf(response.content);
    return `<tr><td>${escape(status)}</td><td>${schema ? typeOf(schema) : ''}</td><td>${prose(response.description)}</td></tr>`;
  });
  return [
    `<h2 id="${escape(op.operationId)}"><span class="method">${escape(method.toUpperCase())}</span> <code>${escape(API_BASE + path)}</code></h2>`,
    `<p><strong>${prose(op.summary)}</strong>. ${prose(op.description)}</p>`,
    paramRows.length
      ? `<h3>Parameters</h3><table><tr><th>name</th><th>in</th><th>type</th><th>meaning</th></tr>${paramRows.join('')}</table>`
      : '',
    bodySchema ? `<h3>Body${body?.required ? '' : ' (optional)'}</h3>${fields(bodySchema)}` : '',
    `<h3>Answers</h3><table><tr><th>status</th><th>body</th><th>when</th></tr>${responses.join('')}</table>`,
  ].join('\n');
}

function render(): string {
  const doc = openApiDocument() as unknown as Schema & { info: Schema; paths: Record<string, Record<string, Schema>>; components: Schema };
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );
  const schemas = Object.entries((doc.components.schemas as Record<string, Schema> | undefined) ?? {});
  const auth = ((doc.components.securitySchemes as Record<string, Schema> | undefined)?.apiKey?.description as string | undefined) ?? '';
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escape(doc.info.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escape(doc.info.title)}</h1><p>${prose(doc.info.description)}</p>`,
    `<p>${prose(auth)} Machine-readable: <a href="${API_BASE}/openapi.json"><code>${API_BASE}/openapi.json</code></a> (OpenAPI ${escape(doc.openapi)}).</p>`,
    `<nav><ul>${operations.map(({ path, method, op }) => `<li><a href="#${escape(op.operationId)}">${escape(method.toUpperCase())} ${escape(path)}</a> — ${prose(op.summary)}</li>`).join('')}</ul></nav>`,
    ...operations.map(({ path, method, op }) => operation(method, path, op)),
    '<h2 id="schemas">Schemas</h2>',
    ...schemas.map(
      ([name, schema]) => `<h3 id="schema-${escape(name)}">${escape(name)}</h3><p>${prose(schema.description)}</p>${fields(schema)}`,
    ),
    '</body></html>',
  ].join('\n');
}

let cached: string | undefined;

export function referencePage(res: ServerResponse): void {
  cached ??= render();
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': REFERENCE_PAGE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(cached);
}
