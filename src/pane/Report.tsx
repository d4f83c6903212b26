import { useState } from 'react';
import { Badge, Body1Strong, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { CheckReport } from '../core/check';
import type { Finding } from '../core/model/finding';
import { ui } from '../i18n/zh-CN/ui';
import { groupFindings, type RuleGroup } from './group';
import { FindingItem } from './FindingItem';

/** Items shown per rule before "show more": a check can find thousands. */
const PAGE = 30;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  counts: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  tables: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sheetHead: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', margin: 0 },
  ruleHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, padding: 0 },
});

function Rule({ group, onSelect, onTrace }: { group: RuleGroup; onSelect: (f: Finding) => void; onTrace?: (f: Finding) => void }) {
  const s = useStyles();
  const [shown, setShown] = useState(PAGE);
  const rest = group.findings.length - shown;
  return (
    <div>
      <h4 className={s.ruleHead}>
        <Body1Strong>{group.title}</Body1Strong>
        <Badge size="small" appearance="filled" color={group.severity === 'error' ? 'danger' : 'warning'}>
          {group.findings.length}
        </Badge>
      </h4>
      <ul className={s.list}>
        {group.findings.slice(0, shown).map((f, i) => (
          <FindingItem key={`${f.cell}:${i}`} finding={f} onSelect={onSelect} onTrace={onTrace} />
        ))}
      </ul>
      {rest > 0 ? (
        <Button appearance="subtle" size="small" onClick={() => setShown(shown + PAGE * 4)}>
          {ui.actions.showMore(rest)}
        </Button>
      ) : null}
    </div>
  );
}

/** `onTrace`: 查看明细 under each totals.mismatch finding (where the pane can trace a figure). */
export function Report({
  report,
  hidden,
  onSelect,
  onTrace,
}: {
  report: CheckReport;
  hidden: (sheet: string) => boolean;
  onSelect: (f: Finding) => void;
  onTrace?: (f: Finding) => void;
}) {
  const s = useStyles();
  const r = ui.report;
  const unrecognised = report.unrecognised.filter((n) => !hidden(n));
  return (
    <section className={s.root} aria-label={r.regionLabel}>
      <div className={s.counts} role="status">
        <Badge appearance="filled" color="danger">{`${r.errors} ${report.counts.errors}`}</Badge>
        <Badge appearance="filled" color="warning">{`${r.warnings} ${report.counts.warnings}`}</Badge>
      </div>
      {report.tables.length > 0 ? (
        <div>
          <Caption1>{r.tablesTitle}</Caption1>
          <ul className={s.tables}>
            {report.tables.map((t) => (
              <li key={`${t.sheet}:${t.template}`}>
                <Text size={200}>{r.table(t.sheet, t.title, t.rows)}</Text>
              </li>
            ))}
          </ul>
          {unrecognised.length > 0 ? <Caption1>{r.unrecognised(unrecognised)}</Caption1> : null}
        </div>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>{r.noTables}</MessageBarBody>
        </MessageBar>
      )}
      {report.findings.length === 0 && report.tables.length > 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>{r.clean}</MessageBarBody>
        </MessageBar>
      ) : null}
      {groupFindings(report.findings).map((g) => (
        <section key={g.sheet} className={s.sheet} aria-label={r.sheet(g.sheet)}>
          <h3 className={s.sheetHead}>
            <Subtitle2>{r.sheet(g.sheet)}</Subtitle2>
            <Caption1>{r.sheetCounts(g.errors, g.warnings)}</Caption1>
          </h3>
          {g.rules.map((rule) => (
            <Rule key={rule.rule} group={rule} onSelect={onSelect} onTrace={onTrace} />
          ))}
        </section>
      ))}
    </section>
  );
}
