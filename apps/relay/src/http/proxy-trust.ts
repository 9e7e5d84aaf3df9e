import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { SettingError } from '../config-setting.js';

/** `loopback`: a proxy on the relay's own machine (nginx or Caddy beside it). */
const LOOPBACK_RANGES = ['127.0.0.0/8', '::1/128'];
const MAX_ENTRIES = 64;
/** Forwarding hops looked at, from the right: past that, the address is the last one read. */
const MAX_HOPS = 16;

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as plain IPv4, so one address has one spelling. */
export function plainAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

function addRange(list: BlockList, entry: string): void {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
  if (family === 0 || rest.length > 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
    throw new SettingError(
      'trust-proxy',
      `--trust-proxy (CONTACT_DESK_TRUST_PROXY): "${entry.slice(0, 60)}" is not an address, a subnet (10.0.0.0/8) or "loopback"`,
    );
  }
  list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The reverse proxies whose `X-Forwarded-For` the relay believes, so that enrollment's limit per
 * address and the logs see the client rather than the proxy. Trusted only when configured: a
 * header from anyone else is ignored, since any client can write one.
 */
export class ProxyTrust {
  private constructor(
    private readonly proxies: BlockList,
    /** The setting as given, for the start-up log. */
    readonly entries: readonly string[],
  ) {}

  /** From `--trust-proxy` / `CONTACT_DESK_TRUST_PROXY`: addresses and subnets, comma-separated, or `loopback`. */
  static parse(text: string | undefined): ProxyTrust | undefined {
    const entries = (text ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    if (entries.length === 0) return undefined;
    if (entries.length > MAX_ENTRIES) throw new SettingError('trust-proxy', `--trust-proxy takes at most ${MAX_ENTRIES} entries`);
    const proxies = new BlockList();
    for (const entry of entries) {
      for (const range of entry === 'loopback' ? LOOPBACK_RANGES : [entry]) addRange(proxies, range);
    }
    return new ProxyTrust(proxies, entries);
  }

  trusts(address: string): boolean {
    const plain = plainAddress(address);
    const family = isIP(plain);
    return family !== 0 && this.proxies.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  }

  /**
   * The client behind trusted proxies: `X-Forwarded-For` read from the right (each proxy appends
   * the address it was reached from), the first address that is not itself a trusted proxy. The
   * TCP peer when it is not trusted, or when the header holds no usable address.
   */
  clientAddress(req: IncomingMessage): string {
    let client = plainAddress(req.socket.remoteAddress ?? 'unknown');
    if (!this.trusts(client)) return client;
    const header = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').slice(-MAX_HOPS).reverse();
    for (const hop of hops) {
      const address = plainAddress(hop.trim());
      if (isIP(address) === 0) return client;
      client = address;
      if (!this.trusts(address)) return client;
    }
    return client;
  }
}
