/** Plain words for why a workshop link, result file or result code could not be read. */
import type { TFunction } from 'i18next';
import type { ResultProblem } from '../core/workshop/result';
import type { SetupProblem } from '../core/workshop/setup';

export function codeProblem(t: TFunction, problem: SetupProblem | ResultProblem): string {
  switch (problem.reason) {
    case 'too-new':
      return t('workshop:problem.too-new', { version: problem.version });
    case 'too-long':
      return t('workshop:problem.too-long', { limit: problem.limit });
    case 'too-big':
      return t('workshop:problem.too-big', { kib: Math.round(problem.limit / 1024) });
    case 'invalid':
      return t('workshop:problem.invalid', { path: problem.path || '-' });
    default:
      return t(`workshop:problem.${problem.reason}`);
  }
}
