import { useTranslation } from 'react-i18next';
import { OptionSelect } from '../common/OptionSelect';
import { Field } from '../common/Field';
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
        <OptionSelect
          id={id}
          values={platformIds}
          value={value}
          label={platformName}
          empty={t('agenda.noPlatform')}
          onChange={onChange}
          data-testid={testId}
        />
      )}
    </Field>
  );
}
