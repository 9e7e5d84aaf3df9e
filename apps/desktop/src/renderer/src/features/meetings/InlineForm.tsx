import type { ProtocolError } from '@contact-desk/shared';
import type { FormEvent, ReactNode } from 'react';
import { RefusalNote } from '../common/RefusalNote';

/** An inline meeting form: its fields, then the error the relay returned, if any. */
export function InlineForm({
  testId,
  labelledBy,
  error,
  onSubmit,
  children,
}: {
  testId: string;
  labelledBy?: string;
  error: ProtocolError | null;
  onSubmit: (event: FormEvent) => Promise<void>;
  children: ReactNode;
}) {
  return (
    <form className="mt-inline-form" onSubmit={(e) => void onSubmit(e)} data-testid={testId} aria-labelledby={labelledBy} noValidate>
      {children}
      <RefusalNote error={error} />
    </form>
  );
}
