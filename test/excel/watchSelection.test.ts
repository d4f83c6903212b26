import { watchSelection, type PickedCell, type SelectionEvents } from '../../src/excel/watchSelection';

/** Office.Document's selection events as Office delivers them: handlers by event type. */
class FakeDocument implements SelectionEvents<string> {
  handlers = new Map<string, Set<() => void>>();
  addHandlerAsync(eventType: string, handler: () => void): void {
    if (!this.handlers.has(eventType)) this.handlers.set(eventType, new Set());
    this.handlers.get(eventType)!.add(handler);
  }
  removeHandlerAsync(eventType: string, options: { handler: () => void }): void {
    this.handlers.get(eventType)?.delete(options.handler);
  }
  select(): void {
    for (const h of this.handlers.get('documentSelectionChanged') ?? []) h();
  }
}

const flush = () => new Promise((r) => setImmediate(r));

test('each selection change reads the selected cell and tells the pane; unsubscribing stops it', async () => {
  const doc = new FakeDocument();
  const selections = [{ sheet: "张's 表", a1: 'G5' }, { sheet: '附件5', a1: 'C4' }];
  const seen: PickedCell[] = [];
  const stop = watchSelection(doc, 'documentSelectionChanged', async () => selections.shift()!, (p) => seen.push(p));
  doc.select();
  await flush();
  doc.select();
  await flush();
  expect(seen).toEqual([{ sheet: "张's 表", cell: 'G5' }, { sheet: '附件5', cell: 'C4' }]);
  stop();
  expect(doc.handlers.get('documentSelectionChanged')!.size).toBe(0);
  doc.select();
  await flush();
  expect(seen).toHaveLength(2);
});

test('a selection that cannot be read (a cell being edited) is skipped, and the next one still arrives', async () => {
  const doc = new FakeDocument();
  const seen: PickedCell[] = [];
  let first = true;
  const read = async () => {
    if (first) {
      first = false;
      throw new Error('InvalidOperation');
    }
    return { sheet: '附件4', a1: 'I11' };
  };
  watchSelection(doc, 'documentSelectionChanged', read, (p) => seen.push(p));
  doc.select();
  await flush();
  doc.select();
  await flush();
  expect(seen).toEqual([{ sheet: '附件4', cell: 'I11' }]);
});
