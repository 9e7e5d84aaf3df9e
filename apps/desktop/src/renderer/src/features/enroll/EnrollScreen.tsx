import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LaunchOptions } from '../../app/launch-options';
import { LANGUAGES, switchLanguage } from '../../i18n/i18n';
import { useDesk, type EnrollFailure } from '../../state/desk-store';
import '../../styles/enroll.css';

type EnrollError = EnrollFailure | { readonly code: 'missing'; readonly message: string };

/** The addresses as typed were refused: the user corrects the relay field, not the code. */
function addressRefusal(error: EnrollError | null): boolean {
  return error?.code === 'relay_address_invalid' || error?.code === 'relay_addresses_too_many';
}

/** What the user reads of a refusal of the addresses typed, in their language. */
function addressRefusalText(error: EnrollError, t: TFunction<'enroll'>): string | null {
  if (error.code === 'relay_address_invalid') return t('addressInvalid', { address: error.address });
  if (error.code === 'relay_addresses_too_many') return t('addressesTooMany', { count: error.count, max: error.max });
  return null;
}

/** Whole minutes until the relay accepts an attempt again (its `retryAfterMs`), at least 1. */
function waitMinutes(error: EnrollError): number {
  const ms = 'details' in error ? error.details?.retryAfterMs : undefined;
  return typeof ms === 'number' && Number.isFinite(ms) ? Math.max(1, Math.ceil(ms / 60_000)) : 15;
}

export function EnrollScreen({ options }: { options: LaunchOptions }) {
  const { t, i18n } = useTranslation(['enroll', 'common']);
  const enroll = useDesk((s) => s.enroll);
  const [relay, setRelay] = useState(options.relay ?? '');
  const [code, setCode] = useState(options.code ?? '');
  const [device, setDevice] = useState(() =>
    'electron' in (globalThis as Record<string, unknown>) || navigator.userAgent.includes('Electron')
      ? t('defaultDesktop')
      : t('defaultDevice'),
  );
  const [busy, setBusy] = useState(false);
  const [auto, setAuto] = useState(false);
  const [error, setError] = useState<EnrollError | null>(null);
  const autoStarted = useRef(false);
  const errorRef = useRef<HTMLDivElement>(null);

  const submit = async (relayValue: string, codeValue: string, deviceValue: string) => {
    if (!relayValue.trim() || !codeValue.trim() || !deviceValue.trim()) {
      setError({ code: 'missing', message: t('required') });
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await enroll(relayValue.trim(), codeValue.trim(), deviceValue.trim());
    // On success the app moves on to the queue and this screen unmounts.
    if (failure) {
      setError(failure);
      setBusy(false);
      setAuto(false);
    }
  };

  useEffect(() => {
    if (autoStarted.current) return;
    autoStarted.current = true;
    if (options.autoEnroll && options.relay && options.code) {
      setAuto(true);
      void submit(options.relay, options.code, device);
    }
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(relay, code, device);
  };

  return (
    <div className="enroll-page">
      <nav className="enroll-lang" aria-label="Langue / Language">
        {LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            aria-pressed={i18n.language === language}
            onClick={() => void switchLanguage(language)}
          >
            {language.toUpperCase()}
          </button>
        ))}
      </nav>
      <main className="enroll-card" aria-labelledby="enroll-title">
        <div className="enroll-brand">
          <span className="enroll-logo" aria-hidden="true">
            CD
          </span>
          <span className="enroll-product">{t('common:appName')}</span>
        </div>
        <h1 id="enroll-title">{t('title')}</h1>
        <p className="enroll-intro">{t('intro')}</p>
        <section className="enroll-steps" aria-labelledby="enroll-steps-title">
          <h2 id="enroll-steps-title">{t('steps.title')}</h2>
          <ol>
            <li>{t('steps.one')}</li>
            <li>{t('steps.two')}</li>
            <li>{t('steps.three')}</li>
          </ol>
        </section>
        {error && (
          <div className="enroll-error" role="alert" tabIndex={-1} ref={errorRef} data-testid="enroll-error" data-code={error.code}>
            <strong>
              {t('failed')}
              {error.code !== 'missing' && !addressRefusal(error) && (
                <> — {t(`common:errors.${error.code}`, { defaultValue: error.code })}</>
              )}
            </strong>
            <span>{addressRefusalText(error, t) ?? error.message}</span>
            {error.code === 'rate_limited' ? (
              <span className="enroll-help">{t('tooMany', { minutes: waitMinutes(error) })}</span>
            ) : (
              error.code !== 'missing' &&
              error.code !== 'unreachable' &&
              !addressRefusal(error) && <span className="enroll-help">{t('help')}</span>
            )}
          </div>
        )}
        <form className="enroll-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
          <div className="field">
            <label htmlFor="enroll-relay">{t('relay')}</label>
            <textarea
              id="enroll-relay"
              className="input enroll-relay"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              required
              rows={Math.min(4, relay.split('\n').length)}
              value={relay}
              aria-describedby="enroll-relay-hint"
              aria-invalid={addressRefusal(error) || undefined}
              data-testid="enroll-relay"
              onChange={(event) => {
                setRelay(event.target.value);
                // A refusal of the addresses typed no longer stands once they are edited.
                if (addressRefusal(error)) setError(null);
              }}
            />
            <span id="enroll-relay-hint" className="field-hint">
              {t('relayHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="enroll-code">{t('code')}</label>
            <input
              id="enroll-code"
              className="input enroll-code"
              autoComplete="one-time-code"
              spellCheck={false}
              required
              value={code}
              aria-describedby="enroll-code-hint"
              data-testid="enroll-code"
              onChange={(event) => setCode(event.target.value)}
            />
            <span id="enroll-code-hint" className="field-hint">
              {t('codeHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="enroll-device">{t('device')}</label>
            <input
              id="enroll-device"
              className="input"
              required
              maxLength={80}
              value={device}
              aria-describedby="enroll-device-hint"
              data-testid="enroll-device"
              onChange={(event) => setDevice(event.target.value)}
            />
            <span id="enroll-device-hint" className="field-hint">
              {t('deviceHint')}
            </span>
          </div>
          <button type="submit" className="btn btn-primary enroll-submit" disabled={busy} data-testid="enroll-submit">
            {busy ? (auto ? t('auto') : t('working')) : t('submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
