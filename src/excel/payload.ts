/**
 * Excel on the web refuses requests and responses over 5 MB (RichApi error
 * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), and every
 * platform refuses to get more than five million cells at once. Batches are sized
 * from estimates and kept under a budget that leaves room for the protocol's own text.
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
export const MAX_CELLS_PER_GET = 5_000_000;

/**
 * What one cell costs in a read (its value and number format as JSON) when all we know
 * is the range's size: generous for the long Chinese text of 户籍地 or 劝返记录 columns.
 */
export const READ_BYTES_PER_CELL = 48;

/** What one queued command costs beyond its arguments (object path, method name). */
export const COMMAND_BYTES = 120;

/** UTF-8 length of a value's JSON, without building a byte buffer. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7ff) n += c >= 0xd800 && c <= 0xdfff ? 1 : 2;
    else if (c > 0x7f) n += 1;
  }
  return n;
}

/** Greedy packing in order: each group stays under the budget unless one item alone exceeds it. */
export function packByBudget<T>(items: readonly T[], size: (item: T) => number, budget = PAYLOAD_BUDGET): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const s = size(item);
    if (current.length > 0 && used + s > budget) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += s;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

const LIMIT_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit']);

/** The batch was too big for the host; the same work in smaller batches can succeed. */
export function isPayloadLimitError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && LIMIT_CODES.has(String((e as { code?: unknown }).code));
}

export function isItemNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ItemNotFound';
}
