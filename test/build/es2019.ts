import * as acorn from 'acorn';

/** What a script needs beyond ES2019 and Safari 13: each is a reason the pane would stay blank there. */
export interface Beyond {
  /** The parse error of a syntax newer than ES2019 (optional chaining, ??, class fields …). */
  syntax?: string;
  /** Regular expressions with a lookbehind (Safari before 16.4 refuses the whole script). */
  lookbehind: string[];
  /** Calls of `.at(…)` on anything but `this` (Array/String.prototype.at: Safari before 15.4). */
  at: number;
}

const LOOKBEHIND = /\(\?<[=!]/;

/** acorn's tokens carry their value at run time; its typings leave it out. */
type Token = acorn.Token & { value?: unknown };

/**
 * Parses `code` as an ES2019 script. acorn accepts lookbehind from ES2018 (it is standard
 * there), so regex literals, and strings that look like patterns (new RegExp("…")), are
 * checked for it separately; `.at(` is found among the tokens.
 */
export function beyondEs2019(code: string): Beyond {
  const out: Beyond = { lookbehind: [], at: 0 };
  // The last four tokens: `x . at (` is a call of .at unless x is `this` (a class's own method).
  const last: (Token | undefined)[] = [];
  const isAtCall = () => {
    const [receiver, dot, name, paren] = last;
    return paren?.type === acorn.tokTypes.parenL && name?.type === acorn.tokTypes.name && name.value === 'at' && dot?.type === acorn.tokTypes.dot && receiver?.type !== acorn.tokTypes._this;
  };
  try {
    for (const token of acorn.tokenizer(code, { ecmaVersion: 2019, sourceType: 'script', allowHashBang: true })) {
      const t = token as Token;
      if (t.type === acorn.tokTypes.regexp) {
        const pattern = (t.value as { pattern: string }).pattern;
        if (LOOKBEHIND.test(pattern)) out.lookbehind.push(`/${pattern}/`);
      } else if (t.type === acorn.tokTypes.string || t.type === acorn.tokTypes.template) {
        if (LOOKBEHIND.test(String(t.value))) out.lookbehind.push(String(t.value));
      }
      last.push(t);
      if (last.length > 4) last.shift();
      if (isAtCall()) out.at++;
    }
    acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script', allowHashBang: true });
  } catch (e) {
    out.syntax = (e as Error).message;
  }
  return out;
}
