import Table from 'cli-table3';

/**
 * Columns without borders, two spaces apart, aligned by display width (cli-table3 measures with
 * string-width, so `✓`, `✗` and wide characters in ids do not shift the columns).
 */
export function columns(indent: string, colAligns: ('left' | 'right')[]): Table.Table {
  return new Table({
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: indent,
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [], compact: true },
    colAligns,
  });
}

/** The table's lines without the padding cli-table3 leaves at their ends. */
export function linesOf(table: Table.Table): string[] {
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd());
}
