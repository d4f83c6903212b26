import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import * as CFB from 'cfb';

/**
 * Excel's own password protection for .xlsx (ECMA-376 Agile Encryption, MS-OFFCRYPTO 2.3.4.10):
 * the zip package encrypted with AES-256-CBC under a random key, that key encrypted under a
 * key derived from the password (SHA-512, 100 000 rounds), an HMAC for integrity, all in an
 * OLE2 compound file holding the EncryptionInfo and EncryptedPackage streams. Excel and WPS
 * ask for the password on opening. Node only (the command line).
 */

const SPIN_COUNT = 100_000;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const BLOCK = 16;
const SEGMENT = 4096;

/** The block keys MS-OFFCRYPTO 2.3.4.11–14 fixes for each derived key and IV. */
const BLOCK_KEY = {
  verifierInput: Buffer.from('fea7d2763b4b9e79', 'hex'),
  verifierValue: Buffer.from('d7aa0f6d3061344e', 'hex'),
  keyValue: Buffer.from('146e0be7abacd0d6', 'hex'),
  hmacKey: Buffer.from('5fb2ad010cb9e1f6', 'hex'),
  hmacValue: Buffer.from('a0677f02b22c8433', 'hex'),
};

function sha512(...parts: Buffer[]): Buffer {
  const h = createHash('sha512');
  for (const p of parts) h.update(p);
  return h.digest();
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** AES-256-CBC without padding: every input here is already a whole number of blocks. */
function aes(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function padToBlock(data: Buffer): Buffer {
  const rest = data.length % BLOCK;
  return rest ? Buffer.concat([data, Buffer.alloc(BLOCK - rest)]) : data;
}

/** H(salt + password) spun SPIN_COUNT times (2.3.4.11); the slow part, done once. */
function spunPasswordHash(password: string, salt: Buffer): Buffer {
  let h = sha512(salt, Buffer.from(password, 'utf16le'));
  for (let i = 0; i < SPIN_COUNT; i++) h = sha512(uint32(i), h);
  return h;
}

function ivFor(salt: Buffer, blockKey: Buffer): Buffer {
  return sha512(salt, blockKey).subarray(0, BLOCK);
}

/** The package encrypted in 4096-byte segments, each with its own IV, after its 8-byte size. */
function encryptPackage(pkg: Buffer, key: Buffer, salt: Buffer): Buffer {
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(pkg.length));
  const parts: Buffer[] = [size];
  for (let i = 0, at = 0; at < pkg.length; i++, at += SEGMENT) {
    parts.push(aes(key, ivFor(salt, uint32(i)), padToBlock(pkg.subarray(at, at + SEGMENT))));
  }
  return Buffer.concat(parts);
}

function encryptionInfo(a: Record<string, Buffer>): Buffer {
  const b64 = (k: string) => a[k]!.toString('base64');
  const cipher = `blockSize="${BLOCK}" keyBits="${KEY_BYTES * 8}" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"`;
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">' +
    `<keyData saltSize="${SALT_BYTES}" ${cipher} saltValue="${b64('keyDataSalt')}"/>` +
    `<dataIntegrity encryptedHmacKey="${b64('encryptedHmacKey')}" encryptedHmacValue="${b64('encryptedHmacValue')}"/>` +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<p:encryptedKey spinCount="${SPIN_COUNT}" saltSize="${SALT_BYTES}" ${cipher} saltValue="${b64('passwordSalt')}" ` +
    `encryptedVerifierHashInput="${b64('verifierInput')}" encryptedVerifierHashValue="${b64('verifierValue')}" encryptedKeyValue="${b64('keyValue')}"/>` +
    '</keyEncryptor></keyEncryptors></encryption>';
  // Version 4.4 (agile) and the reserved flags 0x40.
  return Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(xml, 'utf8')]);
}

/** The .xlsx bytes `pkg` as a password-protected workbook that Excel and WPS open with `password`. */
export function encryptWorkbook(pkg: Uint8Array, password: string): Uint8Array {
  const packageKey = randomBytes(KEY_BYTES);
  const keyDataSalt = randomBytes(SALT_BYTES);
  const passwordSalt = randomBytes(SALT_BYTES);
  const encryptedPackage = encryptPackage(Buffer.from(pkg), packageKey, keyDataSalt);

  const hmacKey = randomBytes(64);
  const hmacValue = createHmac('sha512', hmacKey).update(encryptedPackage).digest();

  const spun = spunPasswordHash(password, passwordSalt);
  const keyFor = (blockKey: Buffer) => sha512(spun, blockKey).subarray(0, KEY_BYTES);
  const verifier = randomBytes(SALT_BYTES);

  const info = encryptionInfo({
    keyDataSalt,
    passwordSalt,
    encryptedHmacKey: aes(packageKey, ivFor(keyDataSalt, BLOCK_KEY.hmacKey), hmacKey),
    encryptedHmacValue: aes(packageKey, ivFor(keyDataSalt, BLOCK_KEY.hmacValue), hmacValue),
    verifierInput: aes(keyFor(BLOCK_KEY.verifierInput), passwordSalt, verifier),
    verifierValue: aes(keyFor(BLOCK_KEY.verifierValue), passwordSalt, sha512(verifier)),
    keyValue: aes(keyFor(BLOCK_KEY.keyValue), passwordSalt, packageKey),
  });

  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, 'EncryptionInfo', info);
  CFB.utils.cfb_add(container, 'EncryptedPackage', encryptedPackage);
  CFB.utils.cfb_del(container, '\u0001Sh33tJ5'); // cfb's placeholder entry
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
}
