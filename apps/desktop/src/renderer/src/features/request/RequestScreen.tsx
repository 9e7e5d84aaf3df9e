import type { Platform } from '../../platform/platform';

export function RequestScreen(_props: { requestId: string; platform: Platform }) {
  return <section />;
}
