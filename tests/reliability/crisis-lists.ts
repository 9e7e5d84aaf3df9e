/**
 * The lists the ministry pastes in the crisis drill, generated from a seed. Every URL carries a
 * content key (`c03k0417`) in its path, so what a request holds can be traced back to the list
 * without trusting the normalisation under test. A key is written differently each time it comes
 * back (scheme, `www.`/`m.`, letter case, tracking parameters, fragment, trailing slash, twitter.com
 * for x.com), always in forms that name the same content.
 */
import { DEFAULT_PLATFORM_DOMAINS, type PlatformDomains } from '@contact-desk/shared';
import { pick, seededRandom } from '../../apps/relay/src/demo/demo-data';

/** The seven platforms the app knows by default, and Telegram, whose domains the drill names. */
export const DRILL_DOMAINS: PlatformDomains = new Map([...DEFAULT_PLATFORM_DOMAINS, ['telegram', ['t.me', 'telegram.me']]]);

/** How much of a crisis list goes to each platform. */
const WEIGHTS: readonly (readonly [string, number])[] = [
  ['x', 0.22],
  ['meta', 0.2],
  ['youtube', 0.15],
  ['tiktok', 0.15],
  ['telegram', 0.1],
  ['snapchat', 0.06],
  ['dailymotion', 0.06],
  ['microsoft', 0.06],
];

type Writer = (key: string, n: number) => readonly [host: string, path: string];
const WRITERS: Readonly<Record<string, readonly Writer[]>> = {
  youtube: [(k) => ['youtube.com', `/watch?v=${k}`], (k) => ['youtube.com', `/shorts/${k}`], (k) => ['youtu.be', `/${k}`]],
  meta: [(k, n) => ['facebook.com', `/groups/g${n}/posts/${k}`], (k) => ['instagram.com', `/p/${k}`], (k) => ['fb.watch', `/${k}`]],
  x: [(k, n) => ['x.com', `/compte${n}/status/${k}`]],
  tiktok: [(k, n) => ['tiktok.com', `/@compte${n}/video/${k}`]],
  snapchat: [(k) => ['snapchat.com', `/spotlight/${k}`]],
  dailymotion: [(k) => ['dailymotion.com', `/video/${k}`], (k) => ['dai.ly', `/${k}`]],
  microsoft: [(k) => ['linkedin.com', `/posts/${k}`], (k) => ['bing.com', `/videos/${k}`]],
  telegram: [(k, n) => ['t.me', `/canal${n}/${k}`]],
};
/** Hosts of no platform, look-alikes included: a domain covers its subdomains, nothing else. */
const UNKNOWN_HOSTS = ['forum-libre.example', 'notyoutube.com', 'x.com.miroir.example', 'tiktok-videos.example', 'archive.example.org'];

const KEY = /c\d{2}k\d{4}/;

/** The content key a pasted location carries, if any. */
export function contentKey(location: string): string | undefined {
  return KEY.exec(location)?.[0];
}

interface Content {
  readonly key: string;
  /** Null for a host of no platform. */
  readonly platformId: string | null;
  readonly host: string;
  readonly path: string;
}

export interface CrisisList {
  readonly pasted: string;
  /** Every content the list names on a platform, once, with that platform. */
  readonly expected: ReadonlyMap<string, string>;
  /** Contents on hosts of no platform. */
  readonly unknown: ReadonlySet<string>;
  readonly counts: { readonly urls: number; readonly repeats: number; readonly shared: number; readonly twitterHosts: number };
}

/** The same content, written another way. */
function variant(random: () => number, content: Content): string {
  let host = content.host;
  if (host === 'x.com') host = pick(random, ['x.com', 'twitter.com', 'mobile.twitter.com', 'www.twitter.com']);
  else if (random() < 0.4) host = `${pick(random, ['www.', 'm.'])}${host}`;
  if (random() < 0.1) host = host.toUpperCase();
  const tracking = random() < 0.25 ? pick(random, ['utm_source=signalement&utm_medium=copie', 'si=partage', 'fbclid=IwAR0x', 's=20']) : '';
  const [path, query] = content.path.split('?');
  const params = [query, tracking].filter((part) => part);
  const slash = random() < 0.2 ? '/' : '';
  const fragment = random() < 0.1 ? '#commentaires' : '';
  return `${random() < 0.15 ? 'http' : 'https'}://${host}${path ?? ''}${slash}${params.length > 0 ? `?${params.join('&')}` : ''}${fragment}`;
}

function newContent(random: () => number, key: string): Content {
  if (random() < 0.02) return { key, platformId: null, host: pick(random, UNKNOWN_HOSTS), path: `/fil/${key}` };
  let roll = random();
  const platformId = WEIGHTS.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'x';
  const [host, path] = pick(random, WRITERS[platformId] ?? [])(key, Math.floor(random() * 40));
  return { key, platformId, host, path };
}

/**
 * `count` lists of `size` URLs: about 6 % repeat an earlier line of the same list, about 6 % come
 * from the previous list (the same content reported twice), about 2 % are on hosts of no
 * platform; now and then two URLs share a line.
 */
export function crisisLists(seed: number, count: number, size: number): CrisisList[] {
  const random = seededRandom(seed);
  const lists: CrisisList[] = [];
  let previous: Content[] = [];
  for (let list = 0; list < count; list += 1) {
    const named: Content[] = [];
    const byKey = new Map<string, Content>();
    const lines: string[] = [];
    const counts = { urls: size, repeats: 0, shared: 0, twitterHosts: 0 };
    for (let index = 0; index < size; index += 1) {
      const roll = random();
      const sharable = roll >= 0.06 && roll < 0.12 ? previous.filter((content) => !byKey.has(content.key)) : [];
      let content: Content;
      if (roll < 0.06 && named.length > 0) {
        content = pick(random, named);
        counts.repeats += 1;
      } else if (sharable.length > 0) {
        content = pick(random, sharable);
        counts.shared += 1;
      } else {
        content = newContent(random, `c${String(list).padStart(2, '0')}k${String(index).padStart(4, '0')}`);
      }
      if (!byKey.has(content.key)) named.push(content);
      byKey.set(content.key, content);
      const url = variant(random, content);
      if (/twitter\.com/i.test(url)) counts.twitterHosts += 1;
      const last = lines.length - 1;
      if (random() < 0.05 && last >= 0) lines[last] = `${lines[last]}, ${url}`;
      else lines.push(url);
    }
    const expected = new Map(named.flatMap((content) => (content.platformId === null ? [] : [[content.key, content.platformId] as const])));
    const unknown = new Set(named.filter((content) => content.platformId === null).map((content) => content.key));
    lists.push({ pasted: lines.join('\n'), expected, unknown, counts });
    previous = named;
  }
  return lists;
}
