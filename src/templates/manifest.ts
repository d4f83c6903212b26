import type { AddinRef } from './build';

/** The add-in's <Id> and <Version> from the manifest's text (the first of each is the OfficeApp's own). */
export function addinFromManifest(xml: string): AddinRef | null {
  const id = /<Id>\s*([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\s*<\/Id>/.exec(xml)?.[1];
  const version = /<Version>\s*(\d+(?:\.\d+){1,3})\s*<\/Version>/.exec(xml)?.[1];
  return id && version ? { id, version } : null;
}
