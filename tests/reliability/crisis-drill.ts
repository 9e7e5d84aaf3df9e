/**
 * The crisis drill against a real relay process: ten ministry devices (the prefect and nine
 * operators) each paste a list of URLs, sorted by `pastePreview` into one request per platform,
 * while two liaison devices per platform acknowledge and answer what reaches them. Every device
 * runs the app's real sync engine with its own credentials and a clock that is not the relay's.
 * Used by `crisis-drill.test.ts` and by the client bench.
 */
import {
  LIMITS,
  newId,
  pastePreview,
  PENDING_STATUSES,
  type DomainState,
  type MutationResult,
  type MutationType,
} from '@contact-desk/shared';
import { addUserAsync, freePort, type RelayProcess } from '../support/relay-process';
import { crisisLists, DRILL_DOMAINS, type CrisisList } from './crisis-lists';
import { EngineDevice, planned } from './engine-device';
import { LiaisonDesk } from './liaison-desk';
import { enroll } from './load-device';
import { loadRelay, removeDir, tempDir } from './load-relay';

const PLATFORM_NAMES: Readonly<Record<string, string>> = {
  youtube: 'YouTube',
  meta: 'Meta',
  x: 'X',
  tiktok: 'TikTok',
  snapchat: 'Snapchat',
  dailymotion: 'Dailymotion',
  microsoft: 'Microsoft',
  telegram: 'Telegram',
};
/** The devices' clocks are off the relay's: only the relay's may reach the record. */
export const MINISTRY_SKEW_MS = 7 * 60_000;
export const LIAISON_SKEW_MS = -3 * 60_000;
export const MINISTRY_DEVICES = 10;
export const LIAISONS_PER_PLATFORM = 2;
export const URLS_PER_LIST = 500;

/** What every request of the drill says besides its platform and items. */
export const CRISIS = {
  kind: 'removal',
  priority: 'P0',
  category: 'terrorism_apology',
  grounds: 'Diffusion massive de la vidéo revendiquant l’attentat.',
} as const;

export interface CreatedRequest {
  /** The ministry device (index in `ministry`) whose list it came from. */
  readonly device: number;
  readonly requestId: string;
  readonly platformId: string;
  readonly items: readonly string[];
  readonly part: number;
  readonly parts: number;
}

/** The normalised locations of the requests still open on a device, with their reference. */
function openLocations(state: DomainState): Map<string, string> {
  const open = new Map<string, string>();
  for (const request of state.requests.values()) {
    if (PENDING_STATUSES.includes(request.status)) for (const item of request.items) open.set(item.normalized, request.ref);
  }
  return open;
}

/** Queues a mutation on a device and waits for the relay's answer. */
async function decided(device: EngineDevice, type: MutationType, args: unknown): Promise<MutationResult> {
  const mutation = planned(type, args, device.now());
  const answer = device.engine.result(mutation.mutationId);
  await device.act(mutation);
  return answer;
}

async function started(label: string, url: string, token: string, skewMs: number): Promise<EngineDevice> {
  const device = new EngineDevice(label, url, token, () => Date.now() + skewMs);
  await device.start();
  await device.until(() => device.engine.syncStatus.connection === 'online', 'online');
  return device;
}

export class CrisisDrill {
  /** The lists of the latest paste, and the requests it made. */
  lists: CrisisList[] = [];
  pasted: CreatedRequest[] = [];
  /** When the latest paste began (`Date.now()`). */
  pastedAt = 0;
  /** Every request pasted so far. */
  readonly created: CreatedRequest[] = [];

  private constructor(
    readonly relay: RelayProcess,
    readonly ministry: readonly EngineDevice[],
    readonly desks: readonly LiaisonDesk[],
    /** The token each device was enrolled with (the bench sends the same work without the app). */
    readonly tokens: ReadonlyMap<EngineDevice, string>,
    /** The campaign the prefect started for the crisis: every pasted request is sent under it. */
    readonly campaignId: string,
  ) {}

  get dataDir(): string {
    return this.relay.dataDir;
  }

  /**
   * A relay with the drill's eight platforms and its people: the prefect is added with the CLI,
   * she creates the platforms and the other users from her device, and each person enrolls one
   * device with the code she was given. Resolves once every device is online and in step.
   */
  static async start(): Promise<CrisisDrill> {
    const dataDir = tempDir('contact-desk-drill-');
    const prefectCode = await addUserAsync(dataDir, 'Claire Vautrin', 'prefect');
    const relay = loadRelay(dataDir, await freePort());
    await relay.start();
    const prefectToken = await enroll(relay.url, prefectCode, 'prefect');
    const prefect = await started('prefect', relay.url, prefectToken, MINISTRY_SKEW_MS);
    const platformIds = [...DRILL_DOMAINS.keys()];
    await Promise.all(
      platformIds.map((platformId) =>
        decided(prefect, 'platform.create', { platformId, name: PLATFORM_NAMES[platformId] ?? platformId, kind: 'platform' }),
      ),
    );
    const campaignId = newId();
    await decided(prefect, 'campaign.start', {
      campaignId,
      name: 'Exercice de crise',
      terms: [{ label: 'P0', ackMinutes: 10, actionMinutes: 45 }],
    });
    const people = [
      ...Array.from({ length: MINISTRY_DEVICES - 1 }, (_, index) => ({ label: `operator ${index + 1}`, platformId: null })),
      ...platformIds.flatMap((platformId) =>
        Array.from({ length: LIAISONS_PER_PLATFORM }, (_, index) => ({ label: `${platformId} liaison ${index + 1}`, platformId })),
      ),
    ];
    const codes = await Promise.all(
      people.map(async ({ label, platformId }) => {
        const role = platformId === null ? 'operator' : 'liaison';
        const result = await decided(prefect, 'user.create', { userId: newId(), name: `Drill ${label}`, role, platformId });
        const code = result.status === 'accepted' ? result.data?.enrollmentCode : undefined;
        if (!code) throw new Error(`user.create for ${label} gave no enrollment code`);
        return code;
      }),
    );
    // One after the other: parallel attempts count against the relay's limit on refused codes until each is known good.
    const tokens: string[] = [];
    for (const [index, { label }] of people.entries()) tokens.push(await enroll(relay.url, codes[index] ?? '', label));
    const devices = await Promise.all(
      people.map(({ label, platformId }, index) =>
        started(label, relay.url, tokens[index] ?? '', platformId === null ? MINISTRY_SKEW_MS : LIAISON_SKEW_MS),
      ),
    );
    const ministry = [prefect, ...devices.slice(0, MINISTRY_DEVICES - 1)];
    const desks = devices
      .slice(MINISTRY_DEVICES - 1)
      .map((device, index) => new LiaisonDesk(device, people[MINISTRY_DEVICES - 1 + index]?.platformId ?? ''));
    const tokenOf = new Map(devices.map((device, index) => [device, tokens[index] ?? ''])).set(prefect, prefectToken);
    const drill = new CrisisDrill(relay, ministry, desks, tokenOf, campaignId);
    for (const device of drill.devices) await device.until(() => device.engine.syncStatus.lastSyncedAt !== null, 'in step');
    return drill;
  }

  get devices(): EngineDevice[] {
    return [...this.ministry, ...this.desks.map((desk) => desk.device)];
  }

  /** Every ministry device pastes a list at once; resolves once every request is in an outbox. */
  async paste(seed = 20_261_123): Promise<CreatedRequest[]> {
    this.lists = crisisLists(seed, this.ministry.length, URLS_PER_LIST);
    this.pasted = [];
    this.pastedAt = Date.now();
    await Promise.all(
      this.ministry.map(async (device, index) => {
        const list = this.lists[index];
        if (!list) throw new Error(`no list for ${device.label}`);
        const preview = pastePreview(list.pasted, DRILL_DOMAINS, openLocations(device.engine.state), LIMITS.itemsPerRequest);
        const sent = preview.requests.map(({ platformId, items, part, parts }) => ({
          device: index,
          requestId: newId(),
          platformId,
          items,
          part,
          parts,
        }));
        this.pasted.push(...sent);
        const creates = sent.map(({ requestId, platformId, items }) =>
          planned('request.create', { requestId, platformId, items, campaignId: this.campaignId, ...CRISIS }, device.now()),
        );
        await device.engine.enqueueAll(creates);
      }),
    );
    this.created.push(...this.pasted);
    return this.pasted;
  }

  /** The requests sent to a platform (by the latest paste, or among `requests`). */
  requestsOf(platformId: string, requests: readonly CreatedRequest[] = this.pasted): string[] {
    return requests.filter((request) => request.platformId === platformId).map((request) => request.requestId);
  }

  /**
   * Resolves when every liaison device holds its platform's requests of the latest paste; returns
   * when the last of them arrived (`Date.now()`).
   */
  async untilHeld(timeoutMs = 60_000): Promise<number> {
    for (const desk of this.desks) {
      const expected = this.requestsOf(desk.platformId);
      await desk.device.until(() => desk.holds(expected), `${desk.platformId}'s requests`, timeoutMs);
    }
    return Math.max(...this.desks.flatMap((desk) => this.requestsOf(desk.platformId).map((id) => desk.arrivals.get(id) ?? Infinity)));
  }

  /**
   * Resolves when every request of the latest paste is answered on every device, each liaison
   * device has the relay's answer to each of its acknowledgements and answers, and nothing is left
   * to send.
   */
  async untilAnswered(timeoutMs = 90_000): Promise<number> {
    const answered = (device: EngineDevice, ids: readonly string[]) =>
      device.engine.syncStatus.pending === 0 && ids.every((id) => device.engine.state.requests.get(id)?.status === 'answered');
    for (const desk of this.desks) {
      const ids = this.requestsOf(desk.platformId);
      const decided = (id: string) => {
        const ack = desk.acks.get(id);
        return ack !== undefined && (ack.status === 'rejected' || desk.answers.has(id));
      };
      await desk.device.until(() => answered(desk.device, ids) && ids.every(decided), 'answers', timeoutMs);
    }
    const all = this.pasted.map((request) => request.requestId);
    for (const device of this.ministry) await device.until(() => answered(device, all), 'answers', timeoutMs);
    return Date.now();
  }

  private stopped = false;

  /** Stops every device (once); the relay keeps serving. */
  async stopDevices(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all(this.devices.map((device) => device.close()));
  }

  async close(): Promise<void> {
    await this.stopDevices();
    await this.relay.stop();
  }

  remove(): void {
    removeDir(this.dataDir);
  }
}
