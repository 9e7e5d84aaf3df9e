/**
 * Hostile input on the relay's HTTP side: generated bodies for `POST /enroll`, generated methods
 * and paths, and garbage for the local administration endpoint, with and without its secret.
 * Every answer is a typed JSON error with the status the protocol gives (§4), the relay keeps
 * serving, and its record is exactly what it was before.
 */
import { spawnSync } from 'node:child_process';
import { METHODS } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTATION_TYPES, mutationArgsSchemas, newId, type MutationType } from '@contact-desk/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perform } from '../src/cli/admin-actions.js';
import { inBatches, startFuzzRelay, typedError, type FuzzRelay } from './fuzz/http-relay.js';
import { anyValue, countSent, draw, isPlainObject, reportSent } from './fuzz/oracles.js';
import { chainVerifies, fingerprint, type RecordFingerprint } from './fuzz/record.js';
import { MUTATION_SPECS, phantomTargets } from './matrix/mutation-args.js';

const RELAY_BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'relay.mjs');
const SECRET = 'fuzz-admin-secret-0123456789abcdef';
const ENROLL_BODY_MAX = 4096;
const ADMIN_BODY_MAX = 65_536;

let relay: FuzzRelay;
let before: RecordFingerprint;
const started = Date.now();

/** The enrollment guard counts refused codes per 15 minutes of relay time: move past the window. */
function nextWindow(): void {
  relay.clock.advance(16 * 60_000);
}

/** Length in characters (code points), as the schema counts them. */
function characters(text: string): number {
  return [...text.trim()].length;
}

/** The verdict of §4.2 for an enrollment body. */
function enrollVerdict(text: string): { status: number[]; code: string[] } {
  if (Buffer.byteLength(text) > ENROLL_BODY_MAX) return { status: [413], code: ['invalid_payload'] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: [400], code: ['invalid_payload'] };
  }
  const shapeOk =
    isPlainObject(json) &&
    Object.keys(json).sort().join() === 'code,deviceLabel' &&
    typeof json.code === 'string' &&
    characters(json.code) >= 4 &&
    characters(json.code) <= 40 &&
    typeof json.deviceLabel === 'string' &&
    characters(json.deviceLabel) >= 1 &&
    characters(json.deviceLabel) <= 80;
  // A well-formed but unknown code: 401; past the guard's limit, 429 without looking at it.
  return shapeOk ? { status: [401, 429], code: ['unauthenticated', 'rate_limited'] } : { status: [400], code: ['invalid_payload'] };
}

beforeAll(async () => {
  relay = await startFuzzRelay('http', { adminSecret: SECRET });
  await perform(relay.core, 'platform.create', { platformId: 'alpha', name: 'Alpha', kind: 'platform' });
  await perform(relay.core, 'user.create', { userId: newId(), name: 'Lina Liaison', role: 'liaison', platformId: 'alpha' });
  before = fingerprint(relay);
  expect(chainVerifies(before)).toBe(true);
});

afterAll(async () => {
  reportSent('HTTP fuzz', started);
  await relay.close();
});

describe('HTTP fuzz: every bad request gets a typed error and changes nothing', () => {
  it('POST /enroll with generated bodies', async () => {
    const bodies = [
      ...draw(fc.json({ maxDepth: 3 }), 300),
      ...draw(fc.string({ maxLength: 200 }), 150),
      ...draw(fc.string({ unit: 'binary', maxLength: 100 }), 50),
      ...draw(
        fc.record(
          { code: fc.oneof(fc.string({ maxLength: 50 }), anyValue), deviceLabel: fc.oneof(fc.string({ maxLength: 100 }), anyValue) },
          { requiredKeys: [] },
        ),
        300,
      ).map((body) => JSON.stringify(body)),
      ...draw(
        fc.record(
          { code: fc.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/), deviceLabel: fc.constant('Laptop'), extra: anyValue },
          { requiredKeys: ['code', 'deviceLabel'] },
        ),
        60,
      ).map((body) => JSON.stringify(body)),
      JSON.stringify({ code: 'x'.repeat(ENROLL_BODY_MAX), deviceLabel: 'Laptop' }),
      'x'.repeat(100_000),
      '',
    ];
    await inBatches(
      bodies,
      async (body) => {
        const answer = await relay.exchange('POST', '/enroll', { 'content-type': 'application/json' }, body);
        const context = `enroll ${JSON.stringify(body.slice(0, 200))}`;
        const verdict = enrollVerdict(body);
        expect(verdict.status, context).toContain(answer.status);
        expect(verdict.code, context).toContain(typedError(answer, context).code);
      },
      nextWindow,
    );
    // Raw bytes that are not UTF-8 at all.
    for (const bytes of draw(fc.uint8Array({ minLength: 1, maxLength: 64 }), 40)) {
      const answer = await relay.exchange('POST', '/enroll', {}, Buffer.from(bytes));
      expect([400, 401]).toContain(answer.status);
      typedError(answer, `bytes ${Buffer.from(bytes).toString('hex')}`);
    }
    // An abusive size is cut off mid-body (the connection is reset), and nothing else is affected.
    await relay.exchange('POST', '/enroll', {}, 'x'.repeat(ENROLL_BODY_MAX * 300)).then(
      (answer) => expect(answer.status).toBe(413),
      (error: Error & { code?: string }) => expect(['ECONNRESET', 'EPIPE']).toContain(error.code),
    );
    expect((await relay.exchange('GET', '/healthz')).status).toBe(200);
    countSent('enroll bodies', bodies.length + 41);
  });

  it('generated methods and paths', async () => {
    const methods = fc.oneof(
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE'),
      fc.stringMatching(/^[A-Z]{1,12}$/),
    );
    const paths = fc.oneof(
      fc.webPath(),
      fc.string({ maxLength: 60 }).map((text) => `/${encodeURIComponent(text)}`),
      fc.constantFrom(
        '/',
        '//enroll',
        '/enroll/',
        '/ENROLL',
        '/healthz/',
        '/healthz?x=1',
        '/admin/perform/',
        '/admin',
        '/socket.io',
        '/%00',
        '/..%2f..%2fetc%2fpasswd',
        '/api/v1',
        '/api/v1/requests',
        '/api/v1/docs',
        '/api/v1/openapi.json?x=1',
        '/readyz',
        '/readyz?x=1',
        '/readyz/',
        '/metrics',
        '/metrics?x=1',
        '/metrics/',
      ),
    );
    // CONNECT asks the server to open a tunnel, which is another protocol than HTTP requests.
    const requests = draw(fc.record({ method: methods, path: paths }), 500).filter((r) => r.method !== 'CONNECT');
    await inBatches(
      requests,
      async ({ method, path }) => {
        const answer = await relay.exchange(method, path, {}, method === 'GET' || method === 'HEAD' ? undefined : '{}');
        const route = path.split('?')[0];
        const context = `${method} ${path}`;
        // A method Node's parser does not know never reaches a route.
        if (!METHODS.includes(method)) {
          expect(answer.status, context).toBe(400);
          expect(typedError(answer, context).code).toBe('invalid_payload');
        } else if (method === 'OPTIONS') expect(answer.status, context).toBe(204);
        else if (method === 'GET' && (route === '/healthz' || route === '/readyz')) expect(answer.status, context).toBe(200);
        // Without the admin secret, the same refusal whether the relay has metrics or not.
        else if (method === 'GET' && route === '/metrics') expect(typedError(answer, context).code).toBe('unauthenticated');
        else if (method === 'POST' && route === '/enroll') expect(typedError(answer, context).code).toBe('invalid_payload');
        else if (method === 'POST' && route === '/admin/perform') expect(typedError(answer, context).code).toBe('unauthenticated');
        else if (method === 'HEAD') expect(answer.status, context).toBe(404);
        else if (route?.startsWith('/socket.io')) expect(answer.status, context).toBeGreaterThanOrEqual(400);
        // The REST API (its own fuzz suite, fuzz-api.test.ts): without a key, its reference documents or a typed refusal.
        else if (route === '/api/v1' || route?.startsWith('/api/v1/')) {
          if (method === 'GET' && (route === '/api/v1/openapi.json' || route === '/api/v1/docs')) expect(answer.status, context).toBe(200);
          else expect(['not_found', 'unauthenticated'], context).toContain(typedError(answer, context).code);
        } else {
          expect(answer.status, context).toBe(404);
          expect(typedError(answer, context).code, context).toBe('not_found');
        }
      },
      nextWindow,
    );
    countSent('methods and paths', requests.length);
  });

  it('the administration endpoint: no secret, a wrong secret, and garbage with the right one', async () => {
    const wrongSecrets = [
      undefined,
      '',
      'Bearer',
      `Bearer ${SECRET.slice(1)}`,
      `Bearer ${SECRET}x`,
      `Bearer  ${SECRET}`,
      `Basic ${SECRET}`,
      ...draw(fc.string({ maxLength: 60 }), 60),
    ];
    const body = JSON.stringify({ type: 'platform.create', args: { platformId: 'gamma', name: 'Gamma', kind: 'platform' } });
    await inBatches(wrongSecrets, async (authorization) => {
      const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
      const answer = await relay.exchange('POST', '/admin/perform', headers, body);
      expect(answer.status, String(authorization)).toBe(401);
      expect(typedError(answer, String(authorization)).code).toBe('unauthenticated');
    });

    const known = fc.constantFrom(...MUTATION_TYPES);
    const garbage: string[] = [
      ...draw(fc.json({ maxDepth: 3 }), 200),
      ...draw(fc.string({ maxLength: 100 }), 100),
      ...draw(
        fc.record(
          { type: fc.oneof(known, fc.string({ maxLength: 30 }), anyValue), args: fc.oneof(anyValue, fc.jsonValue({ maxDepth: 3 })) },
          { requiredKeys: [] },
        ),
        400,
      )
        // A valid administration command is not a bad input.
        .filter(
          (command) =>
            !(
              typeof command.type === 'string' &&
              (MUTATION_TYPES as readonly string[]).includes(command.type) &&
              mutationArgsSchemas[command.type as MutationType].safeParse(command.args).success
            ),
        )
        .map((command) => JSON.stringify(command)),
      // Valid arguments with one field broken, for every type.
      ...MUTATION_TYPES.map((type) =>
        JSON.stringify({ type, args: { ...MUTATION_SPECS[type].args(phantomTargets('alpha')), unexpected: true } }),
      ),
      'null',
      '[]',
      '"platform.create"',
      JSON.stringify({ type: 'platform.create', args: { platformId: 'x'.repeat(ADMIN_BODY_MAX) } }),
    ];
    await inBatches(garbage, async (text) => {
      const answer = await relay.exchange('POST', '/admin/perform', { authorization: `Bearer ${SECRET}` }, text);
      const context = `admin ${text.slice(0, 200)}`;
      const error = typedError(answer, context);
      if (Buffer.byteLength(text) > ADMIN_BODY_MAX) {
        expect([answer.status, error.code], context).toEqual([413, 'invalid_payload']);
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        expect([answer.status, error.code], context).toEqual([400, 'invalid_payload']);
        return;
      }
      if (!isPlainObject(json)) expect([answer.status, error.code], context).toEqual([400, 'invalid_payload']);
      else if (typeof json.type !== 'string' || !(MUTATION_TYPES as readonly string[]).includes(json.type)) {
        expect([answer.status, error.code], context).toEqual([400, 'unknown_mutation']);
      } else expect([answer.status, error.code], context).toEqual([400, 'invalid_payload']);
    });

    // Well-formed commands the relay refuses: each with its own code and status, as on the socket.
    const refused: [string, unknown, number, string][] = [
      ['platform.update', { platformId: 'nowhere', patch: { name: 'X' } }, 404, 'not_found'],
      ['user.revoke', { userId: newId() }, 404, 'not_found'],
      ['platform.create', { platformId: 'alpha', name: 'Alpha again', kind: 'platform' }, 409, 'conflict'],
      ['request.acknowledge', { requestId: newId() }, 403, 'forbidden'],
    ];
    for (const [type, args, status, code] of refused) {
      const answer = await relay.exchange('POST', '/admin/perform', { authorization: `Bearer ${SECRET}` }, JSON.stringify({ type, args }));
      expect([answer.status, typedError(answer, type).code], type).toEqual([status, code]);
    }
    countSent('admin requests', wrongSecrets.length + garbage.length + refused.length);
  });

  it('after all of it, the record is unchanged and valid requests succeed', async () => {
    expect(fingerprint(relay)).toEqual(before);
    // The relay's own audit, as an operator runs it on the data folder: the chain verifies.
    const audit = spawnSync(process.execPath, [RELAY_BIN, 'audit', 'verify', '-d', relay.dataDir], { encoding: 'utf8' });
    expect(audit.status, audit.stderr).toBe(0);
    expect(audit.stdout).toContain(`ok, ${before.headSeq} events, head ${before.chain.ok ? before.chain.headHash : '?'}`);
    const health = await relay.exchange('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ ok: true, headSeq: before.headSeq });
    // A valid administration command and a valid enrollment go through.
    const userId = newId();
    const created = await relay.exchange(
      'POST',
      '/admin/perform',
      { authorization: `Bearer ${SECRET}` },
      JSON.stringify({ type: 'user.create', args: { userId, name: 'Oscar Operator', role: 'operator' } }),
    );
    expect(created.status).toBe(200);
    const code = (JSON.parse(created.text) as { result: { data: { enrollmentCode: string } } }).result.data.enrollmentCode;
    nextWindow();
    const enrolled = await relay.exchange(
      'POST',
      '/enroll',
      { 'content-type': 'application/json' },
      JSON.stringify({ code, deviceLabel: 'Laptop' }),
    );
    expect(enrolled.status).toBe(200);
    expect(JSON.parse(enrolled.text)).toMatchObject({ ok: true, actor: { userId, role: 'operator' } });
    expect(relay.core.headSeq).toBe(before.headSeq + 3);
    expect(chainVerifies(fingerprint(relay))).toBe(true);
  });
});
