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

/**
 * The one list item a value that is not in the list plainly means, or null: the 附件2 long
 * wording "A.户籍原因（含查无此人、户籍重复…）", "K、打工务农", "K打工务农", "K" or "打工务农"
 * all mean "K.打工务农"; "K.在家上学" (letter and words disagree) means nothing for sure.
 */
export function intendedItem(value: string, list: readonly string[]): string | null {
  const lettered = list.length > 0 && list.every((i) => LETTERED_ITEM.test(i));
  const found = new Set<string>();
  if (lettered) {
    const m = LETTERED_VALUE.exec(value.normalize('NFKC').trim());
    const letter = m?.[1]?.toUpperCase();
    const words = bare(m ? m[2]! : value);
    for (const item of list) {
      const [, itemLetter, itemWords] = LETTERED_ITEM.exec(item)!;
      const sameWords = words === bare(itemWords!);
      if (letter ? itemLetter === letter && (words === '' || sameWords) : sameWords) found.add(item);
    }
  } else {
    const words = bare(value);
    for (const item of list) if (words !== '' && bare(item) === words) found.add(item);
  }
  return found.size === 1 ? [...found][0]! : null;
}
