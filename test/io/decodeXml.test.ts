import { decodeXml } from '../../src/io/xlsx/xml';

test('the five XML entities and character references are decoded', () => {
  expect(decodeXml('&lt;a&gt; &amp; &quot;&apos; &#20013;&#x6587;&#x1F600;')).toBe('<a> & "\' 中文😀');
});

test("names of Object.prototype's members are no entities: the text stays as written", () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    expect(decodeXml(`甲&${name};乙`)).toBe(`甲&${name};乙`);
  }
});
