/**
 * The platform details of a post, with the defaults the level format promises (see
 * docs/levels.md, "How a post looks on its platform"): derived from the rest of the
 * post, so levels written before these fields existed look right unchanged.
 */
import type { Account, Level, LocalizedText, Post } from '../../core/level/schema';

export type VerifiedKind = NonNullable<Account['verifiedKind']>;

/** The verified mark an account shows, or null for none. */
export function verifiedKind(account: Account | undefined): VerifiedKind | null {
  if (!account?.verified) return null;
  return account.verifiedKind ?? 'person';
}

/** Natter: in Moments rather than the group chat. */
export function inMoments(post: Post): boolean {
  return post.moment ?? (post.group === undefined && post.kind !== 'chat');
}

/** Natter: marked "Forwarded". */
export function isForwarded(post: Post): boolean {
  return post.forwarded ?? (post.kind === 'chat' && post.link !== undefined);
}

/** How the post's link shows; null when it has none. */
export function linkStyle(post: Post): 'card' | 'mini-program' | 'qr' | null {
  if (post.linkStyle) return post.linkStyle;
  if (post.link) return 'card';
  // An address only the "inspect link" check knows: a QR code in the picture.
  return post.investigation?.link ? 'qr' : null;
}

/** A stable number from a text: the same group always shows the same member count. */
function stableHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
  return hash;
}

/** Natter: the group's member count; by default at least everyone who posts in it. */
export function memberCount(level: Level, group: LocalizedText): number {
  const key = JSON.stringify(group);
  const posts = level.posts.filter((post) => post.group && JSON.stringify(post.group) === key);
  const given = posts.find((post) => post.members !== undefined)?.members;
  if (given !== undefined) return given;
  const authors = new Set(posts.map((post) => post.author)).size;
  return Math.max(authors + 1, 40 + (stableHash(key) % 460));
}

/** Buzzline: the #topic#, from the field or else the text's first #hashtag. */
export function topicOf(post: Post, text: string, language: string): string | null {
  const given = post.topic ? (post.topic[language] ?? Object.values(post.topic)[0]) : undefined;
  if (given) return given.replace(/^#|#$/gu, '');
  const tag = /#([^\s#.,!?;:，。！？、]+)#?/u.exec(text);
  return tag?.[1] ?? null;
}

/** Buzzline: how many pictures the grid shows. */
export function imageCount(post: Post): number {
  if (!post.media) return 0;
  return post.images ?? 1;
}

/** Loopy: how long the clip runs, in seconds (a stable 15-59 s per post), for its progress bar. */
export function clipSeconds(post: Post): number {
  return 15 + (stableHash(post.id) % 45);
}

/** Up to two initials for an avatar without a picture. */
export function initials(name: string): string {
  const letters = [...name.replace(/[^\p{L}\p{N} ]/gu, '').trim()]
    .filter((_, index, chars) => index === 0 || chars[index - 1] === ' ')
    .slice(0, 2)
    .join('')
    .toUpperCase();
  return letters || '?';
}
