import { mutationsFor } from '@contact-desk/shared';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation, type Route } from '../../app/navigation';
import { switchLanguage, LANGUAGES } from '../../i18n/i18n';
import type { Platform } from '../../platform/platform';
import { useDesk } from '../../state/desk-store';
import { formatDateTime, formatTime, userTimeZone } from '../common/format';
import '../../styles/shell.css';

type Screen = Route['screen'];

export function AppShell({ children }: { platform: Platform; children: ReactNode }) {
  return (
    <div className="shell">
      <ShellHeader />
      <SyncBar />
      <Rejections />
      <main className="shell-main" id="main">
        {children}
      </main>
    </div>
  );
}

function ShellHeader() {
  const { t, i18n } = useTranslation('shell');
  const actor = useDesk((s) => s.sync.actor);
  const platforms = useDesk((s) => s.view.platforms);
  const route = useNavigation((s) => s.route);
  const go = useNavigation((s) => s.go);
  const [confirming, setConfirming] = useState(false);

  const role = actor && actor.role !== 'system' ? actor.role : null;
  const allowed = role ? mutationsFor(role) : [];
  const items: { screen: Screen; route: Route; label: string }[] = [{ screen: 'queue', route: { screen: 'queue' }, label: t('nav.queue') }];
  if (allowed.includes('request.create')) items.push({ screen: 'create', route: { screen: 'create' }, label: t('nav.create') });
  items.push({ screen: 'meetings', route: { screen: 'meetings' }, label: t('meetings:nav') });
  items.push({ screen: 'exports', route: { screen: 'exports' }, label: t('exports:nav') });
  if (allowed.includes('policy.update')) items.push({ screen: 'admin', route: { screen: 'admin' }, label: t('nav.admin') });
  const current: Screen = route.screen === 'request' ? 'queue' : route.screen === 'meeting' ? 'meetings' : route.screen;
  const platformName = actor?.platformId ? (platforms.get(actor.platformId)?.name ?? actor.platformId) : null;

  return (
    <header className="shell-header">
      <div className="shell-brand">
        <span className="shell-logo" aria-hidden="true">CD</span>
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
        <button type="button" className="shell-signout" data-testid="sign-out" onClick={() => setConfirming(true)}>
          {t('signOut.button')}
        </button>
      </div>
      {confirming && <SignOutDialog onClose={() => setConfirming(false)} />}
    </header>
  );
}

function SignOutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('shell');
  const pending = useDesk((s) => s.sync.pending);
  const signOut = useDesk((s) => s.signOut);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    cancelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, [onClose]);
  return (
    <div className="shell-overlay" onClick={onClose}>
      <div
        className="shell-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="signout-title"
        aria-describedby="signout-body"
        data-testid="sign-out-dialog"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id="signout-title">{t('signOut.title')}</h2>
        <p id="signout-body">{t('signOut.body')}</p>
        {pending > 0 && <p className="shell-dialog-warning">{t('signOut.pendingWarning', { count: pending })}</p>}
        <div className="shell-dialog-actions">
          <button type="button" ref={cancelRef} className="btn" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy}
            data-testid="sign-out-confirm"
            onClick={() => {
              setBusy(true);
              void signOut();
            }}
          >
            {t('signOut.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}

function SyncBar() {
  const { t, i18n } = useTranslation('shell');
  const sync = useDesk((s) => s.sync);
  const state =
    sync.connection === 'connecting' ? (sync.lastSyncedAt !== null ? 'reconnecting' : 'connecting') : sync.connection;
  const zone = userTimeZone();
  return (
    <div className={`sync-bar sync-${state}`} role="status" aria-label={t('sync.label')} data-testid="sync-status" data-connection={state}>
      <span className="sync-state">
        <span className="sync-dot" aria-hidden="true" />
        {t(`sync.${state}`)}
      </span>
      <span className="sync-sep" aria-hidden="true" />
      <span className="sync-pending" data-testid="sync-pending" data-count={sync.pending}>
        {sync.pending === 0 ? t('sync.pending_zero') : t('sync.pending', { count: sync.pending })}
      </span>
      <span className="sync-sep" aria-hidden="true" />
      <span
        className="sync-last"
        data-testid="sync-last"
        title={sync.lastSyncedAt !== null ? `${formatDateTime(sync.lastSyncedAt, i18n.language, true)} — ${t('sync.relayTime')}` : undefined}
      >
        {sync.lastSyncedAt !== null
          ? t('sync.lastSynced', { time: formatTime(sync.lastSyncedAt, i18n.language), zone: t('common:timeZone', { zone }) })
          : t('sync.neverSynced')}
      </span>
      {sync.loadingLocal && (
        <>
          <span className="sync-sep" aria-hidden="true" />
          <span className="sync-loading" data-testid="sync-loading-local">
            {t('sync.loadingLocal')}
          </span>
        </>
      )}
    </div>
  );
}

function Rejections() {
  const { t } = useTranslation('shell');
  const rejections = useDesk((s) => s.rejections);
  const dismiss = useDesk((s) => s.dismissRejection);
  if (rejections.length === 0) return null;
  return (
    <section className="rejections" aria-label={t('rejections.label')} data-testid="rejections">
      {rejections.map((rejection) => (
        <div key={rejection.mutationId} className="rejection" role="alert" data-testid="rejection" data-code={rejection.error.code}>
          <div className="rejection-text">
            <strong>{t('rejections.title', { action: rejection.type })}</strong>
            <span>
              {t(`common:errors.${rejection.error.code}`, { defaultValue: rejection.error.code })} — {rejection.error.message}
            </span>
          </div>
          <button
            type="button"
            className="btn btn-small"
            aria-label={t('rejections.dismissLabel')}
            onClick={() => dismiss(rejection.mutationId)}
          >
            {t('rejections.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
