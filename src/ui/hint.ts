/** Learn mode's hint on an open post: a closed <details>, so it is there when wanted and not before. */
import { hintsFor } from '../core/hints';
import type { Post } from '../core/level/schema';
import type { Translator } from '../services/i18n';
import { el } from './dialog';

export function hintDetails(post: Post, translator: Translator): HTMLDetailsElement {
  const details = el('details', null, 'hint');
  details.append(el('summary', translator.t('modes.hint.summary')));
  const questions = el('ul');
  for (const hint of hintsFor(post)) questions.append(el('li', translator.t(`modes.hint.${hint}`)));
  details.append(questions);
  return details;
}
