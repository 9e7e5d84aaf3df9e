import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PlatformProfile {
  readonly ackMedianMin: number;
  readonly answerMedianMin: number;
  readonly offlineShare: number;
  readonly neverAckShare: number;
  readonly neverAnswerShare: number;
  readonly slowShare: number;
}

export interface DemoPlatform {
  readonly id: string;
  readonly name: string;
  readonly kind: 'platform' | 'access_provider' | 'search_engine';
  readonly domain: string;
  readonly paths: readonly string[];
  readonly profile: PlatformProfile;
}

interface Person {
  readonly name: string;
  readonly email: string;
  readonly team: string;
}

export interface DemoData {
  readonly platforms: readonly DemoPlatform[];
  readonly ministry: {
    readonly prefect: Person;
    readonly operators: readonly Person[];
    readonly observer: Person;
  };
  readonly liaisonNames: readonly (readonly [string, string])[];
  readonly managerNames: readonly string[];
  readonly campaigns: readonly (string | null)[];
  readonly grounds: Readonly<Record<string, readonly string[]>>;
  readonly questions: readonly string[];
  readonly clarifications: readonly string[];
  readonly comments: { readonly ministry: readonly string[]; readonly liaison: readonly string[] };
  readonly refusals: readonly string[];
}

const RELATIVE = join('resources', 'demo', 'demo-data.json');

/** Finds `resources/demo/demo-data.json` from this module, built or not. */
export function loadDemoData(): DemoData {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 8; depth += 1) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(candidate)) return JSON.parse(readFileSync(candidate, 'utf8')) as DemoData;
    dir = dirname(dir);
  }
  throw new Error(`demo data not found (${RELATIVE})`);
}

/** A small seeded generator (mulberry32): the same seed gives the same demo. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('cannot pick from an empty list');
  return item;
}

/** A log-normal delay around a median (minutes → ms), spread by `sigma`. */
export function delayAround(random: () => number, medianMin: number, sigma = 0.8): number {
  const u = Math.max(random(), 1e-9);
  const v = random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(20_000, medianMin * 60_000 * Math.exp(sigma * normal));
}
