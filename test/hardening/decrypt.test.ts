import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { webcrypto } from 'node:crypto';
import * as CFB from 'cfb';
import { encryptWorkbook } from '../../src/io/encrypt/agile';
import { decryptWorkbook, isEncryptedWorkbook } from '../../src/io/encrypt/decrypt';
import { nodeAgileCrypto } from '../../src/io/encrypt/nodeCrypto';
import { webAgileCrypto } from '../../src/io/encrypt/crypto';
import { readWorkbookFile } from '../../src/io/readFile';
import { readWorkbook, XlsxError, type XlsxErrorCode } from '../../src/io/xlsx';
import { schoolWorkbook } from './corpus';

/** Opening password-protected workbooks: the inverse of our own Agile encryption, in node and with WebCrypto. */

const PASSWORD = '县教育局·2026';
const plain = schoolWorkbook();
const encrypted = encryptWorkbook(plain, PASSWORD);

async function codeOf(run: () => Promise<unknown>): Promise<XlsxErrorCode | 'ok'> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    if (e instanceof XlsxError) return e.code;
    throw e;
  }
}

/** The encrypted workbook with one of its streams edited. */
function withStream(name: string, edit: (data: Uint8Array) => Uint8Array): Uint8Array {
  const container = CFB.read(encrypted, { type: 'array' });
  const entry = CFB.find(container, name)!;
  const out = CFB.utils.cfb_new();
  for (const stream of ['EncryptionInfo', 'EncryptedPackage']) {
    const data = Uint8Array.from(CFB.find(container, stream)!.content as ArrayLike<number>);
    CFB.utils.cfb_add(out, stream, stream === entry.name ? edit(data) : data);
  }
  CFB.utils.cfb_del(out, '\u0001Sh33tJ5');
  return new Uint8Array(CFB.write(out, { type: 'buffer' }) as Buffer);
}

describe('decryptWorkbook', () => {
  it('gives back the very bytes that were encrypted, with node:crypto', async () => {
    expect(isEncryptedWorkbook(encrypted)).toBe(true);
    expect(Buffer.from(await decryptWorkbook(encrypted, PASSWORD, nodeAgileCrypto)).equals(plain)).toBe(true);
  });

  it('and with WebCrypto (what a browser has)', async () => {
    const web = webAgileCrypto(webcrypto.subtle as unknown as SubtleCrypto);
    expect(Buffer.from(await decryptWorkbook(encrypted, PASSWORD, web)).equals(plain)).toBe(true);
  });

  it('a wrong password is told apart from a damaged file', async () => {
    expect(await codeOf(() => decryptWorkbook(encrypted, 'wrong', nodeAgileCrypto))).toBe('bad-password');
    expect(new XlsxError('bad-password').message).toMatch(/密码不对/);
  });

  it('a changed byte of the package fails its HMAC: corrupt, never a half-read workbook', async () => {
    const tampered = withStream('EncryptedPackage', (d) => {
      d[100] = d[100]! ^ 0x01;
      return d;
    });
    expect(await codeOf(() => decryptWorkbook(tampered, PASSWORD, nodeAgileCrypto))).toBe('corrupt');
  });

  it("older Office's Standard encryption is named as such", async () => {
    const standard = withStream('EncryptionInfo', (d) => {
      d[0] = 3;
      d[2] = 2;
      return d;
    });
    expect(await codeOf(() => decryptWorkbook(standard, PASSWORD, nodeAgileCrypto))).toBe('encryption-unsupported');
  });

  it('a package declaring more than the limit is refused before it is decrypted', async () => {
    const huge = withStream('EncryptedPackage', (d) => {
      new DataView(d.buffer, d.byteOffset).setUint32(4, 1, true);
      return d;
    });
    expect(await codeOf(() => decryptWorkbook(huge, PASSWORD, nodeAgileCrypto))).toBe('zip-bomb');
  });

  it('plain workbooks and other OLE2 files are not taken for encrypted ones', () => {
    expect(isEncryptedWorkbook(plain)).toBe(false);
    const xls = CFB.utils.cfb_new();
    CFB.utils.cfb_add(xls, 'Workbook', new Uint8Array(64));
    expect(isEncryptedWorkbook(new Uint8Array(CFB.write(xls, { type: 'buffer' }) as Buffer))).toBe(false);
  });
});

describe('readWorkbookFile', () => {
  let file: string;
  beforeAll(() => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-decrypt-')), 'protected.xlsx');
    fs.writeFileSync(file, encrypted);
  });
  afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

  it('without a password: XlsxError encrypted, as before', async () => {
    expect(await codeOf(() => readWorkbookFile(file))).toBe('encrypted');
  });

  it('with the password: the same grid as the plain file', async () => {
    expect(await readWorkbookFile(file, { password: PASSWORD })).toEqual(readWorkbook(plain));
  });
});
