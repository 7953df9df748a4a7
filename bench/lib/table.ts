import type { Figure } from './figure';

const COLUMNS: readonly { title: string; cell: (figure: Figure) => string }[] = [
  { title: 'figure', cell: (f) => f.name },
  { title: 'connector', cell: (f) => f.connector },
  { title: 'baseline (same run)', cell: (f) => f.baseline },
  { title: 'ratio', cell: (f) => f.ratio },
  { title: 'target', cell: (f) => f.target },
  { title: 'verdict', cell: (f) => f.verdict },
];

/** The table for a terminal: aligned columns; notes follow, numbered. */
export function textTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => COLUMNS.map((column) => column.cell(figure)));
  const widths = COLUMNS.map((column, i) =>
    Math.max(column.title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();

  const notes = figures.map((figure, i) => `  [${i + 1}] ${figure.name}: ${figure.note}`);
  return [
    line(COLUMNS.map((column) => column.title)),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    ...notes,
  ].join('\n');
}

/** The same table in Markdown, for RESULTS.md. */
export function markdownTable(figures: readonly Figure[]): string {
  const escape = (text: string): string => text.replace(/\|/g, '\\|');
  const line = (cells: readonly string[]): string => `| ${cells.map(escape).join(' | ')} |`;

  return [
    line(COLUMNS.map((column) => column.title)),
    line(COLUMNS.map(() => '---')),
    ...figures.map((figure) => line(COLUMNS.map((column) => column.cell(figure)))),
  ].join('\n');
}
