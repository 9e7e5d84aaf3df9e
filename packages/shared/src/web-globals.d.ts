// The WHATWG URL API exists in every runtime the shared package runs in (Node, browsers,
// Electron). Declared here, minimally, so that this package needs neither the DOM nor Node types.
declare class URLSearchParams {
  constructor(init?: string | readonly (readonly [string, string])[]);
  entries(): IterableIterator<[string, string]>;
  toString(): string;
}
declare class URL {
  constructor(input: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
}
