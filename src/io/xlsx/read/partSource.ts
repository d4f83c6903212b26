import type { ZipArchive } from '../zip/readZip';
import { xmlText } from './encoding';

/** Read access to the parts of a package, whether still zipped or already in memory. */
export interface PartSource {
  has(name: string): boolean;
  bytes(name: string): Uint8Array | undefined;
  text(name: string): string | undefined;
}

/** XML parts are UTF-8 or UTF-16 (either byte order), with or without a BOM. */
export function decodePart(bytes: Uint8Array): string {
  return xmlText(bytes);
}

export function zipSource(zip: ZipArchive): PartSource {
  const bytes = (name: string): Uint8Array | undefined => {
    const e = zip.find(name);
    return e ? zip.read(e) : undefined;
  };
  return {
    has: (name) => zip.find(name) !== undefined,
    bytes,
    text: (name) => {
      const b = bytes(name);
      return b ? decodePart(b) : undefined;
    },
  };
}
