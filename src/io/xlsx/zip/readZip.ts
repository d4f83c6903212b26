import { Inflate } from 'fflate';
import { XlsxError } from '../errors';
import { crc32 } from './crc32';

/** Default ceiling on everything one file may inflate to (declared and actual). */
export const DEFAULT_MAX_UNCOMPRESSED = 1024 ** 3;

/** Compressed bytes fed to the inflater per step: bounds the output of one step to ~64 MB (DEFLATE tops out near 1032:1). */
const INFLATE_STEP = 64 * 1024;

/** Output past an entry's declared size still read as a damaged header rather than a bomb. */
const PROBE_SLACK = 16 * 1024 ** 2;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/**
 * A raw-DEFLATE inflater that must not produce more than `maxSize` bytes (throw instead).
 * Node callers may pass zlib's native one; the default is fflate's streaming inflater.
 */
export type InflateRaw = (data: Uint8Array, maxSize: number, expectedSize?: number) => Uint8Array;

/** How a zip is read: the size limit, and optional native helpers (node's zlib) for speed. */
export interface ZipOptions {
  maxUncompressedBytes?: number;
  inflateRaw?: InflateRaw;
  /** CRC-32 (IEEE) of `data`; the portable one is used without it. */
  crc32?: (data: Uint8Array) => number;
  /** Raw DEFLATE for parts written back after an edit; fflate's without it. */
  deflateRaw?: (data: Uint8Array) => Uint8Array;
}

/** Shared running count of inflated bytes across all entries of one file. */
interface Budget {
  used: number;
  readonly limit: number;
}

/**
 * A zip read from its central directory, entries inflated on demand with a byte budget,
 * so a crafted archive is refused before it can fill memory.
 */
export class ZipArchive {
  readonly entries: readonly ZipEntry[];
  private readonly byLowerName = new Map<string, ZipEntry>();
  private readonly budget: Budget;
  private readonly inflateRaw: InflateRaw | undefined;
  private readonly crc32: (data: Uint8Array) => number;

  constructor(
    private readonly bytes: Uint8Array,
    opts: ZipOptions = {},
  ) {
    const limit = opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED;
    this.inflateRaw = opts.inflateRaw;
    this.crc32 = opts.crc32 ?? ((data) => crc32(data));
    rejectNonZip(bytes);
    this.entries = readCentralDirectory(bytes);
    let declared = 0;
    for (const e of this.entries) {
      declared += e.size;
      // Some writers store part names with '\\' (Windows paths); OPC names use '/'.
      this.byLowerName.set(e.name.replace(/\\/g, '/').toLowerCase(), e);
    }
    if (declared > limit) throw new XlsxError('zip-bomb', { limit });
    this.budget = { used: 0, limit };
  }

  /** Part names are case-insensitive in OPC. */
  find(name: string): ZipEntry | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  /** The entry's data as stored in the archive (compressed), located through its local header. */
  compressed(entry: ZipEntry): Uint8Array {
    if (entry.flags & 1) throw new XlsxError('encrypted');
    const v = view(this.bytes);
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || v.getUint32(at, true) !== 0x04034b50) throw new XlsxError('corrupt');
    const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new XlsxError('corrupt');
    return this.bytes.subarray(start, end);
  }

  /** The entry's content, inflated within the byte budget and checked against its size and CRC. */
  read(entry: ZipEntry): Uint8Array {
    const raw = this.compressed(entry);
    let out: Uint8Array;
    if (entry.method === 0) {
      this.spend(raw.length);
      out = raw;
    } else if (entry.method === 8) {
      out = entry.size === 0 && raw.length === 0 ? raw : this.inflate(raw, entry);
    } else {
      throw new XlsxError('corrupt');
    }
    if (out.length !== entry.size || this.crc32(out) !== entry.crc) throw new XlsxError('corrupt');
    return out;
  }

  private spend(n: number): void {
    this.budget.used += n;
    if (this.budget.used > this.budget.limit) throw new XlsxError('zip-bomb', { limit: this.budget.limit });
  }

  /**
   * How far past its declared size an entry may inflate before it counts as a bomb: a little
   * more output is a damaged or lying header (refused as corrupt), a lot is a bomb.
   */
  private probeLimit(entry: ZipEntry): number {
    return Math.min(this.budget.limit, entry.size + PROBE_SLACK);
  }

  private inflate(raw: Uint8Array, entry: ZipEntry): Uint8Array {
    if (this.inflateRaw) {
      this.spend(entry.size);
      let out: Uint8Array;
      try {
        out = this.inflateRaw(raw, this.probeLimit(entry), entry.size);
      } catch (e) {
        // The inflater knows only the probe limit; the user is told the file's limit.
        if (e instanceof XlsxError && e.code === 'zip-bomb') throw new XlsxError('zip-bomb', { limit: this.budget.limit });
        if (e instanceof XlsxError) throw e;
        throw new XlsxError('corrupt', {}, { cause: e });
      }
      if (out.length !== entry.size) throw new XlsxError('corrupt');
      return out;
    }
    return this.inflateStreaming(raw, entry);
  }

  /**
   * fflate in steps, counting every byte as it comes out, into one buffer of the declared size
   * (already within the limit): output past it means the header lies, and stops the inflater.
   */
  private inflateStreaming(raw: Uint8Array, entry: ZipEntry): Uint8Array {
    const out = new Uint8Array(entry.size);
    const probe = this.probeLimit(entry);
    let total = 0;
    let finished = false;
    const inflater = new Inflate((chunk, final) => {
      this.spend(chunk.length);
      if (total + chunk.length > probe) throw new XlsxError('zip-bomb', { limit: this.budget.limit });
      // Past the declared size only counted: the size check below refuses the entry as corrupt.
      if (total + chunk.length <= entry.size) out.set(chunk, total);
      else if (total < entry.size) out.set(chunk.subarray(0, entry.size - total), total);
      total += chunk.length;
      if (final) finished = true;
    });
    try {
      for (let i = 0; i < raw.length; i += INFLATE_STEP) {
        const last = i + INFLATE_STEP >= raw.length;
        inflater.push(raw.subarray(i, Math.min(raw.length, i + INFLATE_STEP)), last);
      }
    } catch (e) {
      if (e instanceof XlsxError) throw e;
      throw new XlsxError('corrupt', {}, { cause: e });
    }
    if (!finished || total !== entry.size) throw new XlsxError('corrupt');
    return out;
  }
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** UTF-16LE, as OLE2 directory entries store stream names. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pat = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) pat[i * 2] = text.charCodeAt(i);
  const first = pat[0]!;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - pat.length; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < pat.length; k++) if (bytes[i + k] !== pat[k]) continue outer;
    return true;
  }
  return false;
}

/** Empty files, old .xls and password-protected workbooks (both OLE2 containers) get their own message. */
function rejectNonZip(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new XlsxError('empty');
  if (startsWith(bytes, OLE_SIGNATURE)) {
    const encrypted = containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo');
    throw new XlsxError(encrypted ? 'encrypted' : 'xls');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new XlsxError('not-zip');
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const v = view(bytes);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes[i] === 0x50 && v.getUint32(i, true) === 0x06054b50) return i;
  }
  throw new XlsxError('corrupt');
}

function readUint64(v: DataView, at: number): number {
  return v.getUint32(at, true) + v.getUint32(at + 4, true) * 0x100000000;
}

function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const v = view(bytes);
  const eocd = findEndOfCentralDirectory(bytes);
  let count = v.getUint16(eocd + 10, true);
  let offset = v.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || v.getUint32(locator, true) !== 0x07064b50) throw new XlsxError('corrupt');
    const z = readUint64(v, locator + 8);
    if (z + 56 > bytes.length || v.getUint32(z, true) !== 0x06064b50) throw new XlsxError('corrupt');
    count = readUint64(v, z + 32);
    offset = readUint64(v, z + 48);
  }
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== 0x02014b50) throw new XlsxError('corrupt');
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > bytes.length) throw new XlsxError('corrupt');
    const sizes = {
      size: v.getUint32(p + 24, true),
      compressedSize: v.getUint32(p + 20, true),
      localOffset: v.getUint32(p + 42, true),
    };
    applyZip64Extra(v, p + 46 + nameLen, extraLen, sizes);
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      flags: v.getUint16(p + 8, true),
      method: v.getUint16(p + 10, true),
      crc: v.getUint32(p + 16, true),
      ...sizes,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Zip64 stores the real sizes/offset in extra field 0x0001 when the 32-bit ones are saturated. */
function applyZip64Extra(
  v: DataView,
  start: number,
  length: number,
  s: { size: number; compressedSize: number; localOffset: number },
): void {
  const MAX = 0xffffffff;
  for (let p = start; p + 4 <= start + length; ) {
    const id = v.getUint16(p, true);
    const len = v.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const take = (): number => {
        if (q + 8 > p + 4 + len) throw new XlsxError('corrupt');
        const x = readUint64(v, q);
        q += 8;
        return x;
      };
      if (s.size === MAX) s.size = take();
      if (s.compressedSize === MAX) s.compressedSize = take();
      if (s.localOffset === MAX) s.localOffset = take();
      return;
    }
    p += 4 + len;
  }
}
