import { useState } from 'react';
import { Button, Field, Input, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { recognise } from '../core/find/recognise';
import { collectNotices } from '../core/notices/select';
import { noticeWorkbook } from '../core/notices/layout';
import { isIsoDate } from '../core/notices/wording';
import { ui } from '../i18n/zh-CN/ui';
import { usePanelStyles } from './panelStyles';
import type { PaneServices } from './services';
import type { Notice, Run } from './notice';
import { today } from './actions';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalS } });

/**
 * 生成通知书: a 复学/入学通知书 per child not yet in school, one A4 page each, as the CLI makes
 * them. The page downloads them as a new workbook; in Excel they go into the open workbook.
 */
export function NoticesPanel({ services, run, onClose }: { services: PaneServices; run: Run; onClose: () => void }) {
  const panel = usePanelStyles();
  const s = useStyles();
  const n = ui.notices;
  const [unit, setUnit] = useState('');
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const make = () => {
    if (!unit.trim()) return setProblem(n.needUnit);
    if (!isIsoDate(date)) return setProblem(n.needDate);
    setProblem(null);
    run(n.busy, async (): Promise<Notice> => {
      const grid = await services.host.readWorkbook();
      const issued = (services.today ?? today)();
      const selection = collectNotices(recognise(grid).tables, { reportBy: date, unit: unit.trim(), issueDate: issued, guardianFallback: 'blank' });
      if (selection.notices.length === 0) return { intent: 'warning', text: n.none };
      const book = noticeWorkbook(selection);
      let where: string;
      if (services.saveWorkbook) where = await services.saveWorkbook(book, n.fileName(services.fileBase?.() ?? ''));
      else {
        for (const sheet of book.sheets) await services.host.addSheet(sheet);
        where = book.sheets.map((x) => x.name).join('、');
      }
      onClose();
      return { intent: 'success', text: n.done(selection.notices.length, where) };
    });
  };
  return (
    <section className={panel.root} aria-label={n.title}>
      <h2 className={panel.head}>
        <Subtitle2>{n.title}</Subtitle2>
      </h2>
      <Field label={n.unit} required validationMessage={problem === n.needUnit ? problem : undefined}>
        <Input value={unit} placeholder={n.unitHint} onChange={(_, d) => setUnit(d.value)} />
      </Field>
      <Field label={n.date} required validationMessage={problem === n.needDate ? problem : undefined}>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <div className={s.actions}>
        <Button appearance="primary" onClick={make}>
          {n.make}
        </Button>
        <Button onClick={onClose}>{n.cancel}</Button>
      </div>
    </section>
  );
}
