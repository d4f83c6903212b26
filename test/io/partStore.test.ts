import { PartStore } from '../../src/io/xlsx/package/partStore';

const encode = (s: string) => new TextEncoder().encode(s);

describe('PartStore.writeBytes', () => {
  it('replaces a part with encoded XML that reads back as text, keeping a byte order mark', () => {
    const store = new PartStore([{ name: 'xl/a.xml', data: encode('\ufeff<a/>') }, { name: 'xl/b.xml', data: encode('<b/>') }]);
    store.writeBytes('XL/A.xml', encode('<a>中</a>'));
    store.writeBytes('xl/b.xml', encode('<b>文</b>'));
    expect(store.text('xl/a.xml')).toBe('<a>中</a>');
    expect([...store.bytes('xl/a.xml')!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(store.bytes('xl/b.xml')).toEqual(encode('<b>文</b>'));
  });

  it('adds a new part at the end, which later text edits replace', () => {
    const store = new PartStore([{ name: 'xl/a.xml', data: encode('<a/>') }]);
    store.writeBytes('xl/c.xml', encode('<c/>'));
    expect(store.entries().map((e) => e.name)).toEqual(['xl/a.xml', 'xl/c.xml']);
    store.write('xl/c.xml', '<c>x</c>');
    expect(store.bytes('xl/c.xml')).toEqual(encode('<c>x</c>'));
  });
});
