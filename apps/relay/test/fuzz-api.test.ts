/**
 * Hostile input on the REST API: generated Authorization headers, methods and paths, queries,
 * bodies and Idempotency-Keys, against a real relay over real HTTP. The verdicts come from the
 * OpenAPI document the relay serves (its JSON schemas, compiled with ajv) and the rules of
 * docs/integrations.md, not from the relay's code. Every answer is a typed JSON error with the
 * documented status, the relay keeps serving, and after each block its record — projections,
 * every table of its store, the hash chain — is exactly what it was. The whole of it on each
 * storage engine (SQLite, PostgreSQL): it takes seconds.
 */
import { newId } from '@contact-desk/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { requestPageSchema } from '../src/api/api-views.js';
import { perform } from '../src/cli/admin-actions.js';
import { describeEachEngine, ENGINE_START_MS } from './engines.js';
import { inBatches, startFuzzRelay, typedError, type Answer, type FuzzRelay } from './fuzz/http-relay.js';
import { anyValue, countSent, draw, OVERSIZED_STRING_LENGTHS, reportSent, restartDraws, withField } from './fuzz/oracles.js';
import { chainVerifies, expectUnchanged, takeFingerprint, verifiedFingerprint, type RecordFingerprint } from './fuzz/record.js';
import { createRequestArgs, waitFor } from './harness.js';
import { issueKey, revokeKey, type IssuedKey } from './api/api-client.js';
import { DocumentSchemas, type OpenApiDoc, type Schema } from './api/openapi-check.js';

const ACTIONS = ['acknowledge', 'answer', 'request-info', 'contest', 'comments', 'assign'];
const UUID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/i;
/** A typed error answer with the documented status. */
function expectRefusal(answer: Answer, status: number, code: string, context: string): void {
  expect(answer.status, `${context}: ${answer.text.slice(0, 300)}`).toBe(status);
  expect(typedError(answer, context).code, context).toBe(code);
}

describeEachEngine('API fuzz: every bad request gets a typed answer and changes nothing', (engine) => {
  let relay: FuzzRelay;
  let doc: DocumentSchemas;
  let keys: { act: IssuedKey; read: IssuedKey; other: IssuedKey; revoked: IssuedKey };
  let own: string[];
  let before: RecordFingerprint;
  let started = 0;

  /** Sends a few at a time; the relay's clock moves on between batches so no key runs out of its rate. */
  function paced<T>(items: readonly T[], each: (item: T) => Promise<void>): Promise<void> {
    return inBatches(items, each, () => relay.clock.advance(1000));
  }

  function unchanged(block: string): Promise<void> {
    return expectUnchanged(relay, before, block);
  }

  beforeAll(async () => {
    started = Date.now();
    restartDraws();
    relay = await startFuzzRelay('api', await engine.store());
    for (const platformId of ['alpha', 'beta'])
      await perform(relay.core, 'platform.create', { platformId, name: platformId, kind: 'platform' });
    own = [];
    for (const platformId of ['alpha', 'alpha', 'alpha', 'beta']) {
      const args = createRequestArgs(platformId);
      await perform(relay.core, 'request.create', args);
      if (platformId === 'alpha') own.push(args.requestId as string);
    }
    keys = {
      act: await issueKey(relay.core, 'alpha', 'act'),
      read: await issueKey(relay.core, 'alpha', 'read'),
      other: await issueKey(relay.core, 'beta', 'act'),
      revoked: await issueKey(relay.core, 'alpha', 'act'),
    };
    await revokeKey(relay.core, keys.revoked.id);
    // Reading records the receipts; once they are in, reading changes nothing.
    for (const key of [keys.act, keys.other]) await relay.exchange('GET', '/api/v1/requests', { authorization: `Bearer ${key.key}` });
    await waitFor(() => [...relay.core.view.requests.values()].every((request) => request.receivedAt !== null), 'receipts');
    doc = new DocumentSchemas(JSON.parse((await relay.exchange('GET', '/api/v1/openapi.json', {})).text) as OpenApiDoc);
    before = await verifiedFingerprint(relay);
  }, ENGINE_START_MS);

  afterAll(async () => {
    reportSent(`API fuzz on ${engine.name}`, started);
    await relay.close();
  });

  it('Authorization headers that are not a live key of this relay: one 401 on every route', async () => {
    const key = keys.act.key;
    const headers = [
      ...draw(fc.string({ maxLength: 120 }), 150),
      ...draw(
        fc.string({ maxLength: 90 }).map((text) => `Bearer ${text}`),
        150,
      ),
      ...draw(fc.tuple(fc.nat(key.length - 1), fc.constantFrom(...'abcdefABCDEF0123456789_-xyz')), 150).map(
        ([at, c]) => `Bearer ${key.slice(0, at)}${c}${key.slice(at + 1)}`,
      ),
      ...draw(fc.constantFrom('Basic', 'Token', 'Bearer:', 'Bearer\t', 'Bearer  x'), 20).map((scheme) => `${scheme} ${key}`),
      `Bearer ${keys.revoked.key}`,
      `Bearer ${key.slice(0, 40)}`,
      `Bearer ${key}${key}`,
    ].filter((header) => !new RegExp(`^bearer +${key}$`, 'i').test(header.trim()));
    const routes: [string, string, string | undefined][] = [
      ['GET', '/api/v1/requests', undefined],
      ['GET', `/api/v1/requests/${own[0]}`, undefined],
      ['POST', `/api/v1/requests/${own[0]}/acknowledge`, '{}'],
    ];
    await paced(headers, async (authorization) => {
      const [method, path, body] = routes[authorization.length % routes.length] ?? routes[0]!;
      const answer = await relay.exchange(method, path, { authorization, 'idempotency-key': newId() }, body);
      expectRefusal(answer, 401, 'unauthenticated', `${method} ${path} with ${JSON.stringify(authorization)}`);
    });
    await unchanged('authorization');
    countSent('authorization headers', headers.length);
  });

  it('generated methods and paths under /api/v1, with a live key', async () => {
    const segment = fc.oneof(
      fc.constantFrom('requests', 'openapi.json', 'docs', 'v1', '', '..', '%2e%2e', '%ZZ', '%00', 'REQUESTS', ...ACTIONS, ...own, newId()),
      fc.string({ maxLength: 20 }).map(encodeURIComponent),
    );
    const requests = draw(
      fc.record({
        method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'),
        segments: fc.array(segment, { minLength: 0, maxLength: 4 }),
      }),
      600,
    );
    await paced(requests, async ({ method, segments }) => {
      const path = `/api/v1${segments.length ? `/${segments.join('/')}` : ''}`;
      const answer = await relay.exchange(
        method,
        path,
        { authorization: `Bearer ${keys.act.key}` },
        method === 'GET' || method === 'HEAD' ? undefined : '{}',
      );
      const context = `${method} ${path}`;
      let decoded: string[] | undefined;
      try {
        decoded = segments.map(decodeURIComponent);
      } catch {
        decoded = undefined;
      }
      const [first, second, third] = decoded ?? [];
      const n = decoded?.length ?? -1;
      if (method === 'GET' && n === 1 && (first === 'openapi.json' || first === 'docs' || first === 'requests'))
        expect(answer.status, context).toBe(200);
      else if (method === 'GET' && n === 2 && first === 'requests') {
        if (!UUID.test(second ?? '')) expectRefusal(answer, 400, 'invalid_payload', context);
        else if (own.includes(second ?? '')) expect(answer.status, context).toBe(200);
        else expectRefusal(answer, 404, 'not_found', context);
      } else if (method === 'POST' && n === 3 && first === 'requests' && ACTIONS.includes(third ?? '')) {
        // No Idempotency-Key (or no valid path id): refused before anything is decided.
        expectRefusal(answer, 400, 'invalid_payload', context);
      } else if (method === 'HEAD') expect(answer.status, context).toBe(404);
      else expectRefusal(answer, 404, 'not_found', context);
    });
    await unchanged('methods and paths');
    countSent('methods and paths', requests.length);
  });

  it('generated queries of the list and of one request, judged by the document’s parameter schemas', async () => {
    const value = fc.oneof(
      fc.constantFrom(
        '',
        '0',
        '1',
        '100',
        '500',
        '501',
        '-1',
        '1.5',
        '1e3',
        '0x10',
        '007',
        'true',
        'false',
        'TRUE',
        'open',
        'open,closed',
        'open,',
        ',open',
        'needs_info,answered',
        'platform',
        'ministry',
        'urgency',
        'updated',
        '9007199254740991',
        '9007199254740992',
        '99999999999999999',
      ),
      fc.string({ maxLength: 12 }),
    );
    const params = fc.dictionary(
      fc.constantFrom(
        'status',
        'waiting',
        'late',
        'updatedSince',
        'order',
        'limit',
        'cursor',
        'timelineAfter',
        'timelineLimit',
        'platform',
        'x',
      ),
      value,
      { maxKeys: 4 },
    );
    const queries = draw(fc.record({ detail: fc.boolean(), params }), 600);
    await paced(queries, async ({ detail, params: query }) => {
      const docPath = detail ? '/requests/{id}' : '/requests';
      const search = new URLSearchParams(query).toString();
      const path = `/api/v1/requests${detail ? `/${own[1]}` : ''}${search ? `?${search}` : ''}`;
      const answer = await relay.exchange('GET', path, { authorization: `Bearer ${keys.read.key}` });
      const valid = doc.queryIsValid('GET', docPath, query);
      if (valid) {
        expect(answer.status, `${path}: ${answer.text.slice(0, 300)}`).toBe(200);
        if (!detail) requestPageSchema.parse(JSON.parse(answer.text));
      } else expectRefusal(answer, 400, 'invalid_payload', path);
    });
    await unchanged('queries');
    countSent('queries', queries.length);
  });

  it('generated bodies and Idempotency-Keys for every change, judged by the document’s body schemas', async () => {
    let bodies = 0;
    for (const action of ACTIONS) {
      const schema = doc.requestBodySchema('POST', `/requests/{id}/${action}`);
      const validate = doc.validator(schema);
      const base = draw(doc.arbitrary(schema), 1)[0] as Record<string, unknown>;
      const fieldNames = Object.keys((doc.resolve(schema).properties as Schema | undefined) ?? {});
      const texts = [
        ...draw(fc.json({ maxDepth: 3 }), 60),
        ...draw(fc.string({ maxLength: 60 }), 30),
        ...draw(fc.record(Object.fromEntries(fieldNames.map((name) => [name, anyValue])), { requiredKeys: [] }), 60).map((body) =>
          JSON.stringify(body),
        ),
        ...fieldNames.flatMap((name) =>
          OVERSIZED_STRING_LENGTHS.map((length) => JSON.stringify(withField(base, [name], 'x'.repeat(length)))),
        ),
        ...fieldNames.flatMap((name) => draw(anyValue, 10).map((value) => JSON.stringify(withField(base, [name], value)))),
        JSON.stringify({ ...base, unexpected: true }),
        '[]',
        'null',
        '{',
      ];
      await paced(texts, async (text) => {
        let json: unknown;
        let parsed = true;
        try {
          json = text.trim() === '' ? {} : JSON.parse(text);
        } catch {
          parsed = false;
        }
        const context = `${action} ${text.slice(0, 200)}`;
        // A body the document takes is sent about a request that does not exist: decided, refused, nothing changed.
        const fits = parsed && validate(json);
        const target = fits ? newId() : (own[0] ?? '');
        const answer = await relay.exchange(
          'POST',
          `/api/v1/requests/${target}/${action}`,
          { authorization: `Bearer ${keys.act.key}`, 'idempotency-key': newId(), 'content-type': 'application/json' },
          text,
        );
        if (fits) {
          expect([400, 404], context).toContain(answer.status);
          expectRefusal(answer, answer.status, answer.status === 404 ? 'not_found' : 'invalid_payload', context);
        } else expectRefusal(answer, 400, 'invalid_payload', context);
      });
      bodies += texts.length;
    }
    const idempotencyKeys = [
      ...draw(fc.string({ maxLength: 40 }), 80),
      ...draw(fc.uuid(), 20),
      'f'.repeat(36),
      `${newId()} `,
      newId().toUpperCase(),
    ];
    await paced(idempotencyKeys, async (idempotencyKey) => {
      const answer = await relay.exchange(
        'POST',
        `/api/v1/requests/${newId()}/comments`,
        { authorization: `Bearer ${keys.act.key}`, 'idempotency-key': idempotencyKey },
        '{"body":"x"}',
      );
      const valid = UUID.test(idempotencyKey.trim());
      expectRefusal(
        answer,
        valid ? 404 : 400,
        valid ? 'not_found' : 'invalid_payload',
        `Idempotency-Key ${JSON.stringify(idempotencyKey)}`,
      );
    });
    const huge = await relay.exchange(
      'POST',
      `/api/v1/requests/${own[0]}/comments`,
      { authorization: `Bearer ${keys.act.key}`, 'idempotency-key': newId() },
      JSON.stringify({ body: 'x'.repeat(1_000_001) }),
    );
    expectRefusal(huge, 413, 'invalid_payload', 'a body over the message limit');
    await unchanged('bodies');
    countSent('bodies', bodies + idempotencyKeys.length + 1);
  });

  it('after all of it, the record is unchanged and a valid change goes through', async () => {
    await unchanged('end');
    const answer = await relay.exchange('POST', `/api/v1/requests/${own[2]}/acknowledge`, {
      authorization: `Bearer ${keys.act.key}`,
      'idempotency-key': newId(),
    });
    expect(answer.status, answer.text).toBe(200);
    expect(relay.core.headSeq).toBe(before.headSeq + 1);
    expect(chainVerifies(await takeFingerprint(relay))).toBe(true);
  });
});
