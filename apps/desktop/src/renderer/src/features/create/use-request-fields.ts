import type { PriorityLevel } from '@contact-desk/shared';
import { useState } from 'react';
import type { RequestFields } from './send-model';

function sixMonthsFromToday(): string {
  const date = new Date();
  date.setMonth(date.getMonth() + 6);
  return date.toISOString().slice(0, 10);
}

/** The fields every request of a sending shares, with one setter for any of them. */
export function useRequestFields(levels: readonly PriorityLevel[]) {
  const [fields, setFields] = useState<RequestFields>(() => ({
    kind: 'removal',
    priority: levels[0]?.label ?? 'P0',
    category: 'terrorism_apology',
    grounds: '',
    pharosRef: '',
    campaignId: null,
    doNotInform: false,
    retention: sixMonthsFromToday(),
  }));
  const set = <K extends keyof RequestFields>(key: K, value: RequestFields[K]) => setFields((previous) => ({ ...previous, [key]: value }));
  return { fields, set };
}

export type FieldSetter = ReturnType<typeof useRequestFields>['set'];
