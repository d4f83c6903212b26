import { deflateSync } from 'fflate';
import { crc32 } from './crc32';
import { concatBytes } from '../../bytes';

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

/** Writes entries deflated, in exactly the given order (part order matters to some readers). */
export function writeZip(files: readonly ZipInput[], opts: ZipWriteOptions = {}): Uint8Array {
  const deflate = opts.deflateRaw ?? ((data: Uint8Array) => deflateSync(data, { level: 6 }));
  const checksum = opts.crc32 ?? ((data: Uint8Array) => crc32(data));
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = encoder.encode(f.name);
    const { method, crc, body } = f.stored ? { ...f.stored, body: f.stored.compressed } : compress(f.data, deflate, checksum);
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
    writeCommon(lv, 4, head, name.length);
    local.set(name, 30);
    locals.push(local, body);

    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    writeCommon(cv, 6, head, name.length);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return concatBytes([...locals, ...centrals, end]);
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
  v.setUint16(at + 24, 0, true);
}

