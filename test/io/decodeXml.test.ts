import fc from 'fast-check';
import { utf8 } from '../../src/io/xlsx/read/bytes';
import { TextMemo, xmlText } from '../../src/io/xlsx/read/xmlText';
import { decodeXml, unescapeXstring } from '../../src/io/xlsx/xml';

test('the five XML entities and character references are decoded', () => {
  expect(decodeXml('&lt;a&gt; &amp; &quot;&apos; &#20013;&#x6587;&#x1F600;')).toBe('<a> & "\' 中文😀');
});

test("names of Object.prototype's members are no entities: the text stays as written", () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    expect(decodeXml(`甲&${name};乙`)).toBe(`甲&${name};乙`);
  }
});

test('reading text from bytes in one pass gives what decoding the bytes, then the entities gives', () => {
  const piece = fc.constantFrom('&', ';', '#', 'x', '&#', '&#x', '&amp;', '&quot', '&#0;', '&#1114112;', '&#x10FFFF;', '&#55296;', '&#13;', '\r', '\r\n', '\n', '9', 'F', '中', '𠀀', 'é', '&#20013;', 'a');
  const lone = fc.constantFrom(0x80, 0xbf, 0xc3, 0xe4, 0xed, 0xef, 0xf0, 0xff);
  const run = fc.array(fc.oneof(piece.map((p) => Array.from(new TextEncoder().encode(p))), lone.map((x) => [x])), { maxLength: 60 });
  fc.assert(
    fc.property(run, (parts) => {
      const b = new Uint8Array([60, ...parts.flat(), 60]);
      const raw = utf8(b, 1, b.length - 1);
      expect(xmlText(b, 1, b.length - 1)).toBe(decodeXml(raw.replace(/\r\n?/g, '\n')));
    }),
    { numRuns: 3000 },
  );
});

test('remembered cell texts are the texts of their own bytes, however often slots are shared', () => {
  const texts = Array.from({ length: 20000 }, (_, i) => (i % 3 === 0 ? ['&#36797;&#23425;&#30465;', '男', '_x0041_'][i % 9 / 3]! : `&#${20000 + i};${i}`));
  const b = new TextEncoder().encode(texts.join('<'));
  const memo = new TextMemo(b);
  let from = 0;
  for (const t of texts) {
    const to = memo.textEnd(from);
    expect(to).toBe(from + new TextEncoder().encode(t).length);
    expect(memo.text(from, to)).toBe(unescapeXstring(decodeXml(t)));
    from = to + 1;
  }
});

test('texts found and compared four bytes at a time: any length, any alignment, differing in any byte, up to the end', () => {
  // Texts that share all but one byte, '<' at every offset within a word, the last text unterminated.
  const piece = fc.constantFrom('a', 'b', '中', '&#20013;', '&#20014;', '1', '2', '_x0041_');
  const texts = fc.array(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), { minLength: 1, maxLength: 40 });
  fc.assert(
    fc.property(texts, fc.nat({ max: 3 }), (list, pad) => {
      const all = [...list, ...list.map((t) => t + 'a'), ...list];
      const b = new TextEncoder().encode('x'.repeat(pad) + all.join('<'));
      const memo = new TextMemo(b);
      let from = pad;
      for (const t of all) {
        const to = memo.textEnd(from);
        expect(to).toBe(Math.min(b.length, from + new TextEncoder().encode(t).length));
        expect(memo.text(from, to)).toBe(unescapeXstring(decodeXml(t)));
        from = to + 1;
      }
    }),
    { numRuns: 500 },
  );
});
