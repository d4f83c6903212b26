import type { ZipArchive } from '../zip/readZip';

/** Read access to the parts of a package, whether still zipped or already in memory. */
export interface PartSource {
  has(name: string): boolean;
  bytes(name: string): Uint8Array | undefined;
  text(name: string): string | undefined;
}

const utf8 = new TextDecoder('utf-8');
const utf16 = new TextDecoder('utf-16le');

/** XML parts are UTF-8 with an optional BOM; OPC also allows UTF-16. */
export function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16.decode(bytes.subarray(2));
  const s = utf8.decode(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
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
