/**
 * The demo's crisis list: 520 pasted lines as a wave of propaganda gives them — most on X (over
 * the 500 items a request holds, so it goes as two requests), a few on each other platform,
 * twitter.com and x.com spellings of one post, www./m./mobile. hosts, tracking parameters,
 * repeats, an account named in words, hosts of no known platform, and one video already on an
 * open request of the demo history. The same list every time (a seeded generator).
 *
 *   npm run crisis-list     # writes resources/demo/crisis-list.txt
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../apps/relay/src/demo/demo-data';

export const CRISIS_LIST_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'demo', 'crisis-list.txt');

/**
 * A video of a Meta request the demo history leaves open (CD-…-000307), written as a phone
 * shares it: the mobile host and a tracking parameter, the same content all the same.
 */
export const OPEN_DEMO_ITEM = 'https://m.facebook.com/watch/?v=zt9q1qjl&fbclid=IwAR0demo';
/** Its platform and its address as the demo recorded it. */
export const OPEN_DEMO_REQUEST = { platformId: 'meta', location: 'https://www.facebook.com/watch/?v=zt9q1qjl' } as const;

export interface CrisisList {
  /** The lines, as pasted. */
  readonly lines: readonly string[];
  /** The new items of each platform, in the order of the list. */
  readonly byPlatform: ReadonlyMap<string, readonly string[]>;
  /** Lines that repeat an earlier one under another spelling (or the same). */
  readonly repeated: readonly string[];
  /** Lines of no known platform: unknown hosts, and the account named in words. */
  readonly unknown: readonly string[];
  /** The account named in words (a TikTok account): one item, assigned by hand. */
  readonly handle: string;
  readonly alreadyOpen: string;
}

/** How many new X posts: over 500, so X's list goes in two parts. */
const X_POSTS = 503;

export function crisisList(seed = 2026): CrisisList {
  const random = seededRandom(seed);
  const word = (length: number) => Array.from({ length }, () => 'abcdefghijkmnopqrstuvwxyz23456789'[Math.floor(random() * 33)]).join('');
  const digits = (length: number) =>
    Array.from({ length }, (_, i) => String(Math.floor(random() * (i === 0 ? 9 : 10)) + (i === 0 ? 1 : 0))).join('');
  const accounts = Array.from({ length: 40 }, () => `${word(6)}_${word(3)}`);
  const xHosts = ['x.com', 'x.com', 'twitter.com', 'www.x.com', 'mobile.twitter.com', 'www.twitter.com'];
  const xPosts = Array.from({ length: X_POSTS }, () => {
    const host = xHosts[Math.floor(random() * xHosts.length)]!;
    const account = accounts[Math.floor(random() * accounts.length)]!;
    return `https://${host}/${account}/status/${digits(19)}`;
  });
  const youtubeId = word(11);
  const others: [string, string[]][] = [
    [
      'youtube',
      [
        `https://www.youtube.com/watch?v=${youtubeId}`,
        `https://m.youtube.com/shorts/${word(11)}`,
        `https://youtu.be/${word(11)}?si=${word(8)}`,
      ],
    ],
    ['meta', [`https://www.facebook.com/share/p/${word(10)}/`, `https://www.instagram.com/p/${word(11)}/?igshid=${word(6)}`]],
    ['tiktok', [`https://www.tiktok.com/@${accounts[0]}/video/${digits(19)}`, `https://vm.tiktok.com/ZM${word(7)}/`]],
    ['dailymotion', [`https://dai.ly/x${word(6)}`]],
    ['snapchat', [`https://www.snapchat.com/spotlight/${word(12)}`]],
    ['microsoft', [`https://www.linkedin.com/posts/${word(8)}_${digits(19)}`]],
  ];
  const handle = `Compte TikTok @${accounts[1]} (ID ${digits(19)})`;
  const unknownHosts = [`https://t.me/s/${word(9)}/${digits(4)}`, `https://archive.example.org/details/${word(12)}`];
  const firstX = xPosts.find((post) => post.startsWith('https://x.com/'))!;
  const repeats = [
    // The same post under its other name, the same video on the mobile site, a line pasted twice.
    firstX.replace('https://x.com/', 'https://twitter.com/'),
    `https://m.youtube.com/watch?v=${youtubeId}&feature=share`,
    others.find(([id]) => id === 'snapchat')![1][0]!,
  ];

  // Every distinct line, shuffled; each repeat then lands somewhere after its first spelling.
  const lines = [...xPosts, ...others.flatMap(([, items]) => items), handle, ...unknownHosts, OPEN_DEMO_ITEM];
  for (let i = lines.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  const originals = [firstX, `https://www.youtube.com/watch?v=${youtubeId}`, repeats[2]!];
  repeats.forEach((repeat, index) => {
    const after = lines.indexOf(originals[index]!) + 1;
    lines.splice(after + Math.floor(random() * (lines.length - after + 1)), 0, repeat);
  });

  const order = (items: readonly string[]) => [...items].sort((a, b) => lines.indexOf(a) - lines.indexOf(b));
  return {
    lines,
    byPlatform: new Map([['x', order(xPosts)], ...others.map(([id, items]) => [id, order(items)] as [string, string[]])]),
    repeated: order(repeats),
    unknown: order([handle, ...unknownHosts]),
    handle,
    alreadyOpen: OPEN_DEMO_ITEM,
  };
}

/** The file as written: one line each, ending with a newline. */
export function crisisListText(): string {
  return `${crisisList().lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(CRISIS_LIST_FILE, crisisListText());
  process.stdout.write(`${CRISIS_LIST_FILE}: ${crisisList().lines.length} lines\n`);
}
