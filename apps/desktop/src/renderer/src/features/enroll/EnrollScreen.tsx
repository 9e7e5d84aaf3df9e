import type { LaunchOptions } from '../../app/launch-options';

export function EnrollScreen(_props: { options: LaunchOptions }) {
  return <main />;
}
