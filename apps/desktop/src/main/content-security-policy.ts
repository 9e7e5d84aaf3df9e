import type { Session } from 'electron';
import { originOf } from './origin';

export interface PolicyOptions {
  /** http(s) origins of the relays the user enrolled with. */
  readonly relayOrigins: readonly string[];
  /**
   * Development only (never when packaged): the Vite dev server origin. Its HMR socket and
   * React Refresh preamble need ws: and inline script/style; production gets none of that.
   */
  readonly devServerOrigin?: string;
}

/** `https://relay:8443` → [`https://relay:8443`, `wss://relay:8443`]; http → ws likewise. */
export function connectSourcesFor(origin: string): string[] {
  const parsed = originOf(origin);
  if (parsed === null) return [];
  if (parsed.startsWith('https://')) return [parsed, `wss://${parsed.slice('https://'.length)}`];
  if (parsed.startsWith('http://')) return [parsed, `ws://${parsed.slice('http://'.length)}`];
  return [];
}

export function buildContentSecurityPolicy({ relayOrigins, devServerOrigin }: PolicyOptions): string {
  const dev = devServerOrigin === undefined ? [] : connectSourcesFor(devServerOrigin);
  const connect = [...new Set(["'self'", ...relayOrigins.flatMap(connectSourcesFor), ...dev])];
  const inlineInDev = dev.length > 0 ? ["'unsafe-inline'"] : [];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...dev.slice(0, 1), ...inlineInDev]],
    ['style-src', ["'self'", ...dev.slice(0, 1), ...inlineInDev]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', connect],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Response headers with our policy, replacing any policy the response carried. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] };
}

/** Sets the policy on every response; `currentPolicy` is called each time, so new relays apply at once. */
export function installContentSecurityPolicy(session: Session, currentPolicy: () => string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, currentPolicy()) });
  });
}
