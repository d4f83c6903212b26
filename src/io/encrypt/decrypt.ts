import { concatBytes } from '../bytes';
import * as CFB from 'cfb';
import { XlsxError } from '../xlsx/errors';
import { findElement, openTagOf, parseAttrs } from '../xlsx/xml';
import { DEFAULT_MAX_UNCOMPRESSED } from '../xlsx/zip/readZip';
import type { AgileCrypto, HashName } from './crypto';

/**
 * Opening a password-protected workbook: the inverse of agile.ts (ECMA-376 Agile Encryption,
 * MS-OFFCRYPTO 2.3.4.10–15). The password unlocks the package key (checked against the
 * verifier), the package is decrypted segment by segment and its HMAC checked. Works wherever
 * an AgileCrypto does (node:crypto or WebCrypto); bad input only ever throws XlsxError.
 */

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SEGMENT = 4096;

/** The block keys MS-OFFCRYPTO 2.3.4.11–14 fixes for each derived key and IV. */
const BLOCK_KEY = {
  verifierInput: [0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79],
  verifierValue: [0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e],
  keyValue: [0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6],
  hmacKey: [0x5f, 0xb2, 0xad, 0x01, 0x0c, 0xb9, 0xe1, 0xf6],
  hmacValue: [0xa0, 0x67, 0x7f, 0x02, 0xb2, 0x2c, 0x84, 0x33],
};

const HASHES: Record<string, HashName> = { SHA1: 'SHA-1', 'SHA-1': 'SHA-1', SHA256: 'SHA-256', SHA384: 'SHA-384', SHA512: 'SHA-512' };

interface CipherParams {
  salt: Uint8Array;
  hash: HashName;
  keyBytes: number;
  blockSize: number;
  hashSize: number;
}

interface AgileInfo {
  keyData: CipherParams;
  password: CipherParams & { spinCount: number; verifierInput: Uint8Array; verifierValue: Uint8Array; keyValue: Uint8Array };
  hmacKey: Uint8Array | null;
  hmacValue: Uint8Array | null;
}

interface Streams {
  info: Uint8Array;
  pkg: Uint8Array;
}

/** An OLE2 compound file holding EncryptionInfo and EncryptedPackage (what Excel writes for a workbook with a password). */
export function isEncryptedWorkbook(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b) && readStreams(bytes) !== null;
}

function readStreams(bytes: Uint8Array): Streams | null {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch {
    return null;
  }
  const stream = (name: string) => {
    const entry = CFB.find(container, name);
    return entry?.content ? Uint8Array.from(entry.content as ArrayLike<number>) : null;
  };
  const info = stream('EncryptionInfo');
  const pkg = stream('EncryptedPackage');
  return info && pkg ? { info, pkg } : null;
}

function base64(s: string | undefined): Uint8Array {
  if (!s) throw new XlsxError('corrupt');
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function cipherParams(a: Map<string, string>): CipherParams {
  const hash = HASHES[(a.get('hashAlgorithm') ?? '').toUpperCase()];
  const keyBits = Number(a.get('keyBits'));
  const blockSize = Number(a.get('blockSize'));
  if (!hash || a.get('cipherAlgorithm') !== 'AES' || a.get('cipherChaining') !== 'ChainingModeCBC') throw new XlsxError('encryption-unsupported');
  if (![128, 192, 256].includes(keyBits) || blockSize !== 16) throw new XlsxError('encryption-unsupported');
  return { salt: base64(a.get('saltValue')), hash, keyBytes: keyBits / 8, blockSize, hashSize: Number(a.get('hashSize')) };
}

/** The XML of EncryptionInfo version 4.4 (agile); Standard and Extensible encryption (older Office) are not read. */
function parseInfo(info: Uint8Array): AgileInfo {
  if (info.length < 8) throw new XlsxError('corrupt');
  if (!(info[0] === 4 && info[2] === 4)) throw new XlsxError('encryption-unsupported');
  const xml = new TextDecoder('utf-8').decode(info.subarray(8));
  const attrs = (local: string) => {
    const span = findElement(xml, local);
    if (!span) throw new XlsxError('corrupt');
    return parseAttrs(openTagOf(xml, span));
  };
  const keyEncryptor = findElement(xml, 'encryptedKey');
  // Only password key encryptors: certificate-protected files cannot be opened with a password.
  if (!keyEncryptor) throw new XlsxError('encryption-unsupported');
  const p = attrs('encryptedKey');
  const integrity = findElement(xml, 'dataIntegrity') ? attrs('dataIntegrity') : null;
  const spinCount = Number(p.get('spinCount'));
  if (!Number.isInteger(spinCount) || spinCount < 0 || spinCount > 10_000_000) throw new XlsxError('corrupt');
  return {
    keyData: cipherParams(attrs('keyData')),
    password: {
      ...cipherParams(p),
      spinCount,
      verifierInput: base64(p.get('encryptedVerifierHashInput')),
      verifierValue: base64(p.get('encryptedVerifierHashValue')),
      keyValue: base64(p.get('encryptedKeyValue')),
    },
    hmacKey: integrity ? base64(integrity.get('encryptedHmacKey')) : null,
    hmacValue: integrity ? base64(integrity.get('encryptedHmacValue')) : null,
  };
}

const concat = (...parts: ArrayLike<number>[]) => concatBytes(parts);

function uint32(n: number): Uint8Array {
  return new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]);
}

/** Truncated to `size`, or padded with 0x36 (MS-OFFCRYPTO 2.3.4.12). */
function fit(bytes: Uint8Array, size: number): Uint8Array {
  if (bytes.length >= size) return bytes.subarray(0, size);
  const out = new Uint8Array(size).fill(0x36);
  out.set(bytes);
  return out;
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[i * 2] = s.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function wholeBlocks(data: Uint8Array, block: number): Uint8Array {
  if (data.length === 0 || data.length % block !== 0) throw new XlsxError('corrupt');
  return data;
}

async function spinByDigest(hash: HashName, first: Uint8Array, count: number, c: AgileCrypto): Promise<Uint8Array> {
  let h = first;
  for (let i = 0; i < count; i++) h = await c.digest(hash, concat(uint32(i), h));
  return h;
}

/** The package key, unlocked by the password; XlsxError('bad-password') when the verifier disagrees. */
async function packageKey(info: AgileInfo['password'], password: string, c: AgileCrypto): Promise<Uint8Array> {
  const first = await c.digest(info.hash, concat(info.salt, utf16le(password)));
  const spun = c.spin ? await c.spin(info.hash, first, info.spinCount) : await spinByDigest(info.hash, first, info.spinCount, c);
  const keyFor = async (blockKey: number[]) => fit(await c.digest(info.hash, concat(spun, blockKey)), info.keyBytes);
  const iv = fit(info.salt, info.blockSize);
  const decrypt = async (blockKey: number[], data: Uint8Array) =>
    c.aesCbcDecrypt(await keyFor(blockKey), iv, wholeBlocks(data, info.blockSize));
  const verifier = (await decrypt(BLOCK_KEY.verifierInput, info.verifierInput)).subarray(0, info.salt.length);
  const expected = (await decrypt(BLOCK_KEY.verifierValue, info.verifierValue)).subarray(0, info.hashSize);
  if (!equal(await c.digest(info.hash, verifier), expected)) throw new XlsxError('bad-password');
  return (await decrypt(BLOCK_KEY.keyValue, info.keyValue)).subarray(0, info.keyBytes);
}

async function checkIntegrity(info: AgileInfo, key: Uint8Array, encrypted: Uint8Array, c: AgileCrypto): Promise<void> {
  if (!info.hmacKey || !info.hmacValue) return;
  const kd = info.keyData;
  const ivFor = async (blockKey: number[]) => fit(await c.digest(kd.hash, concat(kd.salt, blockKey)), kd.blockSize);
  const hmacKey = (await c.aesCbcDecrypt(key, await ivFor(BLOCK_KEY.hmacKey), wholeBlocks(info.hmacKey, kd.blockSize))).subarray(0, kd.hashSize);
  const hmacValue = (await c.aesCbcDecrypt(key, await ivFor(BLOCK_KEY.hmacValue), wholeBlocks(info.hmacValue, kd.blockSize))).subarray(0, kd.hashSize);
  if (!equal(await c.hmac(kd.hash, hmacKey, encrypted), hmacValue)) throw new XlsxError('corrupt');
}

/** The size the package states in its first 8 bytes, refused past `maxBytes` before any work. */
function declaredSize(encrypted: Uint8Array, maxBytes: number): number {
  if (encrypted.length < 8) throw new XlsxError('corrupt');
  const view = new DataView(encrypted.buffer, encrypted.byteOffset, 8);
  const size = view.getUint32(0, true) + view.getUint32(4, true) * 0x100000000;
  if (size > maxBytes) throw new XlsxError('zip-bomb', { limit: maxBytes });
  if (size > encrypted.length - 8) throw new XlsxError('corrupt');
  return size;
}

/** The package: the size, then 4096-byte segments, each with its own IV (2.3.4.15). */
async function decryptPackage(kd: CipherParams, key: Uint8Array, encrypted: Uint8Array, size: number, c: AgileCrypto): Promise<Uint8Array> {
  const out = new Uint8Array(size);
  for (let i = 0, at = 0; at < size; i++, at += SEGMENT) {
    const segment = encrypted.subarray(8 + at, 8 + Math.min(at + SEGMENT, encrypted.length - 8));
    const whole = segment.subarray(0, segment.length - (segment.length % kd.blockSize));
    const iv = fit(await c.digest(kd.hash, concat(kd.salt, uint32(i))), kd.blockSize);
    const plain = await c.aesCbcDecrypt(key, iv, wholeBlocks(whole, kd.blockSize));
    out.set(plain.subarray(0, Math.min(plain.length, size - at)), at);
  }
  return out;
}

export interface DecryptOptions {
  /** Refuse a package that declares more bytes than this (default: the zip reader's limit). */
  maxBytes?: number;
}

/**
 * The .xlsx bytes inside a password-protected workbook. Throws XlsxError: 'bad-password' for a
 * wrong password, 'encryption-unsupported' for other kinds of protection, 'corrupt' for a damaged file.
 */
export async function decryptWorkbook(bytes: Uint8Array, password: string, crypto: AgileCrypto, opts: DecryptOptions = {}): Promise<Uint8Array> {
  try {
    const streams = readStreams(bytes);
    if (!streams) throw new XlsxError('corrupt');
    const info = parseInfo(streams.info);
    const size = declaredSize(streams.pkg, opts.maxBytes ?? DEFAULT_MAX_UNCOMPRESSED);
    const key = await packageKey(info.password, password, crypto);
    await checkIntegrity(info, key, streams.pkg, crypto);
    return await decryptPackage(info.keyData, key, streams.pkg, size, crypto);
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError('corrupt', {}, { cause: e });
  }
}
