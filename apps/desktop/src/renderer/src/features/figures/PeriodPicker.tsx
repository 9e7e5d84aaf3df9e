import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { lastCompleteWeeks, monthToDate, type DayRange } from './figures-period';

/** The days of the figures: two date fields and the two usual periods, in the app's zone. */
export function PeriodPicker({
  range,
  zone,
  valid,
  onChange,
}: {
  range: DayRange;
  zone: string;
  valid: boolean;
  onChange: (range: DayRange) => void;
}) {
  const { t } = useTranslation('figures');
  const preset = (make: (now: number, zone: string) => DayRange) => onChange(make(useDesk.getState().relayNow(), zone));
  return (
    <fieldset className="fg-period" data-testid="figures-period">
      <legend>{t('period.legend')}</legend>
      <label>
        {t('period.from')}
        <input
          type="date"
          value={range.first}
          max={range.last}
          required
          onChange={(event) => onChange({ ...range, first: event.target.value })}
          data-testid="figures-first"
        />
      </label>
      <label>
        {t('period.to')}
        <input
          type="date"
          value={range.last}
          min={range.first}
          required
          onChange={(event) => onChange({ ...range, last: event.target.value })}
          data-testid="figures-last"
        />
      </label>
      <div className="fg-presets">
        <button
          type="button"
          className="kit-button kit-button-small"
          onClick={() => preset(lastCompleteWeeks)}
          data-testid="figures-preset-weeks"
        >
          {t('period.weeks')}
        </button>
        <button
          type="button"
          className="kit-button kit-button-small"
          onClick={() => preset(monthToDate)}
          data-testid="figures-preset-month"
        >
          {t('period.month')}
        </button>
      </div>
      <p className="kit-hint fg-zone">{t('period.zone', { zone })}</p>
      {!valid && (
        <p className="kit-field-error" role="alert" data-testid="figures-period-invalid">
          {t('period.invalid')}
        </p>
      )}
    </fieldset>
  );
}
