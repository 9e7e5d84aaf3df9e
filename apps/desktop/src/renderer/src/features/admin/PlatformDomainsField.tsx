import type { Platform, ProtocolError } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { RefusalNote } from '../common/RefusalNote';
import { Field } from '../common/Field';
import type { DomainsProblem } from './platform-domains-text';

/**
 * The domains of a platform, one a line; the usual ones shown until the prefect sets its own. A
 * problem found here is said under the field, and so is the refusal of a domain another platform
 * covers (`refusal`).
 */
export function PlatformDomainsField({
  platform,
  value,
  problem,
  refusal,
  onChange,
}: {
  platform: Platform;
  value: string;
  problem: DomainsProblem | null;
  refusal: ProtocolError | null;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('admin');
  const hint = platform.domains === undefined ? t('platforms.domainsHintUsual') : t('platforms.domainsHint');
  const error = problem ? t(`platforms.domainsProblem.${problem.kind}`, problem) : null;
  return (
    <div className="kit-span-2 ad-domains-field">
      <Field label={t('platforms.domains')} hint={hint} error={error}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            rows={4}
            className="ad-domains"
            value={value}
            spellCheck={false}
            aria-describedby={describedBy}
            aria-invalid={invalid || refusal !== null}
            data-testid="platform-domains"
            onChange={(event) => onChange(event.target.value)}
          />
        )}
      </Field>
      <RefusalNote error={refusal} />
    </div>
  );
}
