import { useId } from 'react';
import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../core/model/finding';
import { ui } from '../i18n/zh-CN/ui';
import { familyOf, familyTitle, type FindingFilter } from './group';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(96px, 1fr))', gap: tokens.spacingHorizontalS, border: 'none', margin: 0, padding: 0 },
  legend: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

/** The three filters: severity, family and sheet (each only lists what the findings hold). */
export function ReportFilters({ findings, filter, onChange }: { findings: readonly Finding[]; filter: FindingFilter; onChange: (f: FindingFilter) => void }) {
  const s = useStyles();
  const f = ui.filter;
  const id = useId();
  const families = [...new Set(findings.map((x) => familyOf(x.rule)))];
  const sheets = [...new Set(findings.map((x) => x.sheet))];
  const pick = (v: string) => (v === '' ? null : v);
  return (
    <fieldset className={s.root}>
      <legend id={`${id}-legend`} className={s.legend}>
        {f.label}
      </legend>
      <Field label={f.severity} size="small">
        <Select size="small" value={filter.severity ?? ''} onChange={(_, d) => onChange({ ...filter, severity: pick(d.value) as Severity | null })}>
          <option value="">{f.all}</option>
          <option value="error">{ui.severity.error}</option>
          <option value="warning">{ui.severity.warning}</option>
        </Select>
      </Field>
      <Field label={f.family} size="small">
        <Select size="small" value={filter.family ?? ''} onChange={(_, d) => onChange({ ...filter, family: pick(d.value) })}>
          <option value="">{f.all}</option>
          {families.map((x) => (
            <option key={x} value={x}>
              {familyTitle(x)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={f.sheet} size="small">
        <Select size="small" value={filter.sheet ?? ''} onChange={(_, d) => onChange({ ...filter, sheet: pick(d.value) })}>
          <option value="">{f.all}</option>
          {sheets.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
