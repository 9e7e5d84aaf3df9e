import type pg from 'pg';
import { advisoryKey } from './pg-connections.js';

/**
 * `NodeCoordination.tryLead` on PostgreSQL: a role is a session-level advisory lock, held on a
 * connection of its own for as long as the node leads. The lock is the server's, so it goes with
 * the session: when the node closes, crashes, or its connection is cut (the server probes silent
 * clients with TCP keepalives), another node's next `tryLead` takes it. The holder learns it has
 * lost the role from its connection's error or end, or from a check query that fails or goes
 * unanswered: a node cut off from the server stops leading within two checks (10 s by default),
 * before the server gives up on its silent session and lets another node take over (about 25 s,
 * see `sessionSettings`), rather than when its own TCP stack gives up (minutes).
 */
export class AdvisoryLeads {
  private readonly held = new Map<string, pg.Client>();
  private readonly pending = new Map<string, Promise<boolean>>();

  constructor(
    private readonly connect: () => pg.Client,
    /** How often a held role's session is checked (default 5 s). */
    private readonly checkEveryMs = 5000,
  ) {}

  tryLead(role: string, onLost: () => void): Promise<boolean> {
    if (this.held.has(role)) return Promise.resolve(true);
    let attempt = this.pending.get(role);
    if (!attempt) {
      attempt = this.take(role, onLost).finally(() => this.pending.delete(role));
      this.pending.set(role, attempt);
    }
    return attempt;
  }

  async stepDown(role: string): Promise<void> {
    const client = this.held.get(role);
    if (!client) return;
    this.held.delete(role);
    // A session that broke has let go of the lock already (the server releases it with the
    // session), so a failed unlock leaves nothing held: ending the session is what counts.
    await client.query('SELECT pg_advisory_unlock($1)', [advisoryKey(`lead:${role}`)]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }

  /** Ends every held role's session, without calling `onLost` (the node gives its roles up). */
  async close(): Promise<void> {
    const clients = [...this.held.values()];
    this.held.clear();
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  }

  private async take(role: string, onLost: () => void): Promise<boolean> {
    const client = this.connect();
    // Until the lock is taken, errors reach the caller through the rejected calls below.
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1) AS taken', [advisoryKey(`lead:${role}`)]);
      if (!rows[0]?.taken) {
        await client.end();
        return false;
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.held.set(role, client);
    const check = setInterval(() => void this.answers(client).then((alive) => alive || lost()), this.checkEveryMs);
    check.unref();
    const lost = () => {
      clearInterval(check);
      if (this.held.get(role) !== client) return; // stepped down, or already reported
      this.held.delete(role);
      void client.end().catch(() => undefined);
      onLost();
    };
    client.on('error', lost);
    client.on('end', lost);
    return true;
  }

  /** Whether the session answers a trivial query within a check's interval. */
  private async answers(client: pg.Client): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const silence = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), this.checkEveryMs)));
    const answer = client.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answer, silence]);
    } finally {
      clearTimeout(timer);
    }
  }
}
