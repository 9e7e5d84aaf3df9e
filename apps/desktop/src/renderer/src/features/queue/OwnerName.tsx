import { ownerOf, type Request, type RequestSide } from '@contact-desk/shared';
import { useDesk } from '../../state/desk-store';
import type { QueueT } from './QueueRow';

/**
 * Who handles a request on one side, by name. "You" for the viewer; a ministry owner a liaison
 * cannot know by name (ministry users are not shared with platforms) is shown as taken.
 */
export function OwnerName({ request, side, t }: { request: Request; side: RequestSide; t: QueueT }) {
  const ownerId = ownerOf(request, side);
  const me = useDesk((s) => s.sync.actor?.userId ?? null);
  const name = useDesk((s) => (ownerId === null ? null : (s.view.users.get(ownerId)?.name ?? null)));
  if (ownerId === null) {
    return (
      <span className="q-owner q-owner-none" title={t('owner.noneTitle')} data-testid={`owner-${side}`} data-owner="">
        {t('owner.none')}
      </span>
    );
  }
  const mine = ownerId === me;
  return (
    <span
      className={`q-owner${mine ? ' is-me' : ''}${name === null ? ' is-unknown' : ''}`}
      title={name ?? t('owner.unknownTitle')}
      data-testid={`owner-${side}`}
      data-owner={ownerId}
    >
      {mine ? t('owner.me') : (name ?? t('owner.unknown'))}
    </span>
  );
}
