import { mutationsFor } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation, type Route } from '../../app/navigation';
import { switchLanguage, LANGUAGES } from '../../i18n/i18n';
import { useDesk } from '../../state/desk-store';
import { NoticeCentre } from './NoticeCentre';
import { SignOutDialog } from './SignOutDialog';

type Screen = Route['screen'];

/** Brand, the screens the role may open, the user, the notification centre, language, sign-out. */
export function ShellHeader() {
  const { t, i18n } = useTranslation(['shell', 'campaigns', 'common', 'exports', 'figures', 'meetings']);
  const actor = useDesk((s) => s.sync.actor);
  const platforms = useDesk((s) => s.view.platforms);
  const route = useNavigation((s) => s.route);
  const go = useNavigation((s) => s.go);
  const [confirming, setConfirming] = useState(false);

  const role = actor && actor.role !== 'system' ? actor.role : null;
  const allowed = role ? mutationsFor(role) : [];
  const items: { screen: Screen; route: Route; label: string }[] = [{ screen: 'queue', route: { screen: 'queue' }, label: t('nav.queue') }];
  if (allowed.includes('request.create')) items.push({ screen: 'create', route: { screen: 'create' }, label: t('nav.create') });
  items.push({ screen: 'campaigns', route: { screen: 'campaigns' }, label: t('campaigns:nav') });
  items.push({ screen: 'figures', route: { screen: 'figures' }, label: t('figures:nav') });
  items.push({ screen: 'meetings', route: { screen: 'meetings' }, label: t('meetings:nav') });
  items.push({ screen: 'exports', route: { screen: 'exports' }, label: t('exports:nav') });
  if (allowed.includes('policy.update')) items.push({ screen: 'admin', route: { screen: 'admin' }, label: t('nav.admin') });
  const current: Screen =
    route.screen === 'request'
      ? 'queue'
      : route.screen === 'meeting'
        ? 'meetings'
        : route.screen === 'campaign'
          ? 'campaigns'
          : route.screen;
  const platformName = actor?.platformId ? (platforms.get(actor.platformId)?.name ?? actor.platformId) : null;

  return (
    <header className="shell-header">
      <div className="shell-brand">
        <span className="shell-logo" aria-hidden="true">
          CD
        </span>
        <span>
          <span className="shell-product">{t('common:appName')}</span>
          <span className="shell-tagline">{t('tagline')}</span>
        </span>
      </div>
      <nav className="shell-nav" aria-label={t('nav.label')}>
        {items.map((item) => (
          <button
            key={item.screen}
            type="button"
            className="shell-nav-item"
            aria-current={current === item.screen ? 'page' : undefined}
            data-testid={`nav-${item.screen}`}
            onClick={() => go(item.route)}
          >
            {item.label}
          </button>
        ))}
      </nav>
      <div className="shell-tools">
        {actor && (
          <div className="shell-user" aria-label={t('user.label')} data-testid="current-user">
            <span className="shell-user-name">{actor.name}</span>
            <span className="shell-user-meta">
              {t(`common:role.${actor.role}`)}
              {platformName && <> · {platformName}</>}
            </span>
          </div>
        )}
        <div className="shell-lang" role="group" aria-label={t('language.label')}>
          {LANGUAGES.map((language) => (
            <button
              key={language}
              type="button"
              lang={language}
              aria-pressed={i18n.language === language}
              title={t(`language.${language}Long`)}
              data-testid={`lang-${language}`}
              onClick={() => void switchLanguage(language)}
            >
              {t(`language.${language}`)}
            </button>
          ))}
        </div>
        <NoticeCentre />
        <button type="button" className="shell-signout" data-testid="sign-out" onClick={() => setConfirming(true)}>
          {t('signOut.button')}
        </button>
      </div>
      {confirming && <SignOutDialog onClose={() => setConfirming(false)} />}
    </header>
  );
}
