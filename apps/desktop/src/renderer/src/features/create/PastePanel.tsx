import { LIMITS } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { OptionSelect } from '../common/OptionSelect';
import { Field } from '../common/Field';
import type { CreateErrors } from './create-validation';
import { PasteSummary } from './PasteSummary';
import { PlannedRequests } from './PlannedRequests';
import { OpenItems, RepeatedItems, UnknownItems } from './SetAsideItems';
import type { Paste } from './use-paste';

/**
 * The pasted list and its preview: the summary, the requests it becomes, then what is set aside
 * — repeats, items already on open requests, items of no known platform. By default each item
 * goes to its platform by address; one platform chosen takes every item.
 */
export function PastePanel({ paste, errors }: { paste: Paste; errors: CreateErrors }) {
  const { t } = useTranslation(['create', 'common']);
  const { platforms, platformId, plan } = paste;
  const chosen = platforms.find((platform) => platform.id === platformId);
  return (
    <div className="kit-panel cr-paste">
      <Field label={t('items')} hint={t('itemsHint', { max: LIMITS.itemsPerRequest })} error={errors.items} required>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            rows={6}
            className="cr-items-input"
            value={paste.text}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            data-testid="create-items"
            onChange={(event) => paste.setText(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('destination')} hint={chosen ? t('destinationHint.one', { name: chosen.name }) : t('destinationHint.byAddress')}>
        {({ id, describedBy }) => (
          <OptionSelect
            id={id}
            aria-describedby={describedBy}
            values={platforms.map((platform) => platform.id)}
            value={platformId}
            label={(value) => {
              const platform = platforms.find((candidate) => candidate.id === value);
              return platform ? `${platform.name} (${t(`common:platformKind.${platform.kind}`)})` : value;
            }}
            empty={t('byAddress')}
            onChange={paste.setPlatformId}
            data-testid="create-platform"
          />
        )}
      </Field>
      {plan.pasted > 0 ? (
        <div className="cr-preview" data-testid="paste-preview">
          <PasteSummary plan={plan} onePlatform={Boolean(chosen)} />
          <PlannedRequests paste={paste} />
          <UnknownItems paste={paste} error={errors.undecided} />
          <OpenItems paste={paste} error={errors.confirm} />
          <RepeatedItems paste={paste} />
        </div>
      ) : null}
    </div>
  );
}
