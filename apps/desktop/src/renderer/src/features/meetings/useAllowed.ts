import { mutationsFor, type MutationType } from '@contact-desk/shared';
import { useDesk } from '../../state/desk-store';

/** Whether the signed-in actor's role may perform a given mutation. */
export function useAllowed(): (type: MutationType) => boolean {
  const actor = useDesk((s) => s.sync.actor);
  const role = actor && actor.role !== 'system' ? actor.role : null;
  const allowed = role ? mutationsFor(role) : [];
  return (type) => allowed.includes(type);
}
