import { XlsxError } from '../errors';

const UTF8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** The encoding of an XML part, from its BOM, its first bytes (XML 1.0 appendix F) or its declaration. */
function encodingOf(b: Uint8Array): { label: string; skip: number } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return { label: 'utf-16le', skip: 0 };
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return { label: 'utf-16be', skip: 0 };
  if (b[0] === 0x3c && b[1] === 0x3f) {
    // ASCII-compatible: the declaration may name another single-byte or multi-byte encoding.
    let end = 2;
    while (end < b.length && end < 200 && b[end] !== 0x3e) end++;
    const m = /\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(String.fromCharCode(...b.subarray(0, end)));
    if (m && !/^utf-?8$/i.test(m[1]!)) return { label: m[1]!.toLowerCase(), skip: 0 };
  }
  return { label: 'utf-8', skip: 0 };
}

function decoderFor(label: string): TextDecoder {
  try {
    return label === 'utf-8' ? UTF8 : new TextDecoder(label);
  } catch {
    throw new XlsxError('corrupt');
  }
}

/** The text of an XML part, whatever encoding XML allows it to be in; no BOM. */
export function xmlText(bytes: Uint8Array): string {
  const { label, skip } = encodingOf(bytes);
  return decoderFor(label).decode(skip ? bytes.subarray(skip) : bytes);
}

/** The part as UTF-8 bytes without BOM, for the byte scanners (re-encoded only when it is not UTF-8 already). */
export function xmlUtf8(bytes: Uint8Array): Uint8Array {
  const { label, skip } = encodingOf(bytes);
  if (label === 'utf-8') return skip ? bytes.subarray(skip) : bytes;
  return encoder.encode(decoderFor(label).decode(skip ? bytes.subarray(skip) : bytes));
}
