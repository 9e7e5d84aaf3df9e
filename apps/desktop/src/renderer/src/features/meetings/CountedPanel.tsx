import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A meeting panel whose title shows how many entries it lists, with an "empty" line when there are none.
 * `section` names both its texts (`<section>.title`, `<section>.empty`) and its title's id (`mt-<section>-title`).
 */
export function CountedPanel({
  section,
  testId,
  count,
  list,
  children,
}: {
  section: 'actions' | 'decisions';
  testId: string;
  count: number;
  list: () => ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation('meetings');
  const titleId = `mt-${section}-title`;
  return (
    <section className="kit-panel" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="kit-panel-title">
        {t(`${section}.title`)} <span className="mt-count">{count}</span>
      </h2>
      {count === 0 ? <p className="kit-muted mt-empty">{t(`${section}.empty`)}</p> : list()}
      {children}
    </section>
  );
}
