/**
 * The OpenAPI document the relay serves: a valid OpenAPI 3.1 document, with every route, its
 * parameters and bodies as the routes' zod schemas have them; the relay's real answers match the
 * responses it documents; a body valid per the document is accepted and one it rejects is refused.
 * And the reference page rendered from it: one page, no script, a strict CSP.
 */
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { compileErrors, validate } from '@readme/openapi-parser';
import { newId } from '@contact-desk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailQuerySchema, listQuerySchema, WRITE_ROUTES } from '../src/api/api-inputs.js';
import { openApiDocument } from '../src/api/openapi.js';
import { REFERENCE_PAGE_CSP } from '../src/api/reference-page.js';
import { databaseFile } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { startRelay } from '../src/server.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';
import { draw } from './fuzz/oracles.js';
import { closeAll } from './harness.js';
import { acceptedSeqs, apiWorld, type ApiWorld } from './api/api-world.js';
import { DocumentSchemas, type OpenApiDoc, type Schema } from './api/openapi-check.js';

let w: ApiWorld;
let doc: OpenApiDoc;
let schemas: DocumentSchemas;
const WRITE_PATHS = WRITE_ROUTES.map((route) => `/requests/{id}/${route.action}`);

beforeAll(async () => {
  w = await apiWorld();
  const reply = await w.api('GET', '/api/v1/openapi.json');
  expect(reply.status).toBe(200);
  doc = reply.json<OpenApiDoc>();
  schemas = new DocumentSchemas(doc);
});
afterAll(closeAll);

function parameterNames(op: Schema, where: string): string[] {
  return ((op.parameters as Schema[] | undefined) ?? [])
    .filter((p) => p.in === where)
    .map((p) => String(p.name))
    .sort();
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, and the one the code generates', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(doc).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it('has every route, with the parameters, body and answers of the routes’ schemas', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(['/requests', '/requests/{id}', ...WRITE_PATHS].sort());
    const list = schemas.operation('GET', '/requests');
    expect(parameterNames(list, 'query')).toEqual(Object.keys(listQuerySchema.shape).sort());
    const detail = schemas.operation('GET', '/requests/{id}');
    expect(parameterNames(detail, 'path')).toEqual(['id']);
    expect(parameterNames(detail, 'query')).toEqual(Object.keys(detailQuerySchema.shape).sort());
    for (const route of WRITE_ROUTES) {
      const path = `/requests/{id}/${route.action}`;
      const op = schemas.operation('POST', path);
      expect(op.operationId).toBe(route.operationId);
      expect(parameterNames(op, 'path')).toEqual(['id']);
      expect(parameterNames(op, 'header')).toEqual(['idempotency-key']);
      expect(((op.parameters as Schema[]).find((p) => p.in === 'header') ?? {}).required).toBe(true);
      const body = schemas.resolve(schemas.requestBodySchema('POST', path));
      const shape = route.body.shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;
      expect(Object.keys(body.properties as Schema).sort(), path).toEqual(Object.keys(shape).sort());
      const required = Object.keys(shape).filter((key) => !shape[key]?.safeParse(undefined).success);
      expect(((body.required as string[] | undefined) ?? []).sort(), path).toEqual(required.sort());
      expect(body.additionalProperties, path).toBe(false);
      expect(Object.keys(op.responses as Schema).sort(), path).toEqual([
        '200',
        '400',
        '401',
        '403',
        '404',
        '409',
        '413',
        '422',
        '429',
        '503',
      ]);
    }
    expect(Object.keys(list.responses as Schema).sort()).toEqual(['200', '400', '401', '429', '503']);
    expect(Object.keys(detail.responses as Schema).sort()).toEqual(['200', '400', '401', '404', '429', '503']);
    expect(doc.components.securitySchemes).toMatchObject({ apiKey: { type: 'http', scheme: 'bearer' } });
  });

  it('documents every answer the relay gives: each real answer matches its documented response', async () => {
    const requestId = await w.request('alpha', { items: ['https://video.example/1', 'https://video.example/2'] });
    const key = w.keys.alphaAct;
    const check = async (method: string, docPath: string, reply: Promise<Awaited<ReturnType<ApiWorld['api']>>>, status: number) => {
      const answer = await reply;
      expect(answer.status, `${method} ${docPath}: ${answer.text}`).toBe(status);
      schemas.expectDocumented(method, docPath, answer);
    };
    await check('GET', '/requests', w.api('GET', '/api/v1/requests', { key: key.key }), 200);
    await check('GET', '/requests', w.api('GET', '/api/v1/requests?limit=0', { key: key.key }), 400);
    await check('GET', '/requests', w.api('GET', '/api/v1/requests', { key: 'nope' }), 401);
    await check('GET', '/requests/{id}', w.api('GET', `/api/v1/requests/${requestId}`, { key: key.key }), 200);
    await check('GET', '/requests/{id}', w.api('GET', `/api/v1/requests/${newId()}`, { key: key.key }), 404);
    const bodies: Record<string, unknown> = {
      acknowledge: undefined,
      answer: { items: [{ itemId: `${requestId}/1`, outcome: 'refused', reason: 'Not illegal here.' }] },
      'request-info': { question: 'Which account?' },
      comments: { body: 'Noted.' },
      assign: { assigneeId: w.liaisonA.userId },
      contest: { reason: 'Lawful.' },
    };
    // In the routes' order the request goes open → acknowledged → partly answered → needs_info → contested.
    for (const route of WRITE_ROUTES) {
      const path = `/requests/{id}/${route.action}`;
      await check('POST', path, w.write(key, requestId, route.action, bodies[route.action]), 200);
      await check('POST', path, w.write(w.keys.alphaRead, requestId, route.action, bodies[route.action]), 403);
      await check('POST', path, w.write(key, newId(), route.action, bodies[route.action]), 404);
      await check('POST', path, w.write(key, requestId, route.action, { unexpected: true }), 400);
      await check(
        'POST',
        path,
        w.api('POST', `/api/v1/requests/${requestId}/${route.action}`, { key: key.key, body: bodies[route.action] }),
        400,
      );
      await check('POST', path, w.api('POST', `/api/v1/requests/${requestId}/${route.action}`, { body: bodies[route.action] }), 401);
      await check('POST', path, w.write(key, requestId, route.action, { body: 'x'.repeat(1_000_001) }), 413);
      const reused = newId();
      acceptedSeqs(await w.write(key, requestId, 'comments', { body: 'First.' }, reused));
      await check('POST', path, w.write(key, requestId, route.action, bodies[route.action], reused), 422);
    }
    await check('POST', '/requests/{id}/acknowledge', w.write(key, requestId, 'acknowledge'), 409);
  });

  it('a storage failure is the documented 503, and records nothing', async () => {
    const requestId = await w.request('alpha');
    await w.h.relay.close();
    const storage = new SqliteStorage(databaseFile(w.h), {});
    w.h.relay = await startRelay(
      { host: '127.0.0.1', port: 0, dataDir: w.h.dataDir, corsOrigin: '*', deadlineCheckMs: 0, logLevel: 'silent' },
      { clock: w.h.clock, logger: silentLogger, storage },
    );
    const head = w.h.headSeq;
    storage.pragma('query_only = 1');
    const reply = await w.write(w.keys.alphaAct, requestId, 'comments', { body: 'While the disk is read-only.' });
    expect(reply.status).toBe(503);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'storage_unavailable' } });
    schemas.expectDocumented('POST', '/requests/{id}/comments', reply);
    storage.pragma('query_only = 0');
    expect(w.h.headSeq).toBe(head);
  });

  it('a body the document accepts, the relay accepts; a body it rejects, the relay refuses with 400', async () => {
    let agreed = 0;
    for (const route of WRITE_ROUTES) {
      const path = `/requests/{id}/${route.action}`;
      const schema = schemas.requestBodySchema('POST', path);
      const validate = schemas.validator(schema);
      const drawn = draw(schemas.arbitrary(schema), 40);
      const variants = drawn.flatMap((value) => {
        const object = (value ?? {}) as Record<string, unknown>;
        const [first] = Object.keys(object);
        return [
          value,
          { ...object, unexpected: 1 },
          ...(first === undefined ? [] : [{ ...object, [first]: 12_345 }, Object.fromEntries(Object.entries(object).slice(1))]),
        ];
      });
      for (const body of variants) {
        // A request that does not exist: a body the schema takes reaches the decision (404).
        const reply = await w.write(w.keys.alphaAct, newId(), route.action, body);
        const context = `${route.action} ${JSON.stringify(body)} → ${reply.status} ${reply.text}`;
        expect(reply.status, context).toBe(validate(body) ? 404 : 400);
        agreed += 1;
      }
    }
    console.log(`OpenAPI bodies: ${agreed} bodies judged alike by the document and the relay`);
    expect(agreed).toBeGreaterThan(WRITE_ROUTES.length * 40);
  });
});

describe('the reference page', () => {
  it('is served at its own path only: dot segments are no route (the relay routes the path as sent)', async () => {
    // node:http sends the path as written; fetch would fold the dot segments before sending.
    const raw = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const { hostname, port } = new URL(w.h.relay.url);
        const req = httpRequest({ host: hostname, port, path, method: 'GET' }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    for (const path of [
      '/api/v1/../contest/openapi.json',
      '/api/v1/requests/../openapi.json',
      '/api/v1/./docs',
      '/api/v1/%2e%2e/openapi.json',
    ]) {
      const reply = await raw(path);
      expect(reply.status, path).toBe(404);
      expect(JSON.parse(reply.body), path).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('is one self-contained HTML page with no script and a strict CSP, listing every operation and schema', async () => {
    const reply = await w.api('GET', '/api/v1/docs');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(REFERENCE_PAGE_CSP);
    expect(REFERENCE_PAGE_CSP).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    );
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const html = reply.text;
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<link|<img|\son\w+=|javascript:/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    // The one inline style is the one the CSP allows by hash.
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
    expect(styles).toHaveLength(1);
    expect(REFERENCE_PAGE_CSP).toContain(
      `'sha256-${createHash('sha256')
        .update(styles[0] ?? '')
        .digest('base64')}'`,
    );
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const op of Object.values(item)) {
        expect(html, path).toContain(`id="${String(op.operationId)}"`);
        expect(html, path).toContain(`/api/v1${path}`);
      }
    }
    for (const name of Object.keys(doc.components.schemas)) expect(html, name).toContain(`id="schema-${name}"`);
  });
});
