import type { Actor, EnrollResponse, Mutation, MutationResult } from '@contact-desk/shared';
import type { Session } from './session.js';

/** Work waiting for the next group commit. Each job is answered only after its batch commits. */
export type Job =
  | {
      readonly kind: 'mutations';
      readonly session: Session;
      readonly mutations: readonly Mutation[];
      readonly done: (results: MutationResult[]) => void;
    }
  | { readonly kind: 'deadlines'; readonly requestIds: readonly string[]; readonly done: () => void }
  | {
      readonly kind: 'receipt';
      readonly requestId: string;
      readonly deviceId: string;
      readonly done: () => void;
    }
  | {
      readonly kind: 'enroll';
      readonly code: string;
      readonly deviceLabel: string;
      readonly done: (response: EnrollResponse) => void;
    };

export interface EnrolledDevice {
  readonly token: string;
  readonly deviceId: string;
  readonly actor: Actor;
}
