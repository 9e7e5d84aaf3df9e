/**
 * The REST API over real HTTP, as a platform's tool calls it: any method, path, headers and body
 * bytes, and API keys issued through the relay's own administration path.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { newId, type ApiKeyScope } from '@contact-desk/shared';
import { perform } from '../../src/cli/admin-actions.js';
import type { RelayCore } from '../../src/core/relay-core.js';

export interface ApiReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  json<T = Record<string, unknown>>(): T;
}

export interface CallOptions {
  /** The API key, sent as `Authorization: Bearer <key>`. */
  readonly key?: string;
  /** A raw `Authorization` header instead (wins over `key`). */
  readonly authorization?: string;
  /** A JSON value, or a string sent as is. */
  readonly body?: unknown;
  readonly idempotencyKey?: string;
  readonly headers?: Record<string, string>;
}

function reply(status: number, headers: IncomingHttpHeaders, text: string): ApiReply {
  return { status, headers, text, json: <T>() => JSON.parse(text) as T };
}

function headersOf(options: CallOptions, body: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { ...options.headers };
  const authorization = options.authorization ?? (options.key === undefined ? undefined : `Bearer ${options.key}`);
  if (authorization !== undefined) headers.authorization = authorization;
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  if (body !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  return headers;
}

export function bodyText(body: unknown): string | undefined {
  return body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
}

/** One HTTP exchange with the relay at `url`. */
export function call(url: string, method: string, path: string, options: CallOptions = {}): Promise<ApiReply> {
  const target = new URL(path, url);
  const body = bodyText(options.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { method, headers: headersOf(options, body) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(reply(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString('utf8'))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A POST sent with `Expect: 100-continue`: the relay checks the key, its scope and its rate before
 * asking for the body. `beforeBody` runs once the relay said "100 Continue" (the request is
 * admitted) and before the body is sent; a refusal comes back without the body ever being sent.
 */
export function callWithContinue(
  url: string,
  path: string,
  options: CallOptions,
  beforeBody: () => Promise<void> = async () => undefined,
): Promise<ApiReply & { readonly continued: boolean }> {
  const body = bodyText(options.body) ?? '';
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = httpRequest(
      new URL(path, url),
      { method: 'POST', headers: { ...headersOf(options, body), expect: '100-continue' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ ...reply(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString('utf8')), continued }));
        res.on('error', reject);
      },
    );
    req.on('continue', () => {
      continued = true;
      void beforeBody().then(() => req.end(body), reject);
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

export interface IssuedKey {
  readonly id: string;
  readonly key: string;
  readonly platformId: string;
  readonly scope: ApiKeyScope;
  readonly name: string;
}

/** Issues an API key as the prefect would, and returns it (shown once). */
export async function issueKey(
  core: RelayCore,
  platformId: string,
  scope: ApiKeyScope,
  name = `${platformId} ${scope} tool`,
): Promise<IssuedKey> {
  const id = newId();
  const result = await perform(core, 'apiKey.issue', { apiKeyId: id, platformId, name, scope });
  const key = result.data?.apiKey;
  if (!key) throw new Error('no API key in the answer');
  return { id, key, platformId, scope, name };
}

export async function revokeKey(core: RelayCore, id: string): Promise<void> {
  await perform(core, 'apiKey.revoke', { apiKeyId: id });
}
