import type { ProtocolError } from '@contact-desk/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PerformOutcome } from '../../state/desk-store';

/**
 * Submit handler for an inline form whose text is required: refuses blank text,
 * sends otherwise, and resets the form once the mutation is accepted.
 */
export function useRequiredTextSubmit(text: string, send: () => Promise<PerformOutcome>, reset: () => void) {
  const { t } = useTranslation('meetings');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setInvalid(t('errors.text'));
      return;
    }
    setInvalid(null);
    const outcome = await send();
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    reset();
  };

  return { invalid, error, submit };
}
