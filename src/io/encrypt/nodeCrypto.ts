import { createDecipheriv, createHash, createHmac } from 'node:crypto';
import type { AgileCrypto, HashName } from './crypto';

const NODE_HASH: Record<HashName, string> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

/** node:crypto behind the AgileCrypto interface: synchronous underneath, so the 100 000-round key spin stays fast. */
export const nodeAgileCrypto: AgileCrypto = {
  async digest(hash, data) {
    return new Uint8Array(createHash(NODE_HASH[hash]).update(data).digest());
  },
  async aesCbcDecrypt(key, iv, data) {
    const decipher = createDecipheriv(`aes-${key.length * 8}-cbc`, key, iv);
    decipher.setAutoPadding(false);
    return new Uint8Array(Buffer.concat([decipher.update(data), decipher.final()]));
  },
  async hmac(hash, key, data) {
    return new Uint8Array(createHmac(NODE_HASH[hash], key).update(data).digest());
  },
  async spin(hash, first, count) {
    const round = Buffer.alloc(4);
    let h: Uint8Array = first;
    for (let i = 0; i < count; i++) {
      round.writeUInt32LE(i);
      h = createHash(NODE_HASH[hash]).update(round).update(h).digest();
    }
    return new Uint8Array(h);
  },
};
