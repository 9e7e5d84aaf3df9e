/**
 * Figure 4 — the crisis drill (tests/reliability/crisis-drill.ts) against a real relay process:
 * ten ministry devices paste 500 URLs each, sorted by `pastePreview` into one request per
 * platform and sent through the app's sync engine, while sixteen liaison devices acknowledge and
 * answer what reaches them. Timed from the first paste to every liaison device holding its
 * platform's requests. Baseline, same relay, same run: the same requests (same items, new ids)
 * pushed as bare relay mutations by the same ten device tokens over plain sockets, timed until
 * every plain socket of the same sixteen liaison tokens has received its platform's ones.
 */
import { newId, type DomainEvent } from '@contact-desk/shared';
import { percentile } from '../../relay/bench/tasks';
import { CRISIS, CrisisDrill, URLS_PER_LIST, type CreatedRequest } from '../../../tests/reliability/crisis-drill';
import { LoadDevice, until, type WireMutation } from '../../../tests/reliability/load-device';
import { log, median, type Figure } from './common';

const TIMEOUT_MS = 60_000;
const ROUNDS = 3;

interface BareRun {
  readonly acceptedMs: number;
  readonly heldMs: number;
}

/** The drill's creates again, as bare relay mutations, once the drill's devices have stopped. */
async function bareRun(drill: CrisisDrill, round: readonly CreatedRequest[]): Promise<BareRun> {
  const expected = new Map<string, Set<string>>();
  const creates = drill.ministry.map((_, index) =>
    round
      .filter((request) => request.device === index)
      .map(({ platformId, items }): WireMutation => {
        const requestId = newId();
        expected.set(platformId, (expected.get(platformId) ?? new Set()).add(requestId));
        return { mutationId: newId(), type: 'request.create', args: { requestId, platformId, items, ...CRISIS }, clientTime: Date.now() };
      }),
  );
  const received = new Map<LoadDevice, Set<string>>();
  const receivers = drill.desks.map((desk) => {
    const device = new LoadDevice(desk.device.label, drill.relay.url, drill.tokens.get(desk.device) ?? '', () => []);
    const got = new Set<string>();
    received.set(device, got);
    device.socket.on('events', (message: { events: DomainEvent[] }) => {
      for (const event of message.events)
        if (event.type === 'request.created') got.add((event.payload as { request: { id: string } }).request.id);
    });
    return { device, platformId: desk.platformId };
  });
  const pushers = drill.ministry.map((device, index) => {
    let given = false;
    return new LoadDevice(
      device.label,
      drill.relay.url,
      drill.tokens.get(device) ?? '',
      () => (given ? [] : ((given = true), creates[index] ?? [])),
      100,
    );
  });
  const all = [...pushers, ...receivers.map(({ device }) => device)];
  await until(() => all.every((device) => device.socket.connected), 'bare sockets connected');
  const start = performance.now();
  for (const device of pushers) device.start();
  await Promise.all(pushers.map((device) => device.drain()));
  const acceptedMs = performance.now() - start;
  const holds = ({ device, platformId }: (typeof receivers)[number]) =>
    [...(expected.get(platformId) ?? [])].every((id) => received.get(device)?.has(id));
  await until(() => receivers.every(holds), 'bare liaison sockets holding their requests', TIMEOUT_MS);
  const heldMs = performance.now() - start;
  for (const device of all) device.close();
  const refused = pushers.flatMap((device) => [...device.answers.values()]).filter((answer) => answer.status !== 'accepted');
  if (refused.length > 0) throw new Error(`bare run: ${refused.length} creates refused`);
  return { acceptedMs, heldMs };
}

export async function benchDrill(): Promise<Figure[]> {
  const drill = await CrisisDrill.start();
  try {
    // A first drill, not timed: the relay and the devices past their first run.
    await drill.paste(1);
    await drill.untilHeld(TIMEOUT_MS);
    await drill.untilAnswered(TIMEOUT_MS);
    const held: number[] = [];
    const answered: number[] = [];
    const latencies: number[] = [];
    const rounds: CreatedRequest[][] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const before = drill.desks.map((desk) => desk.latencies.length);
      rounds.push(await drill.paste(2 + round));
      held.push((await drill.untilHeld(TIMEOUT_MS)) - drill.pastedAt);
      answered.push((await drill.untilAnswered(TIMEOUT_MS)) - drill.pastedAt);
      latencies.push(...drill.desks.flatMap((desk, index) => desk.latencies.slice(before[index])));
      log(`drill round ${round + 1}: held ${held.at(-1)} ms, all answered ${answered.at(-1)} ms`);
    }
    await drill.stopDevices();
    const bare: BareRun[] = [];
    for (const round of rounds) {
      bare.push(await bareRun(drill, round));
      log(`bare run: accepted ${bare.at(-1)?.acceptedMs.toFixed(0)} ms, held ${bare.at(-1)?.heldMs.toFixed(0)} ms`);
    }
    latencies.sort((a, b) => a - b);
    const requests = rounds[0]?.length ?? 0;
    const items = rounds[0]?.reduce((sum, request) => sum + request.items.length, 0) ?? 0;
    const bareHeld = median(bare.map((run) => run.heldMs));
    return [
      {
        figure: `crisis drill: first paste → ${drill.desks.length} liaison devices hold their requests (median of ${ROUNDS})`,
        value: median(held),
        baseline: bareHeld,
        baselineLabel: `${requests} bare request.create, ${drill.ministry.length} sockets → ${drill.desks.length} liaison sockets`,
        targetMs: 2 * bareHeld,
        note:
          `target ≤ 2× the bare run; ${requests} requests of about ${items} items from ${drill.ministry.length} lists of ${URLS_PER_LIST} URLs; ` +
          `every request answered on every device after ${median(answered)} ms; creation → arrival on a liaison device p50 ${percentile(latencies, 0.5)} ms, ` +
          `p99 ${percentile(latencies, 0.99)} ms; bare creates all accepted after ${median(bare.map((run) => run.acceptedMs)).toFixed(0)} ms`,
      },
    ];
  } finally {
    await drill.close();
    drill.remove();
  }
}
