/**
 * The live preview of one post as it looks on its platform: a small DOM rendition of
 * the game's rooms (src/platforms/), with the Natter chat bubble, the Loopy full-height
 * video frame or the Buzzline card, the post's picture drawn from its picture data and
 * its evidence marked. It follows the rooms' layout and colours without Phaser, so the
 * editor's chunk stays small; the platform defaults come from the rooms' own rules
 * (post-details.ts). The earlier picture a reverse image search finds shows beside it.
 */
import { accountOf, authorName } from '../core/authors';
import type { Level, LocalizedText, Picture, Post } from '../core/level/schema';
import { pictureFor } from '../core/pictures';
import { panelSize, pictureImage } from '../pictures';
import {
  imageCount,
  initials,
  inMoments,
  isForwarded,
  linkStyle,
  memberCount,
  topicOf,
  verifiedKind,
} from '../platforms/shared/post-details';
import type { Translator } from '../services/i18n';
import { el } from '../ui/dialog';
import { markedText } from '../ui/post-content';

interface Strings {
  t: Translator['t'];
  number: Translator['number'];
  text(value: LocalizedText | undefined): string;
  language: string;
}

export function renderPreview(
  translator: Translator,
  level: Level,
  postIndex: number,
  language: string,
): HTMLElement {
  const post = level.posts[postIndex];
  const frame = el('div', null, `editor-preview platform-${level.platform}`);
  frame.lang = language;
  if (!post) return frame;
  // Interface words in the trainer's language, the level's words in the chosen one.
  const strings: Strings = {
    t: translator.t,
    number: translator.number,
    text: (value) => (value ? (value[language] ?? '') : ''),
    language,
  };
  const views = { messenger: natter, shortvideo: loopy, microblog: buzzline } as const;
  frame.append(appBar(strings, level, post), views[level.platform](strings, level, post));
  const earlier = post.investigation?.image?.earlier;
  if (earlier) frame.append(earlierPicture(strings, post, earlier));
  return frame;
}

function appBar(s: Strings, level: Level, post: Post): HTMLElement {
  const bar = el('div', null, 'preview-bar');
  bar.append(el('strong', s.t(`platforms.${level.platform}.name`)));
  let where = '';
  if (level.platform === 'messenger')
    where = inMoments(post)
      ? s.t('room.natter.moments')
      : post.group
        ? s.t('room.natter.groupTitle', {
            group: s.text(post.group),
            count: memberCount(level, post.group),
          })
        : s.t('room.natter.chats');
  else if (level.platform === 'shortvideo') where = s.t('room.loopy.forYou');
  else where = s.t('room.buzzline.home');
  bar.append(el('span', where));
  return bar;
}

/** Avatar, name and handle (kept together: "Name @handle"), and the verified mark. */
function author(s: Strings, level: Level, post: Post): HTMLElement {
  const account = accountOf(level, post.author);
  const line = el('div', null, 'preview-author');
  const name = authorName(level, post.author, s.text);
  const avatar = el('span', initials(name), 'preview-avatar');
  avatar.setAttribute('aria-hidden', 'true');
  line.append(avatar, el('span', name, 'preview-name'));
  if (account) line.append(' ', el('span', account.handle, 'preview-handle'));
  const mark = verifiedKind(account);
  if (mark) line.append(' ', el('span', s.t('post.verified'), `preview-verified ${mark}`));
  return line;
}

function picture(s: Strings, post: Post, size = panelSize(post)): HTMLElement | null {
  const shown = pictureFor(post);
  if (!shown || !post.media) return null;
  const label = post.kind === 'video' ? s.t('post.videoFrame') : s.t('post.image');
  const alt = s.t('post.mediaLine', { label, description: s.text(post.media) });
  return pictureImage(shown, s.language, size, alt);
}

function link(s: Strings, post: Post): HTMLElement | null {
  const style = linkStyle(post);
  if (!style) return null;
  const card = el('div', null, `preview-link ${style}`);
  if (style === 'qr') card.append(el('span', s.t('room.natter.qr')));
  else {
    if (style === 'mini-program') card.append(el('span', s.t('room.natter.miniProgram'), 'meta'));
    if (post.link) card.append(el('strong', s.text(post.link.title)), el('span', post.link.url));
  }
  return card;
}

function comments(s: Strings, post: Post): HTMLElement[] {
  if (post.comments.length === 0) return [];
  const list = el('ul', null, 'preview-comments');
  list.setAttribute('aria-label', s.t('post.comments'));
  for (const comment of post.comments)
    list.append(
      el(
        'li',
        s.t('post.commentLine', { author: s.text(comment.author), text: s.text(comment.text) }),
      ),
    );
  return [list];
}

const present = (parts: readonly (HTMLElement | null)[]) =>
  parts.filter((part): part is HTMLElement => part !== null);

/** Natter: a chat bubble beside the author's avatar (a Moments post is a card). */
function natter(s: Strings, level: Level, post: Post): HTMLElement {
  const row = el('div', null, inMoments(post) ? 'preview-moment' : 'preview-chat');
  const bubble = el('div', null, 'preview-bubble');
  if (isForwarded(post)) bubble.append(el('p', s.t('room.natter.forwarded'), 'meta'));
  if (post.sticker) bubble.append(el('p', post.sticker, 'preview-sticker'));
  if (post.voiceSeconds)
    bubble.append(el('p', `🔊 ${post.voiceSeconds}″ · ${s.t('room.natter.transcript')}`, 'meta'));
  bubble.append(...present([markedText(s, post), picture(s, post), link(s, post)]));
  row.append(author(s, level, post), bubble, ...comments(s, post));
  return row;
}

/** Loopy: one full-height video with the side rail and the caption over it. */
function loopy(s: Strings, level: Level, post: Post): HTMLElement {
  const video = el('div', null, 'preview-video');
  const image = picture(s, post, { width: 270, height: 480 });
  if (image) video.append(image);
  const labels = el('div', null, 'preview-labels');
  if (post.live) labels.append(el('span', s.t('room.loopy.live'), 'preview-live'));
  if (post.kind === 'ad') labels.append(el('span', s.t('post.sponsored'), 'preview-live'));
  const rail = el('div', null, 'preview-rail');
  for (const count of [post.likes, post.comments.length, post.shares])
    rail.append(el('span', s.number(count)));
  const caption = el('div', null, 'preview-caption');
  caption.append(author(s, level, post), markedText(s, post));
  if (post.sound) caption.append(el('p', `♫ ${s.text(post.sound)}`, 'meta'));
  caption.append(...present([link(s, post)]));
  video.append(labels, rail, caption, el('div', null, 'preview-progress'));
  const column = el('div');
  column.append(video, ...comments(s, post));
  return column;
}

/** Buzzline: a timeline card with the #topic#, the repost chain and the picture grid. */
function buzzline(s: Strings, level: Level, post: Post): HTMLElement {
  const card = el('div', null, 'preview-card');
  card.append(author(s, level, post));
  const topic = topicOf(post, s.text(post.text), s.language);
  if (topic) card.append(el('p', `#${topic}#`, 'preview-topic'));
  card.append(markedText(s, post));
  for (const repost of post.reposts ?? [])
    card.append(el('p', `//${repost.handle}: ${s.text(repost.text)}`, 'preview-repost'));
  const count = imageCount(post);
  if (count > 0) {
    const grid = el('div', null, `preview-grid${count === 1 ? ' single' : ''}`);
    const size = count === 1 ? panelSize(post) : { width: 120, height: 120 };
    for (let index = 0; index < count; index++) grid.append(...present([picture(s, post, size)]));
    card.append(grid);
  }
  card.append(...present([link(s, post)]));
  const counts = el('p', null, 'preview-counts');
  for (const [key, value] of [
    ['repost', post.shares],
    ['comment', post.comments.length],
    ['like', post.likes],
  ] as const)
    counts.append(
      el('span', s.t(`room.buzzline.${key}`, { count: value, formatted: s.number(value) })),
    );
  card.append(counts, ...comments(s, post));
  return card;
}

/** What the reverse image search shows: the earlier picture beside this post's. */
function earlierPicture(s: Strings, post: Post, earlier: Picture): HTMLElement {
  const size = panelSize(post);
  const half = { width: Math.round(size.width / 2), height: Math.round(size.height / 2) };
  const row = el('div', null, 'side-by-side preview-earlier');
  const found = post.investigation?.image;
  const figure = el('figure');
  figure.append(
    pictureImage(earlier, s.language, half, s.text(found?.firstSeen)),
    el('figcaption', s.t('investigate.imageEarlier')),
  );
  row.append(figure);
  const own = picture(s, post, half);
  if (own) {
    const mine = el('figure');
    mine.append(own, el('figcaption', s.t('investigate.imageThisPost')));
    row.append(mine);
  }
  return row;
}
