import { officeEnv } from '../../src/excel/env';
import { autoShowOn, setAutoShow, AUTO_SHOW } from '../../src/excel/autoShow';

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

test('Excel.run waits while a cell is being edited (delayForCellEdit)', async () => {
  // docs/excel/excel-add-ins-delay-in-cell-edit.md: without it the batch fails with InvalidOperation.
  const calls: unknown[] = [];
  (globalThis as Record<string, unknown>).Excel = {
    run: (options: unknown, batch: (ctx: unknown) => Promise<unknown>) => {
      calls.push(options);
      return batch({});
    },
  };
  expect(await officeEnv().run(async () => 7)).toBe(7);
  expect(calls).toEqual([{ delayForCellEdit: true }]);
});

test('auto-open is set and cleared only when asked, and saved into the document settings', async () => {
  const store = new Map<string, unknown>();
  let saves = 0;
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: 'succeeded' },
    context: {
      document: {
        settings: {
          get: (k: string) => store.get(k) ?? null,
          set: (k: string, v: unknown) => store.set(k, v),
          saveAsync: (cb: (r: { status: string }) => void) => {
            saves++;
            cb({ status: 'succeeded' });
          },
        },
      },
    },
  };
  expect(autoShowOn()).toBe(false);
  await setAutoShow(true);
  expect(store.get(AUTO_SHOW)).toBe(true);
  expect(autoShowOn()).toBe(true);
  await setAutoShow(false);
  expect(store.get(AUTO_SHOW)).toBe(false);
  expect(saves).toBe(2);
});
