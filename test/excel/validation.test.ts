import { FakeBook } from './fakeExcel';
import { ExcelHost } from '../../src/excel/host';
import { ui } from '../../src/i18n/zh-CN/ui';

const specs = [
  { sqref: 'I4:I9', list: ['是', '否', '无'], error: { title: '输入有误', message: '只能选择' } },
  { sqref: 'F4:F9 K4:K9', list: { formula: '字典!$A$1:$A$13' }, prompt: { title: '请选择', message: '核查结果' } },
];

test('dropdowns are put back over their ranges in one sync, replacing what was there', async () => {
  const b = new FakeBook();
  const s = b.addSheet('附件4', [['x']]);
  s.validations.push({ areas: 'I4:I9', rule: { wholeNumber: {} } });
  await new ExcelHost(b.env()).repairValidations('附件4', specs);
  expect(b.syncs).toHaveLength(1);
  expect(s.validations).toEqual([
    {
      areas: 'I4:I9',
      rule: { list: { inCellDropDown: true, source: '是,否,无' } },
      errorAlert: { showAlert: true, style: 'Stop', title: '输入有误', message: '只能选择' },
    },
    {
      areas: 'F4:F9,K4:K9',
      rule: { list: { inCellDropDown: true, source: '=字典!$A$1:$A$13' } },
      prompt: { showPrompt: true, title: '请选择', message: '核查结果' },
    },
  ]);
});

test('before RangeAreas (ExcelApi 1.9) each range gets its own rule', async () => {
  const b = new FakeBook('1.8');
  const s = b.addSheet('附件4', [['x']]);
  await new ExcelHost(b.env()).repairValidations('附件4', specs);
  expect(s.validations.map((v) => v.areas)).toEqual(['I4:I9', 'F4:F9', 'K4:K9']);
});

test('without data validation support the user is told in Chinese', async () => {
  const b = new FakeBook('1.7');
  b.addSheet('附件4');
  await expect(new ExcelHost(b.env()).repairValidations('附件4', specs)).rejects.toThrow(ui.errors.validationUnsupported);
});
