import { useState, type KeyboardEvent } from 'react';
import { Badge, Body1Strong, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { CheckReport } from '../core/check';
import type { Finding } from '../core/model/finding';
import { ui } from '../i18n/zh-CN/ui';
import { applyFilter, groupByRule, NO_FILTER, type FindingFilter, type RuleGroup } from './group';
import { FindingItem } from './FindingItem';
import { ReportFilters } from './ReportFilters';
import { Summary } from './Summary';
import type { ChildOf } from './child';

/** Items shown per rule before "show more": a check can find thousands. */
const PAGE = 30;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  counts: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  tables: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  ruleHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, padding: 0 },
});

interface ItemProps {
  onSelect: (f: Finding) => void;
  onTrace?: (f: Finding) => void;
  childOf: ChildOf;
  /** The cell picked in the sheet: its findings are outlined. */
  picked: { sheet: string; cell: string } | null;
}

function Rule({ group, ...item }: { group: RuleGroup } & ItemProps) {
  const s = useStyles();
  const [shown, setShown] = useState(PAGE);
  const rest = group.findings.length - shown;
  return (
    <section aria-label={group.title} data-group={group.rule}>
      <h3 className={s.ruleHead}>
        <Body1Strong>{group.title}</Body1Strong>
        <Badge size="small" appearance="filled" color={group.severity === 'error' ? 'danger' : 'warning'}>
          {group.findings.length}
        </Badge>
      </h3>
      <ul className={s.list}>
        {group.findings.slice(0, shown).map((f, i) => (
          <FindingItem
            key={`${f.sheet}!${f.cell}:${i}`}
            finding={f}
            child={item.childOf(f)}
            picked={item.picked?.sheet === f.sheet && item.picked.cell === f.cell}
            onSelect={item.onSelect}
            onTrace={item.onTrace}
          />
        ))}
      </ul>
      {rest > 0 ? (
        <Button appearance="subtle" size="small" onClick={() => setShown(shown + PAGE * 4)}>
          {ui.actions.showMore(rest)}
        </Button>
      ) : null}
    </section>
  );
}

/** Up and down arrows move from finding to finding (Home and End to the first and last). */
function moveFocus(e: KeyboardEvent<HTMLElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  const here = e.target as HTMLElement;
  if (!keys.includes(e.key) || !here.matches('li[data-rule]')) return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('li[data-rule]')];
  const i = items.indexOf(here);
  const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 }[e.key]!;
  const to = items[Math.max(0, Math.min(items.length - 1, next))];
  if (!to) return;
  e.preventDefault();
  to.focus();
}

/**
 * The report: counts and a summary by family, filters, then one group per rule, the rules a
 * reviewer acts on first at the top. `onTrace`: 查看明细 under each totals.mismatch finding.
 */
export function Report({
  report,
  hidden,
  onSelect,
  onTrace,
  childOf = () => null,
  picked = null,
}: {
  report: CheckReport;
  hidden: (sheet: string) => boolean;
  onSelect: (f: Finding) => void;
  onTrace?: (f: Finding) => void;
  childOf?: ChildOf;
  picked?: { sheet: string; cell: string } | null;
}) {
  const s = useStyles();
  const r = ui.report;
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const unrecognised = report.unrecognised.filter((n) => !hidden(n));
  const shown = applyFilter(report.findings, filter);
  return (
    <section className={s.root} aria-label={r.regionLabel}>
      <div className={s.counts} role="status">
        <Badge appearance="filled" color="danger">{`${r.errors} ${report.counts.errors}`}</Badge>
        <Badge appearance="filled" color="warning">{`${r.warnings} ${report.counts.warnings}`}</Badge>
      </div>
      <Summary findings={report.findings} />
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
      {report.findings.length > 0 ? (
        <>
          <ReportFilters findings={report.findings} filter={filter} onChange={setFilter} />
          <Caption1 aria-live="polite">{shown.length > 0 ? ui.filter.shown(shown.length, report.findings.length) : ui.filter.none}</Caption1>
        </>
      ) : null}
      <div className={s.root} onKeyDown={moveFocus}>
        {groupByRule(shown).map((g) => (
          <Rule key={`${g.rule}:${filter.severity}:${filter.family}:${filter.sheet}`} group={g} onSelect={onSelect} onTrace={onTrace} childOf={childOf} picked={picked} />
        ))}
      </div>
    </section>
  );
}
