/** "'My ''Sheet'''!B3:C4" → the sheet and its first cell: { sheet: "My 'Sheet'", a1: 'B3' }. */
export function splitAddress(address: string): { sheet: string; a1: string } {
  const bang = address.lastIndexOf('!');
  const rawSheet = address.slice(0, bang);
  const sheet = /^'.*'$/.test(rawSheet) ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const a1 = address.slice(bang + 1).split(':')[0]!.replace(/\$/g, '');
  return { sheet, a1 };
}

/** The selected cell in one sync (ExcelApi 1.1). */
export async function selectedCell(ctx: Excel.RequestContext): Promise<{ sheet: string; a1: string }> {
  const range = ctx.workbook.getSelectedRange();
  range.load('address');
  await ctx.sync();
  return splitAddress(range.address);
}
