/**
 * Learn mode's hints: questions from the article's tips (check the source, look for
 * evidence, be wary of emotion and pressure…) that fit what a post shows. They depend
 * only on what any reader can see (a link, a picture, an ad, a group chat), never on
 * the truth, so a hint teaches where to look without giving the answer away.
 */
import type { Post } from './level/schema';

export const HINTS = [
  'source',
  'link',
  'picture',
  'sponsor',
  'group',
  'evidence',
  'emotion',
  'pressure',
] as const;
export type Hint = (typeof HINTS)[number];

export function hintsFor(post: Pick<Post, 'kind' | 'link' | 'media' | 'group'>): Hint[] {
  const shown: Record<Hint, boolean> = {
    source: true,
    link: Boolean(post.link),
    picture: Boolean(post.media),
    sponsor: post.kind === 'ad',
    group: Boolean(post.group),
    evidence: true,
    emotion: true,
    pressure: true,
  };
  return HINTS.filter((hint) => shown[hint]);
}
