/** Lists whose items are lettered "A.户籍原因" … (002 核查结果). */
const LETTERED_ITEM = /^([A-Z])\.(.+)$/;
/** A value that starts with a letter: "K、打工务农", "K打工务农", "k. 打工务农", "K". */
const LETTERED_VALUE = /^([A-Za-z])(?![A-Za-z])[.．、,，:：\-_)）\s]*(.*)$/;

/** Text as compared: notes in brackets ("（含查无此人…等情形）") and punctuation dropped. */
function bare(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]?/g, '')
    .replace(/[\s\u3000.．、,，:：;；\-_"'“”‘’]/g, '');
}

/** A list's items as compared: each item's letter (lettered lists) and bare words, worked out once per list. */
interface ListForms {
  lettered: boolean;
  items: { item: string; letter: string | undefined; words: string }[];
}

const listForms = new WeakMap<readonly string[], ListForms>();

function formsOf(list: readonly string[]): ListForms {
  let forms = listForms.get(list);
  if (!forms) {
    const lettered = list.length > 0 && list.every((i) => LETTERED_ITEM.test(i));
    const items = list.map((item) => {
      const m = lettered ? LETTERED_ITEM.exec(item)! : null;
      return { item, letter: m?.[1], words: bare(m ? m[2]! : item) };
    });
    listForms.set(list, (forms = { lettered, items }));
  }
  return forms;
}

/**
 * The one list item a value that is not in the list plainly means, or null: the 附件2 long
 * wording "A.户籍原因（含查无此人、户籍重复…）", "K、打工务农", "K打工务农", "K" or "打工务农"
 * all mean "K.打工务农"; "K.在家上学" (letter and words disagree) means nothing for sure.
 */
export function intendedItem(value: string, list: readonly string[]): string | null {
  const { lettered, items } = formsOf(list);
  const found = new Set<string>();
  if (lettered) {
    const m = LETTERED_VALUE.exec(value.normalize('NFKC').trim());
    const letter = m?.[1]?.toUpperCase();
    const words = bare(m ? m[2]! : value);
    for (const i of items) {
      const sameWords = words === i.words;
      if (letter ? i.letter === letter && (words === '' || sameWords) : sameWords) found.add(i.item);
    }
  } else {
    const words = bare(value);
    for (const i of items) if (words !== '' && i.words === words) found.add(i.item);
  }
  return found.size === 1 ? [...found][0]! : null;
}
