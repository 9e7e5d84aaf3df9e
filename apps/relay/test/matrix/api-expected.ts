/**
 * What an API key may do, written from the domain rules (docs/integrations.md, "The REST API"): a
 * key speaks for one platform's liaison; `read` lists and reads, `act` also takes the liaison's
 * steps; another platform's request is, to a key, a request that does not exist. Deliberately not
 * derived from the relay's route table: the matrix checks that code against this.
 */
import type { ApiKeyScope, EventType } from '@contact-desk/shared';

/** The liaison's steps a platform's tool may take, and the event each records. */
export const API_STEPS: Readonly<Record<string, EventType>> = {
  acknowledge: 'request.acknowledged',
  answer: 'request.answered',
  'request-info': 'request.infoRequested',
  contest: 'request.contested',
  comments: 'comment.added',
  assign: 'request.assigned',
};

export type ApiRoute = 'list' | 'detail' | keyof typeof API_STEPS;

export type ApiVerdict = 200 | 403 | 404;

export function expectedApiVerdict(scope: ApiKeyScope, keyPlatform: string, route: ApiRoute, targetPlatform: string): ApiVerdict {
  const isStep = route !== 'list' && route !== 'detail';
  if (isStep && scope === 'read') return 403;
  if (route !== 'list' && targetPlatform !== keyPlatform) return 404;
  return 200;
}

/** The error code each refusal carries. */
export const VERDICT_CODE: Readonly<Record<Exclude<ApiVerdict, 200>, string>> = { 403: 'forbidden', 404: 'not_found' };
