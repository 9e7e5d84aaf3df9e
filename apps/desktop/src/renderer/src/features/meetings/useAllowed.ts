import { isAdopted, mutationsFor, type Meeting, type MutationType } from '@contact-desk/shared';
import { useDesk } from '../../state/desk-store';

/** What adopted minutes freeze: the relay refuses these (`meeting_adopted`) until they are reopened. */
const FROZEN_BY_ADOPTION: ReadonlySet<MutationType> = new Set([
  'meeting.update',
  'meeting.setAttendance',
  'agenda.addItem',
  'agenda.updateItem',
  'agenda.removeItem',
  'agenda.reorder',
  'decision.add',
  'decision.update',
  'decision.remove',
  'actionItem.create',
]);

/**
 * Whether the signed-in actor's role may perform a given mutation — on `meeting`, when given:
 * once its minutes are adopted, the buttons that would only meet a refusal are not offered.
 */
export function useAllowed(meeting?: Meeting): (type: MutationType) => boolean {
  const actor = useDesk((s) => s.sync.actor);
  const role = actor && actor.role !== 'system' ? actor.role : null;
  const allowed = role ? mutationsFor(role) : [];
  const frozen = meeting !== undefined && isAdopted(meeting);
  return (type) => allowed.includes(type) && !(frozen && FROZEN_BY_ADOPTION.has(type));
}
