/**
 * A post's read-only content as DOM: the text with its evidence marked, and
 * everything the player reads on a post. The post panel, the debrief and the level
 * editor's preview all show a post through these.
 */
import { accountOf } from '../core/authors';
import type { Level, Post } from '../core/level/schema';
import { pictureFor } from '../core/pictures';
import { panelSize, pictureImage } from '../pictures';
import type { Translator } from '../services/i18n';
import { el } from './dialog';

/** Appends text with each evidence phrase wrapped in <mark>, never via HTML parsing. */
export function appendMarked(target: HTMLElement, text: string, phrases: readonly string[]): void {
  const ranges: [number, number][] = [];
  for (const phrase of phrases) {
    const start = phrase ? text.indexOf(phrase) : -1;
    if (start >= 0) ranges.push([start, start + phrase.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start < cursor) continue;
    target.append(
      document.createTextNode(text.slice(cursor, start)),
      el('mark', text.slice(start, end)),
    );
    cursor = end;
  }
  target.append(document.createTextNode(text.slice(cursor)));
}

/** The post text with its evidence phrases marked: the feedback's view of the tells. */
export function markedText(translator: Pick<Translator, 'text'>, post: Post): HTMLElement {
  const body = el('p', null, 'post-text');
  appendMarked(
    body,
    translator.text(post.text),
    post.truth.evidence.map((phrase) => translator.text(phrase)),
  );
  return body;
}

/**
 * Everything the player reads on a post, with `body` as its text. The account's age,
 * followers and history are behind the Profile check. The level editor's preview
 * shows a post through this too.
 */
export function renderPostContent(
  translator: Pick<Translator, 't' | 'text' | 'number'>,
  level: Level,
  post: Post,
  body: readonly HTMLElement[],
  afterPicture: readonly HTMLElement[] = [],
  /** The language the picture's own words are drawn in. */
  language = 'en',
): HTMLElement {
  const { t, number, text } = translator;
  const section = el('section');
  const account = accountOf(level, post.author);
  if (account) {
    const parts = [
      `${text(account.name)} ${account.handle}`,
      account.verified ? t('post.verified') : null,
    ].filter(Boolean);
    section.append(el('p', parts.join(' · '), 'meta'));
  }
  if (post.group) section.append(el('p', t('post.inGroup', { group: text(post.group) }), 'meta'));
  if (post.kind === 'ad') section.append(el('p', t('post.sponsored'), 'meta'));
  section.append(...body);
  const picture = pictureFor(post);
  if (picture && post.media) {
    const label = post.kind === 'video' ? t('post.videoFrame') : t('post.image');
    const alt = t('post.mediaLine', { label, description: text(post.media) });
    const frame = el('div', null, 'picture-frame');
    frame.append(pictureImage(picture, language, panelSize(post), alt));
    section.append(frame);
  }
  section.append(...afterPicture);
  if (post.sound) section.append(el('p', t('post.sound', { sound: text(post.sound) }), 'meta'));
  if (post.link) {
    const link = el('p', null, 'link');
    link.append(el('strong', text(post.link.title)), el('br'), el('span', post.link.url));
    section.append(link);
  }
  const engagement = el(
    'p',
    t('post.engagement', {
      likes: number(post.likes),
      shares: number(post.shares),
      count: post.comments.length,
    }),
    'meta',
  );
  // A comment control in the feed opens the post here (PostPanel.reveal).
  engagement.dataset.part = 'comments';
  section.append(engagement);
  if (post.comments.length > 0) {
    const list = el('ul');
    list.dataset.part = 'comments';
    list.setAttribute('aria-label', t('post.comments'));
    for (const comment of post.comments)
      list.append(
        el('li', t('post.commentLine', { author: text(comment.author), text: text(comment.text) })),
      );
    section.append(list);
  }
  return section;
}
