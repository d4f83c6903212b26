/** The few primitives Agile decryption needs, so node (node:crypto) and browsers (WebCrypto) can both serve. */
export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface AgileCrypto {
  digest(hash: HashName, data: Uint8Array): Promise<Uint8Array>;
  /** AES-CBC decryption of whole blocks, no padding removed. */
  aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
  hmac(hash: HashName, key: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
  /**
   * The password hash spin (MS-OFFCRYPTO 2.3.4.11): h = H(i as uint32 LE + h) for i < count.
   * Optional: without it the spin runs through `digest`, one await per round (slow in WebCrypto).
   */
  spin?(hash: HashName, h: Uint8Array, count: number): Promise<Uint8Array>;
}

/** The subset of SubtleCrypto used here (browsers' crypto.subtle; node's webcrypto.subtle). */
type Subtle = Pick<SubtleCrypto, 'digest' | 'importKey' | 'encrypt' | 'decrypt' | 'sign'>;

const BLOCK = 16;

/** WebCrypto takes views of plain ArrayBuffers only. */
function own(b: Uint8Array): Uint8Array<ArrayBuffer> {
  return b.buffer instanceof ArrayBuffer ? (b as Uint8Array<ArrayBuffer>) : new Uint8Array(b);
}

/**
 * WebCrypto's AES-CBC always strips PKCS#7 padding, and these blocks have none: appending the
 * encryption of one full padding block, chained from the last ciphertext block, makes the
 * decryption end in exactly that padding, which WebCrypto then removes.
 */
export function webAgileCrypto(subtle: Subtle, spin?: AgileCrypto['spin']): AgileCrypto {
  return {
    ...(spin ? { spin } : {}),
    async digest(hash, data) {
      return new Uint8Array(await subtle.digest(hash, own(data)));
    },
    async aesCbcDecrypt(key, iv, data) {
      if (data.length === 0) return data;
      const k = await subtle.importKey('raw', own(key), 'AES-CBC', false, ['encrypt', 'decrypt']);
      const last = own(data.slice(data.length - BLOCK));
      // Encrypting nothing yields one block: E(last XOR padding), the padding block wanted.
      const pad = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv: last }, k, new Uint8Array(0)));
      const padded = new Uint8Array(data.length + BLOCK);
      padded.set(data);
      padded.set(pad, data.length);
      return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv: own(iv) }, k, padded));
    },
    async hmac(hash, key, data) {
      const k = await subtle.importKey('raw', own(key), { name: 'HMAC', hash }, false, ['sign']);
      return new Uint8Array(await subtle.sign('HMAC', k, own(data)));
    },
  };
}
