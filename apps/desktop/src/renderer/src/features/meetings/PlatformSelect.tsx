import { useTranslation } from 'react-i18next';
import { Field } from '../request/widgets';
import { usePartyNames } from './MeetingForm';

/** A labelled select among the meeting's invited platforms, with a "no platform" option. */
export function PlatformSelect({
  label,
  platformIds,
  value,
  testId,
  onChange,
}: {
  label: string;
  platformIds: readonly string[];
  value: string;
  testId: string;
  onChange: (platformId: string) => void;
}) {
  const { t } = useTranslation('meetings');
  const { platformName } = usePartyNames();
  return (
    <Field label={label}>
      {({ id }) => (
        <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('agenda.noPlatform')}</option>
          {platformIds.map((pid) => (
            <option key={pid} value={pid}>
              {platformName(pid)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
