import { makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../core/model/finding';
import { ui } from '../i18n/zh-CN/ui';
import { familyCounts } from './group';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    width: '100%',
    '& th, & td': { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: `2px ${tokens.spacingHorizontalXS}`, textAlign: 'left' },
    '& td, & thead th:not(:first-child)': { textAlign: 'right' },
    '& caption': { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXXS },
  },
});

/** Counts by family at the top of the report: where the work is, at a glance. */
export function Summary({ findings }: { findings: readonly Finding[] }) {
  const s = useStyles();
  const t = ui.summary;
  const rows = familyCounts(findings);
  if (rows.length === 0) return null;
  return (
    <table className={s.table} aria-label={t.label}>
      <caption>{t.label}</caption>
      <thead>
        <tr>
          <th scope="col">{t.family}</th>
          <th scope="col">{t.errors}</th>
          <th scope="col">{t.warnings}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.family} data-family={r.family}>
            <th scope="row">{r.title}</th>
            <td>{r.errors}</td>
            <td>{r.warnings}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
