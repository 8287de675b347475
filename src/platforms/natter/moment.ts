/** A Moments post in Natter: the friends' timeline, under a "Moments" divider. */
import { accountOf, authorName } from '../../core/authors';
import type { Post } from '../../core/level/schema';
import { highContrast } from '../../ui/display';
import { avatar, text } from '../shared/draw';
import { initials, inMoments, linkStyle } from '../shared/post-details';
import type { PostLayout, RoomContext } from '../shared/room';
import { begin, divider, linkCard, PAD } from './common';

export function moment(
  room: RoomContext,
  post: Post,
  previous: Post | null,
  width: number,
): PostLayout {
  const { scene, translator, level, t, c, view, media } = begin(room);
  let top = 0;
  if (!previous || !inMoments(previous))
    top = divider(room, view, 4, width, t('room.natter.moments'));
  const account = accountOf(level, post.author);
  const name = authorName(level, post.author, translator.text);
  const back = scene.add.graphics();
  const g = scene.add.graphics();
  view.add([back, g]);
  const size = 44;
  view.add(
    avatar(scene, PAD, top + PAD, size, account?.handle ?? post.author, initials(name), 'square'),
  );
  const x = PAD + size + 10;
  const inner = width - x - PAD;
  let y = top + PAD;
  const nameText = text(scene, x, y, name, {
    size: 15,
    colour: c.name,
    bold: true,
    width: inner,
    maxLines: 2,
  });
  view.add(nameText);
  y += nameText.height + 4;
  const body = text(scene, x, y, translator.text(post.text), {
    size: 16,
    colour: c.ink,
    width: inner,
  });
  view.add(body);
  y += body.height + 8;
  if (post.media) {
    const side = Math.min(inner, 260);
    media.push({
      box: { x, y, width: side, height: Math.round(side * (post.kind === 'video' ? 1.3 : 0.75)) },
      under: false,
    });
    y += Math.round(side * (post.kind === 'video' ? 1.3 : 0.75)) + 8;
  }
  const style = linkStyle(post);
  if (style) {
    const parts: Phaser.GameObjects.GameObject[] = [];
    y = linkCard(room, post, style, parts, x, y, inner) + 8;
    view.add(parts);
  }
  const meta = [
    t('post.minutesAgo', { count: post.minutesAgo }),
    post.kind === 'ad' ? t('post.sponsored') : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const metaText = text(scene, x, y, meta, { size: 12, colour: c.dim, width: inner - 40 });
  view.add(metaText);
  y += metaText.height + 6;
  const likes = text(
    scene,
    x + 8,
    y + 6,
    `♡ ${translator.number(post.likes, { notation: 'compact' })}   ${t('post.comments')} ${translator.number(post.comments.length)}`,
    { size: 13, colour: c.name, width: inner - 16 },
  );
  g.fillStyle(highContrast() ? 0x000000 : 0xf3f3f5, 1).fillRect(x, y, inner, likes.height + 12);
  view.add(likes);
  // The likes and comments bar opens the post at its comments.
  const controls = [
    { kind: 'comments' as const, box: { x, y, width: inner, height: likes.height + 12 } },
  ];
  y += likes.height + 12 + PAD;
  back.fillStyle(c.bubble, 1).fillRect(0, top, width, y - top);
  back.lineStyle(1, c.bubbleLine, 1).strokeRect(0, top, width, y - top);
  return { view, height: Math.ceil(y), media, controls };
}
