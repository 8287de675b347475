/**
 * Evidence is marked by selecting words in the post text, never typed: the phrase is
 * cut from the text itself, so it always matches the post in that language.
 */
import type { Level } from '../level/schema';
import { emptyText, setAt } from './operations';

/** The selected words, without the spaces a selection drags along; null when nothing is left. */
export function phraseFromSelection(
  text: string,
  start: number,
  end: number,
): { phrase: string; start: number; end: number } | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/u.test(text[from] as string)) from++;
  while (to > from && /\s/u.test(text[to - 1] as string)) to--;
  if (from === to) return null;
  return { phrase: text.slice(from, to), start: from, end: to };
}

/**
 * Marks the selection in one language of a post's text as evidence: as a new phrase
 * (`evidence` null), or as this language of an existing phrase (its translation).
 */
export function markEvidence(
  level: Level,
  postIndex: number,
  evidence: number | null,
  language: string,
  start: number,
  end: number,
): Level {
  const post = level.posts[postIndex];
  const text = post?.text[language];
  if (!post || text === undefined) return level;
  const selected = phraseFromSelection(text, start, end);
  if (!selected) return level;
  const list = post.truth.evidence;
  const index = evidence ?? list.length;
  const phrase = { ...(list[index] ?? emptyText(level.languages)), [language]: selected.phrase };
  return setAt(level, ['posts', postIndex, 'truth', 'evidence', index], phrase);
}

/** Where each evidence phrase sits in the text of one language, for highlighting; -1 when it is not found. */
export function evidenceRanges(
  level: Level,
  postIndex: number,
  language: string,
): { evidence: number; start: number; end: number }[] {
  const post = level.posts[postIndex];
  const text = post?.text[language] ?? '';
  return (post?.truth.evidence ?? []).map((phrase, evidence) => {
    const wanted = phrase[language] ?? '';
    const start = wanted ? text.indexOf(wanted) : -1;
    return { evidence, start, end: start < 0 ? -1 : start + wanted.length };
  });
}
