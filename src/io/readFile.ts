import fsSync, { constants as FS, promises as fs } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { WorkbookGrid } from '../core/model/workbook';
import { DEFAULT_MAX_UNCOMPRESSED, readWorkbook, XlsxError, type ReadOptions, type ZipOptions } from './xlsx';
import { decryptWorkbook, isEncryptedWorkbook } from './encrypt/decrypt';
import { nodeAgileCrypto } from './encrypt/nodeCrypto';

/**
 * Node's native inflater: several times faster than fflate, and it stops at `maxSize`. The
 * output buffer is sized to the declared size (already within the file's budget): the whole
 * part in one chunk, never re-copied by a concat.
 */
export function nodeInflateRaw(data: Uint8Array, maxSize: number, expectedSize = maxSize): Uint8Array {
  try {
    const chunkSize = Math.max(zlib.constants.Z_MIN_CHUNK, Math.min(maxSize, expectedSize) + 1);
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxSize), chunkSize });
  } catch (e) {
    // More output than the zip declared: a lying header, refused like a bomb.
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new XlsxError('zip-bomb', { limit: maxSize });
    throw new XlsxError('corrupt', {}, { cause: e });
  }
}

/** zlib's native inflate, deflate and CRC (zlib.crc32 exists from node 20.15): pass to openPackage too. */
export const NODE_ZIP: ZipOptions = {
  inflateRaw: nodeInflateRaw,
  deflateRaw: (data) => zlib.deflateRawSync(data, { level: 6 }),
  ...(typeof zlib.crc32 === 'function' ? { crc32: (data: Uint8Array) => zlib.crc32(data) } : {}),
};

/**
 * The .xlsx bytes of a workbook file: a password-protected one is decrypted with `password`
 * (without one it is refused as XlsxError('encrypted')). Node only.
 */
export async function readWorkbookBytes(file: string, password?: string): Promise<Uint8Array> {
  const bytes = await readRegularFile(file, DEFAULT_MAX_UNCOMPRESSED);
  if (password === undefined || !isEncryptedWorkbook(bytes)) return bytes;
  return decryptWorkbook(bytes, password, nodeAgileCrypto);
}

/**
 * The bytes of a regular file no larger than `limit`. FIFOs, devices, folders and links to them
 * are refused without blocking (opened non-blocking, checked on the open handle), and the size
 * is checked before a byte is read, so a huge file is refused at once.
 */
export async function readRegularFile(file: string, limit: number): Promise<Uint8Array> {
  // Synchronous calls: a workbook is a local file read whole, and each awaited call costs an
  // event-loop round trip (four per file: 0.2 ms each, most of the reading of a small one).
  const fd = fsSync.openSync(file, FS.O_RDONLY | (FS.O_NONBLOCK ?? 0));
  try {
    const st = fsSync.fstatSync(fd);
    if (!st.isFile()) throw new XlsxError('not-regular-file');
    if (st.size > limit) throw new XlsxError('file-too-large', { size: st.size, limit });
    const bytes = new Uint8Array(st.size);
    let filled = 0;
    while (filled < bytes.length) {
      const bytesRead = fsSync.readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } finally {
    fsSync.closeSync(fd);
  }
}

/** Reads a workbook file from disk, decrypting it with `password` when it has one (node only). */
export async function readWorkbookFile(file: string, opts: ReadOptions & { password?: string } = {}): Promise<WorkbookGrid> {
  const { password, ...read } = opts;
  return readWorkbook(await readWorkbookBytes(file, password), { ...NODE_ZIP, ...read });
}

/**
 * Writes through a temporary file in the same folder, then renames it over `file`, so a
 * crash never leaves half a workbook. Callers make sure `file` is not the input.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}
