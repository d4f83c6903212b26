/**
 * test/excel/fakeExcel.ts opens with jest.mock('office-addin-manifest', …) to keep an ESM-only
 * import out of jest; plain node loads the real package, so outside jest that call has nothing
 * to do. Imported before the fake so the call finds a `jest` to talk to.
 */
const g = globalThis as { jest?: unknown };
g.jest ??= { mock: () => undefined };
