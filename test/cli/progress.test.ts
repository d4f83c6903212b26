import { Progress } from '../../src/cli/progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  const s = { isTTY, columns: 60, write: (t: string) => (written.push(t), true) } as unknown as NodeJS.WriteStream;
  return { s, written };
}

describe('progress bar', () => {
  it('draws on a terminal and clears itself at the end', () => {
    const { s, written } = stream(true);
    const bar = new Progress(4, '读取', s);
    bar.tick('一小.xlsx');
    bar.tick('二小.xlsx');
    bar.end();
    expect(written[1]).toContain('读取 2/4 [###############---------------] 二小.xlsx');
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('stays silent off a terminal (a pipe, a log, --json consumers)', () => {
    const { s, written } = stream(false);
    const bar = new Progress(4, '读取', s);
    bar.tick('一小.xlsx');
    bar.end();
    expect(written).toEqual([]);
  });
});
