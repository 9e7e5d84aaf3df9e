export declare const PINNED_NODE: string;
export declare const SUPPORTED_NODE: { readonly major: number; readonly minor: number };
export declare function isSupportedNode(version: string): boolean;
export interface NodeRuntime {
  readonly node: string;
  readonly binDir: string;
  readonly version: string;
  readonly headersDir?: string;
}
export declare function ensureRuntime(root: string, say: (message: string) => void): NodeRuntime;
