import type { KeyboardEvent } from 'react';
import { Badge, Caption1, Link, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { AttemptView, Finding } from '../core/model/finding';
import { ui } from '../i18n/zh-CN/ui';
import type { Child } from './child';

const useStyles = makeStyles({
  item: {
    listStyleType: 'none',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  head: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  picked: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', backgroundColor: tokens.colorBrandBackground2 },
  child: { fontWeight: tokens.fontWeightSemibold },
  fix: { color: tokens.colorNeutralForeground3 },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    marginTop: tokens.spacingVerticalXS,
    '& th, & td': {
      border: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: `2px ${tokens.spacingHorizontalXS}`,
      textAlign: 'left',
      verticalAlign: 'top',
    },
    '& caption': { textAlign: 'left', color: tokens.colorNeutralForeground3 },
  },
});

function Attempts({ attempts }: { attempts: AttemptView[] }) {
  const s = useStyles();
  const a = ui.report.attempts;
  return (
    <table className={s.table}>
      <caption>{a.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{a.index}</th>
          <th scope="col">{a.date}</th>
          <th scope="col">{a.people}</th>
          <th scope="col">{a.method}</th>
          <th scope="col">{a.result}</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((t) => (
          <tr key={t.index}>
            <td>{t.index}</td>
            <td title={t.dateInferred ? a.inferredYear : undefined}>
              {t.date ?? ''}
              {t.dateInferred ? a.inferredMark : ''}
            </td>
            <td>{t.people.join('、')}</td>
            <td>{t.method ?? ''}</td>
            <td>{t.result ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Findings about a totals figure that 查看明细 can trace to its detail rows. */
const TRACEABLE = new Set(['totals.mismatch']);

/**
 * One finding, beside the child it is about: focusable, Enter (or a click) selects its cell; a
 * wrong totals figure also offers 查看明细. `picked`: its cell is the one picked in the sheet.
 */
export function FindingItem({
  finding,
  child = null,
  picked = false,
  onSelect,
  onTrace,
}: {
  finding: Finding;
  child?: Child | null;
  picked?: boolean;
  onSelect: (f: Finding) => void;
  onTrace?: (f: Finding) => void;
}) {
  const s = useStyles();
  const severity = ui.severity[finding.severity];
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(finding);
    }
  };
  return (
    <li
      className={mergeClasses(s.item, picked && s.picked)}
      data-picked={picked || undefined}
      tabIndex={0}
      data-sheet={finding.sheet}
      data-cell={finding.cell}
      data-rule={finding.rule}
      aria-label={ui.report.findingLabel(severity, `${finding.sheet}!${finding.cell}`, child ? `${ui.child.label(child.name, child.serial)}，${finding.message}` : finding.message)}
      onClick={() => onSelect(finding)}
      onKeyDown={onKeyDown}
    >
      <span className={s.head}>
        <Badge size="small" appearance="tint" color={finding.severity === 'error' ? 'danger' : 'warning'}>
          {severity}
        </Badge>
        <Caption1>{ui.report.sheetCell(finding.sheet, finding.cell, finding.column)}</Caption1>
        {child ? <Caption1 className={s.child}>{ui.child.label(child.name, child.serial)}</Caption1> : null}
      </span>
      <Text>{finding.message}</Text>
      <Caption1 className={s.fix}>{ui.report.fix(finding.fix)}</Caption1>
      {finding.attempts?.length ? <Attempts attempts={finding.attempts} /> : null}
      {onTrace && TRACEABLE.has(finding.rule) ? (
        <Link
          as="button"
          onClick={(e) => {
            // The item's own click would select the cell as well; the trace selects rows.
            e.stopPropagation();
            onTrace(finding);
          }}
          onKeyDown={(e) => e.stopPropagation()}
        >
          {ui.actions.traceFinding}
        </Link>
      ) : null}
    </li>
  );
}
