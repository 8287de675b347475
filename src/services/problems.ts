import type { TFunction } from 'i18next';
import type { Problem } from '../core/level/problem';

/** `FILE: JSON.PATH: message (line L, column C)`: the validator's one output format. */
export function formatProblem(t: TFunction, file: string, problem: Problem): string {
  const path = problem.path === '' ? t('validation:whole-file') : problem.path;
  const message = t(`validation:${problem.code}`, {
    ...problem.params,
    defaultValue: problem.code,
  });
  const where =
    problem.line === undefined
      ? ''
      : ` (${t('validation:where', { line: problem.line, column: problem.column })})`;
  return `${file}: ${path}: ${message}${where}`;
}
