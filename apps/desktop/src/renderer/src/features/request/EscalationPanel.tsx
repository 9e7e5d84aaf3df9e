import type { ContactPerson, EscalationTarget, Request } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { wordRefusal, translateWith } from '../common/refusal-wording';
import { contactHref, escalationChain, nextEscalation, type ChainLevel } from './escalation-model';

function useTargetLabel(): (target: EscalationTarget | 'liaisons') => string {
  const { t } = useTranslation(['request', 'common']);
  return (target) => (target === 'liaisons' ? t('escalation.liaisons') : t(`common:escalation.${target}`));
}

/** A person of the chain with how to reach them: a mailto: and a tel: link when known. */
function Contact({ person }: { person: ContactPerson }) {
  const { t } = useTranslation(['request', 'common']);
  const mail = contactHref('email', person.email);
  const phone = contactHref('phone', person.phone);
  return (
    <li className="rq-contact" data-testid="escalation-contact">
      <span className="rq-contact-name">{person.name}</span>
      {mail ? (
        <a href={mail} data-testid="contact-email">
          <span className="kit-visually-hidden">{t('escalation.email', { name: person.name })} </span>
          {person.email}
        </a>
      ) : null}
      {phone ? (
        <a href={phone} data-testid="contact-phone">
          <span className="kit-visually-hidden">{t('escalation.phone', { name: person.name })} </span>
          {person.phone}
        </a>
      ) : null}
    </li>
  );
}

function LevelPeople({ level }: { level: ChainLevel }) {
  const { t } = useTranslation(['request', 'common']);
  if (level.hiddenFromViewer) return <p className="kit-muted rq-chain-empty">{t('escalation.prefectsHidden')}</p>;
  if (level.people.length === 0) return <p className="rq-chain-empty rq-chain-nobody">{t('escalation.nobodyNamed')}</p>;
  return (
    <ul className="rq-contacts">
      {level.people.map((person) => (
        <Contact key={`${person.userId ?? ''}|${person.name}`} person={person} />
      ))}
    </ul>
  );
}

/**
 * Where the request stands on its platform's escalation chain, who is named at every level and
 * how to reach them, and — for the ministry — where "Escalate" would take it, or why it cannot.
 */
export function EscalationPanel({ request, onEscalate }: { request: Request; onEscalate: (hint: string) => void }) {
  const { t } = useTranslation(['request', 'common']);
  const targetLabel = useTargetLabel();
  const view = useDesk((state) => state.view);
  const actor = useDesk((state) => state.sync.actor);
  const now = useDesk((state) => state.relayNow)();
  const chain = escalationChain(view, request, actor);
  const next = nextEscalation(view, request, actor, now);
  const current = chain[request.escalationLevel];
  const nextLabel = next?.ok ? t('escalation.next', { level: next.level, target: targetLabel(next.target) }) : null;
  const nextNames =
    next?.ok && next.people.length > 0 ? t('escalation.nextTo', { names: next.people.map((p) => p.name).join(', ') }) : null;
  return (
    <section className="kit-panel rq-escalation" aria-labelledby="rq-escalation-title" data-testid="escalation-panel">
      <h2 id="rq-escalation-title" className="kit-panel-title">
        {t('escalation.title')}
      </h2>
      <p className="rq-escalation-now" data-testid="escalation-level" data-level={request.escalationLevel}>
        {request.escalationLevel === 0 || !current
          ? t('escalation.none')
          : t('escalation.level', { level: request.escalationLevel, target: targetLabel(current.target) })}
      </p>
      <h3 className="rq-label">{t('escalation.chain')}</h3>
      <ol className="rq-chain" data-testid="escalation-chain">
        {chain.map((level) => (
          <li
            key={level.level}
            className={`rq-chain-level${level.current ? ' rq-chain-current' : ''}${level.reached ? ' rq-chain-reached' : ''}`}
            data-testid="escalation-chain-level"
            data-level={level.level}
            aria-current={level.current ? 'step' : undefined}
          >
            <div className="rq-chain-head">
              <span className="rq-chain-number">{level.level}</span>
              <span className="rq-chain-target">{targetLabel(level.target)}</span>
              {level.current ? <span className="rq-chain-badge">{t('escalation.current')}</span> : null}
            </div>
            <LevelPeople level={level} />
          </li>
        ))}
      </ol>
      {next ? (
        <div className="rq-escalate">
          <button
            type="button"
            className="kit-button"
            disabled={!next.ok}
            aria-describedby="rq-escalate-why"
            data-testid="action-escalate"
            onClick={() => onEscalate([nextLabel, nextNames].filter(Boolean).join('. '))}
          >
            {nextLabel ?? t('escalation.cannot')}
          </button>
          <p id="rq-escalate-why" className="kit-hint" data-testid="escalate-why">
            {next.ok ? nextNames : wordRefusal(next.refusal, translateWith(t))}
          </p>
          {next.ok ? <p className="kit-hint">{t('escalation.manualOnly')}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
