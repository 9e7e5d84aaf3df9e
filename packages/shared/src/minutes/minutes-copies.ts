import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { MinutesContent } from './minutes-content.js';
import { canonicalJson } from '../protocol/chain.js';

/**
 * The copy of adopted minutes published to one invited platform: the meeting, its own
 * attendance line and the ministry's, the general items and its own, its figures and late list.
 * Nothing about another platform is in it, not even a count.
 */
export function contentForPlatform(content: MinutesContent, platformId: string): MinutesContent {
  const about = (id: string | null) => id === null || id === platformId;
  const ownParty = (party: { readonly kind: 'platform' | 'ministry'; readonly id: string }) =>
    party.kind === 'ministry' || party.id === platformId;
  return {
    ...content,
    invited: content.invited.filter(ownParty),
    attendance: content.attendance.filter(ownParty),
    agenda: content.agenda.filter((item) => about(item.platformId)),
    decisions: content.decisions.filter((decision) => about(decision.platformId)),
    actionItems: content.actionItems.filter((item) => ownParty(item.owner)),
    figures: content.figures.filter((row) => row.platformId === platformId),
    late: content.late.filter((row) => row.platformId === platformId),
  };
}

/** The text whose SHA-256 is the content's hash: its RFC 8785 canonical JSON. */
export function minutesHashText(content: MinutesContent): string {
  return canonicalJson(content);
}

/** SHA-256 (hex) of the content's canonical JSON: what the adoption records and anyone can recompute. */
export function minutesHash(content: MinutesContent): string {
  return bytesToHex(sha256(utf8ToBytes(minutesHashText(content))));
}
