import type { AddinRoute } from '../io/xlsx/spec';
import { TEMPLATE_TEXTS } from '../i18n/zh-CN/templates';

/** What most schools get: the education bureau deploys the add-in from the Microsoft 365 admin center. */
export const DEFAULT_ROUTE: AddinRoute = { kind: 'centralized' };

export const ROUTE_NAMES = ['centralized', 'share', 'sideload'] as const;

/** A UNC path with a server and a share: the form a Trust Center catalog takes (\\server\share[\folder]). */
const UNC = /^\\\\[^\\/:*?"<>|]+\\[^\\/:*?"<>|]+(\\[^\\/:*?"<>|]+)*\\?$/;

/**
 * The route from its name (and, for a share, its path). Throws a Chinese message for the
 * user when either is wrong: a template tagged for the wrong route never opens its pane.
 */
export function parseRoute(name: string | undefined, share: string | undefined): AddinRoute {
  const kind = name ?? (share ? 'share' : DEFAULT_ROUTE.kind);
  if (kind === 'centralized' || kind === 'sideload') {
    if (share) throw new Error(TEMPLATE_TEXTS.shareWithoutRoute);
    return { kind };
  }
  if (kind !== 'share') throw new Error(TEMPLATE_TEXTS.badRoute(kind, ROUTE_NAMES));
  if (!share) throw new Error(TEMPLATE_TEXTS.noSharePath);
  if (!UNC.test(share)) throw new Error(TEMPLATE_TEXTS.badSharePath(share));
  return { kind, path: share.replace(/\\$/, '') };
}
