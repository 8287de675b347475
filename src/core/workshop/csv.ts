/**
 * CSV for spreadsheets (RFC 4180 quoting). A cell that starts with = + - @ (or a tab or
 * carriage return) would be run as a formula by Excel, LibreOffice or Sheets, and a
 * nickname is typed by a student: such text cells get a leading apostrophe so they
 * stay text. Numbers are written as numbers.
 */
import { type ClassSummary, MIST_KEYS } from './aggregate';

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

/** The class's students, one row each, with per-tactic recall and the check scores. */
export function studentsCsv(summary: ClassSummary): string {
  const tacticIds = summary.tactics.map((tactic) => tactic.id);
  const rows: Cell[][] = [
    [
      'nickname',
      'levels',
      'posts',
      'hits',
      'misses',
      'false_alarms',
      'correct_passes',
      'd_prime',
      'bias',
      'percent',
      'seconds',
      ...tacticIds.map((id) => `recall_${id}`),
      ...CHECK_COLUMNS.map(([phase, key]) => `check_${phase}_${key}`),
    ],
  ];
  for (const student of summary.students) {
    rows.push([
      student.nickname,
      student.levels.join(' '),
      student.posts,
      student.hits,
      student.misses,
      student.falseAlarms,
      student.correctPasses,
      round(student.dPrime),
      round(student.bias),
      round(student.percent),
      student.seconds,
      ...tacticIds.map((id) => {
        const recall = student.recall[id];
        return recall === null || recall === undefined ? null : round(recall);
      }),
      ...CHECK_COLUMNS.map(([phase, key]) => student.checks[phase]?.[key] ?? null),
    ]);
  }
  return toCsv(rows);
}

/** The class's posts, one row each, with how often each was got wrong. */
export function postsCsv(summary: ClassSummary): string {
  return toCsv([
    ['level', 'post', 'manipulative', 'answered', 'missed', 'wrongly_flagged', 'error_rate'],
    ...summary.posts.map((post) => [
      post.levelId,
      post.postId,
      post.manipulative ? 1 : 0,
      post.answered,
      post.missed,
      post.wronglyFlagged,
      round(post.errorRate),
    ]),
  ]);
}

const CHECK_COLUMNS = (['pre', 'post', 'booster'] as const).flatMap((phase) =>
  MIST_KEYS.map((key) => [phase, key] as const),
);

const round = (value: number) => Math.round(value * 1000) / 1000;
