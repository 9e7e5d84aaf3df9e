import type { Platform } from '../../platform/platform';

/** Desktop notifications and the badge. */
export function useAlerts(_platform: Platform): void {}
