import type { Mutation } from '@contact-desk/shared';
import type { OutboxEntry } from '../local-db.js';

/**
 * The mutations waiting for the relay's answer, in the order the user made them, as kept in
 * memory beside their durable copy (the local database's outbox table). An entry leaves when
 * the relay answers it or when its event comes back in a pull or a live batch.
 */
export class Outbox {
  private entries: OutboxEntry[] = [];

  get size(): number {
    return this.entries.length;
  }

  get mutations(): readonly Mutation[] {
    return this.entries.map((entry) => entry.mutation);
  }

  /** The first `count` entries, the oldest first. */
  head(count: number): readonly OutboxEntry[] {
    return this.entries.slice(0, count);
  }

  find(mutationId: string): OutboxEntry | undefined {
    return this.entries.find((entry) => entry.mutationId === mutationId);
  }

  /** Replaces the entries (read back from the local database at start-up). */
  load(entries: readonly OutboxEntry[]): void {
    this.entries = [...entries];
  }

  add(entries: readonly OutboxEntry[]): void {
    this.entries.push(...entries);
  }

  drop(mutationIds: ReadonlySet<string>): void {
    if (mutationIds.size > 0) this.entries = this.entries.filter((entry) => !mutationIds.has(entry.mutationId));
  }
}
