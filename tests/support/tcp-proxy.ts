// The proxy lives beside the relay bench, which balances its two-node figures with it (the relay's build cannot reach tests/).
export { TcpProxy } from '../../apps/relay/bench/tcp-proxy';
