/** What each benchmark section returns, and how the table is printed. */

/** One measured figure: min and median over fresh processes, and optionally a ratio and a target. */
export interface Row {
  readonly name: string;
  readonly min: number;
  readonly median: number;
  readonly unit: 'ms' | 'MB' | 'µs/action' | '×' | 'MB/MB' | '/s';
  /** The figure divided by a reference measured in the same run. */
  readonly ratio?: { readonly min: number; readonly median: number; readonly of: string };
  /** What the figure should be, e.g. `≤ 1.5×` (checked on the median ratio, or the median). */
  readonly target?: { readonly text: string; readonly met: boolean };
}

export interface Section {
  readonly title: string;
  readonly rows: readonly Row[];
  readonly notes?: readonly string[];
  /** Raw samples, for results.json. */
  readonly raw?: unknown;
}

export function printSection(section: Section): string {
  const lines = [`\n## ${section.title}\n`];
  const header = ['', 'min', 'median', 'ratio (min)', 'ratio (median)', 'target'];
  const cells = section.rows.map((r) => [
    r.name,
    fmt(r.min, r.unit),
    fmt(r.median, r.unit),
    r.ratio ? `${r.ratio.min.toFixed(2)}× ${r.ratio.of}` : '',
    r.ratio ? `${r.ratio.median.toFixed(2)}×` : '',
    r.target ? `${r.target.text} ${r.target.met ? 'met' : 'MISSED'}` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  lines.push(line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line));
  for (const note of section.notes ?? []) lines.push(`  ${note}`);
  return lines.join('\n');
}

function fmt(value: number, unit: Row['unit']): string {
  if (!Number.isFinite(value)) return '–';
  if (unit === '×') return `${value.toFixed(2)}×`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}
