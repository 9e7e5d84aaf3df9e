import { useTranslation } from 'react-i18next';
import { ItemDisclosure, RequestHead } from './ItemList';
import type { Paste } from './use-paste';

/** The requests the paste becomes: platform, part when cut, item count and the items on demand. */
export function PlannedRequests({ paste }: { paste: Paste }) {
  const { t } = useTranslation('create');
  const { plan, platformOf } = paste;
  const openRef = new Map(plan.openKept.map((entry) => [entry.item, entry.ref]));
  const flag = (item: string) => {
    const ref = openRef.get(item);
    return ref ? t('plan.openFlag', { ref }) : null;
  };
  return (
    <section
      className="cr-plan"
      aria-labelledby="cr-plan-title"
      data-testid="paste-plan"
      data-requests={plan.requests.length}
      data-items={plan.items}
    >
      <h2 id="cr-plan-title" className="cr-section-title">
        {t('plan.title', { count: plan.requests.length })}
        <span className="cr-section-count"> · {t('plan.count', { count: plan.items })}</span>
      </h2>
      {plan.requests.length === 0 ? <p className="kit-hint">{t('plan.empty')}</p> : null}
      <ul className="cr-plan-list" hidden={plan.requests.length === 0}>
        {plan.requests.map((request) => {
          const name = platformOf(request.platformId)?.name ?? request.platformId;
          const part = request.parts > 1 ? t('plan.part', { part: request.part, parts: request.parts }) : null;
          return (
            <li
              key={`${request.platformId}-${request.part}`}
              className="cr-plan-row"
              data-testid="paste-request"
              data-platform={request.platformId}
              data-part={request.part}
              data-parts={request.parts}
              data-count={request.items.length}
            >
              <RequestHead name={name} part={request.part} parts={request.parts} count={request.items.length} />
              <ItemDisclosure
                items={request.items}
                label={t('plan.itemsOf', { name: part ? `${name}, ${part}` : name })}
                flag={flag}
                testId="paste-request"
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
