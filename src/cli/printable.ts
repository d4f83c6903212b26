/**
 * Characters that act on a terminal instead of showing: C0 and C1 controls (ESC starts colour
 * and cursor sequences, CR overwrites the line, U+009B is an 8-bit CSI), DEL, and the bidi
 * controls that reorder what follows (a file named “exe.xlsx” can be shown as “xslx.exe”).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line for the terminal with every such character written out (\x1b, \u202e), so a file or sheet name shows as it is. */
export function printable(line: string): string {
  return line.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
