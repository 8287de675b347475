/**
 * CSV for spreadsheets (RFC 4180 quoting). A cell that starts with = + - @ (or a tab or
 * carriage return) would be run as a formula by Excel, LibreOffice or Sheets, and a
 * nickname is typed by a student: such text cells get a leading apostrophe so they
 * stay text. Numbers are written as numbers.
 */
export type Cell = string | number | null;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
