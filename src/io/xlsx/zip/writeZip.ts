import { deflateSync } from 'fflate';
import { crc32 } from './crc32';
import { concatBytes } from '../../bytes';
import { XlsxError } from '../errors';

export interface ZipInput {
  name: string;
  data: Uint8Array;
  /** The entry as it was stored in the source archive, copied as is instead of compressing again. */
  stored?: { method: number; crc: number; compressed: Uint8Array };
}

export interface ZipWriteOptions {
  deflateRaw?: (data: Uint8Array) => Uint8Array;
  crc32?: (data: Uint8Array) => number;
}

/** 1980-01-01 00:00 in DOS format: a fixed stamp keeps output reproducible. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Saturated 16- and 32-bit fields: the real value is in the ZIP64 records. */
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/**
 * A name that would leave the folder it is unpacked into (zip slip) or that no OPC part can
 * have: a `..` or `.` segment, an absolute path, a drive letter, an empty segment.
 */
export function isUnsafeEntryName(name: string): boolean {
  if (/^[\\/]|^[a-z]:/i.test(name)) return true;
  return name.split(/[\\/]/).some((seg, i, all) => seg === '..' || seg === '.' || (seg === '' && i < all.length - 1));
}

/**
 * Writes entries deflated, in exactly the given order (part order matters to some readers).
 * ZIP64 records are added only when needed: 65,535 entries or more, or offsets past 4 GiB.
 */
export function writeZip(files: readonly ZipInput[], opts: ZipWriteOptions = {}): Uint8Array {
  const deflate = opts.deflateRaw ?? ((data: Uint8Array) => deflateSync(data, { level: 6 }));
  const checksum = opts.crc32 ?? ((data: Uint8Array) => crc32(data));
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    if (isUnsafeEntryName(f.name)) throw new XlsxError('unsafe-entry', { name: f.name });
    const name = encoder.encode(f.name);
    const { method, crc, body } = f.stored ? { ...f.stored, body: f.stored.compressed } : compress(f.data, deflate, checksum);
    if (body.length >= MAX32 || f.data.length >= MAX32) throw new XlsxError('part-too-large');
    const head = {
      flags: /[^\x20-\x7e]/.test(f.name) ? 0x0800 : 0,
      method,
      crc,
      compressedSize: body.length,
      size: f.data.length,
    };
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    writeCommon(lv, 4, head, name.length, 0);
    local.set(name, 30);
    locals.push(local, body);

    // An entry starting past 4 GiB keeps its offset in a ZIP64 extra field.
    const far = offset >= MAX32;
    const central = new Uint8Array(46 + name.length + (far ? 12 : 0));
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, far ? 45 : 20, true);
    writeCommon(cv, 6, head, name.length, far ? 12 : 0);
    if (far) cv.setUint16(6, 45, true);
    cv.setUint32(42, far ? MAX32 : offset, true);
    central.set(name, 46);
    if (far) {
      cv.setUint16(46 + name.length, 0x0001, true);
      cv.setUint16(48 + name.length, 8, true);
      setUint64(cv, 50 + name.length, offset);
    }
    centrals.push(central);
    offset += local.length + body.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const zip64 = files.length >= MAX16 || offset >= MAX32 || centralSize >= MAX32;
  const tail = zip64 ? zip64Tail(files.length, centralSize, offset) : [];
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, Math.min(files.length, MAX16), true);
  ev.setUint16(10, Math.min(files.length, MAX16), true);
  ev.setUint32(12, Math.min(centralSize, MAX32), true);
  ev.setUint32(16, zip64 ? MAX32 : offset, true);
  return concatBytes([...locals, ...centrals, ...tail, end]);
}

/** The ZIP64 end of central directory record and its locator (APPNOTE 4.3.14, 4.3.15). */
function zip64Tail(count: number, centralSize: number, centralOffset: number): Uint8Array[] {
  const record = new Uint8Array(56);
  const rv = new DataView(record.buffer);
  rv.setUint32(0, 0x06064b50, true);
  setUint64(rv, 4, 44); // size of the rest of the record
  rv.setUint16(12, 45, true);
  rv.setUint16(14, 45, true);
  setUint64(rv, 24, count);
  setUint64(rv, 32, count);
  setUint64(rv, 40, centralSize);
  setUint64(rv, 48, centralOffset);
  const locator = new Uint8Array(20);
  const lv = new DataView(locator.buffer);
  lv.setUint32(0, 0x07064b50, true);
  setUint64(lv, 8, centralOffset + centralSize);
  lv.setUint32(16, 1, true); // one disk
  return [record, locator];
}

function setUint64(v: DataView, at: number, n: number): void {
  v.setUint32(at, n % 0x100000000, true);
  v.setUint32(at + 4, Math.floor(n / 0x100000000), true);
}

function compress(
  data: Uint8Array,
  deflate: (data: Uint8Array) => Uint8Array,
  checksum: (data: Uint8Array) => number,
): { method: number; crc: number; body: Uint8Array } {
  const deflated = deflate(data);
  const stored = deflated.length >= data.length;
  return { method: stored ? 0 : 8, crc: checksum(data), body: stored ? data : deflated };
}

/** The fields local and central headers share, from "version needed" to "extra length". */
function writeCommon(
  v: DataView,
  at: number,
  h: { flags: number; method: number; crc: number; compressedSize: number; size: number },
  nameLength: number,
  extraLength: number,
): void {
  v.setUint16(at, 20, true);
  v.setUint16(at + 2, h.flags, true);
  v.setUint16(at + 4, h.method, true);
  v.setUint16(at + 6, 0, true);
  v.setUint16(at + 8, DOS_DATE, true);
  v.setUint32(at + 10, h.crc, true);
  v.setUint32(at + 14, h.compressedSize, true);
  v.setUint32(at + 18, h.size, true);
  v.setUint16(at + 22, nameLength, true);
  v.setUint16(at + 24, extraLength, true);
}
