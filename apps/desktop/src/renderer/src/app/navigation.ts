import { create } from 'zustand';

/** Where the user is. Mirrored in the location hash so back/forward and reloads work. */
export type Route =
  | { readonly screen: 'queue' }
  | { readonly screen: 'request'; readonly requestId: string }
  | { readonly screen: 'create' }
  | { readonly screen: 'admin' }
  | { readonly screen: 'meetings' }
  | { readonly screen: 'meeting'; readonly meetingId: string }
  | { readonly screen: 'exports' }
  | { readonly screen: 'figures' }
  | { readonly screen: 'campaigns' }
  | { readonly screen: 'campaign'; readonly campaignId: string };

export function parseRoute(hash: string): Route {
  const [screen, id] = hash.replace(/^#\/?/, '').split('/');
  if (screen === 'request' && id) return { screen: 'request', requestId: decodeURIComponent(id) };
  if (screen === 'new') return { screen: 'create' };
  if (screen === 'admin') return { screen: 'admin' };
  if (screen === 'meetings') return { screen: 'meetings' };
  if (screen === 'exports') return { screen: 'exports' };
  if (screen === 'figures') return { screen: 'figures' };
  if (screen === 'meeting' && id) return { screen: 'meeting', meetingId: decodeURIComponent(id) };
  if (screen === 'campaigns') return { screen: 'campaigns' };
  if (screen === 'campaign' && id) return { screen: 'campaign', campaignId: decodeURIComponent(id) };
  return { screen: 'queue' };
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'request':
      return `#/request/${encodeURIComponent(route.requestId)}`;
    case 'create':
      return '#/new';
    case 'admin':
      return '#/admin';
    case 'queue':
      return '#/queue';
    case 'meetings':
      return '#/meetings';
    case 'exports':
      return '#/exports';
    case 'figures':
      return '#/figures';
    case 'meeting':
      return `#/meeting/${encodeURIComponent(route.meetingId)}`;
    case 'campaigns':
      return '#/campaigns';
    case 'campaign':
      return `#/campaign/${encodeURIComponent(route.campaignId)}`;
  }
}

interface NavigationState {
  readonly route: Route;
  go(route: Route): void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  route: parseRoute(globalThis.location?.hash ?? ''),
  go(route) {
    const hash = routeHash(route);
    if (globalThis.location && globalThis.location.hash !== hash) globalThis.location.hash = hash;
    set({ route });
  },
}));

globalThis.addEventListener?.('hashchange', () => {
  useNavigation.setState({ route: parseRoute(globalThis.location.hash) });
});
