/** Summaries of repeated measurements, and the one table the bench prints. */

export interface Stats {
  median: number;
  min: number;
  max: number;
  n: number;
  samples: number[];
}

export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length, samples: [...samples] };
}

/** A measured figure, or why there is none. */
export type Figure =
  | { kind: 'stats'; unit: Unit; stats: Stats }
  | { kind: 'value'; unit: Unit; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'na'; reason: string };

export type Unit = 'ms' | 'bytes' | 'count' | 'MB';

export interface Row {
  section: string;
  name: string;
  lamplight: Figure;
  /** What it is compared with, measured in the same run (label + figure). */
  baseline?: { label: string; figure: Figure };
  /** lamplight median / baseline median; absent when either is not a number. */
  ratio?: number;
  /** The issue's target, and whether the median meets it. */
  target?: { text: string; met: boolean | null };
  note?: string;
}

export const na = (reason: string): Figure => ({ kind: 'na', reason });
export const ms = (samples: readonly number[]): Figure => ({ kind: 'stats', unit: 'ms', stats: stats(samples) });

export function central(figure: Figure | undefined): number | null {
  if (!figure) return null;
  if (figure.kind === 'stats') return figure.stats.median;
  if (figure.kind === 'value') return figure.value;
  return null;
}

export function ratioOf(a: Figure, b: Figure | undefined): number | undefined {
  const x = central(a);
  const y = central(b);
  return x !== null && y !== null && y !== 0 ? x / y : undefined;
}

function num(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
    case 'bytes':
      return `${(value / 1024).toFixed(1)} KB`;
    case 'MB':
      return value.toFixed(2);
    case 'count':
      return String(Math.round(value));
  }
}

export function formatFigure(figure: Figure, defaultN = 0): string {
  switch (figure.kind) {
    case 'stats': {
      const { median, min, max, n } = figure.stats;
      const unit = figure.unit === 'ms' ? ' ms' : figure.unit === 'MB' ? ' MB' : '';
      if (n === 1) return `${num(median, figure.unit)}${unit} (n=1)`;
      return `${num(median, figure.unit)} [${num(min, figure.unit)}–${num(max, figure.unit)}]${unit}${n === defaultN ? '' : ` n=${n}`}`;
    }
    case 'value':
      return `${num(figure.value, figure.unit)}${figure.unit === 'ms' ? ' ms' : figure.unit === 'MB' ? ' MB' : ''}`;
    case 'text':
      return figure.text;
    case 'na':
      return `n/a (${figure.reason})`;
  }
}

/** The table: one line per row, sections as headings, columns padded to fit. */
export function renderTable(rows: readonly Row[], defaultN = 0): string {
  const header = ['Measurement', 'Lamplight  median [min–max]', 'Compared with (same run)', 'Ratio', 'Target'];
  const lines: string[][] = [];
  const sections: (string | null)[] = [];
  let current = '';
  for (const row of rows) {
    if (row.section !== current) {
      current = row.section;
      sections.push(current);
      lines.push([]);
    }
    sections.push(null);
    lines.push([
      `  ${row.name}`,
      formatFigure(row.lamplight, defaultN),
      row.baseline ? `${row.baseline.label}: ${formatFigure(row.baseline.figure, defaultN)}` : '',
      row.ratio === undefined ? '' : `${row.ratio >= 10 ? row.ratio.toFixed(0) : row.ratio >= 1 ? row.ratio.toFixed(2) : row.ratio.toPrecision(2)}×`,
      row.target ? `${row.target.text}${row.target.met === null ? '' : row.target.met ? ' ✓' : ' ✗'}` : '',
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [fmt(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  lines.forEach((cells, i) => {
    const section = sections[i];
    out.push(section ? section : fmt(cells));
  });
  const notes: string[] = [];
  let noteSection = '';
  for (const r of rows) {
    if (!r.note) continue;
    if (r.section !== noteSection) notes.push(`${(noteSection = r.section).split(':')[0]}:`);
    notes.push(`  ${r.name}: ${r.note}`);
  }
  if (notes.length) out.push('', 'Notes', ...notes);
  return out.join('\n');
}
