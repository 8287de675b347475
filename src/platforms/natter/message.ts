/** A chat message in Natter's group chat: avatar, name, bubble, and what it carries. */
import { accountOf, authorName } from '../../core/authors';
import type { Post } from '../../core/level/schema';
import { avatar, text } from '../shared/draw';
import { initials, inMoments, isForwarded, linkStyle } from '../shared/post-details';
import type { PostLayout, RoomContext } from '../shared/room';
import { begin, divider, groupName, linkCard, PAD } from './common';

export function message(
  room: RoomContext,
  post: Post,
  previous: Post | null,
  width: number,
): PostLayout {
  const { scene, translator, level, t, c, view, media } = begin(room);
  let y = 4;
  const group = groupName(room, post);
  const previousGroup = previous && !inMoments(previous) ? groupName(room, previous) : null;
  if (group && previous && group !== previousGroup) y = divider(room, view, y, width, group);
  const account = accountOf(level, post.author);
  const name = authorName(level, post.author, translator.text);
  const size = 40;
  view.add(avatar(scene, PAD, y, size, account?.handle ?? post.author, initials(name), 'square'));
  const x = PAD + size + 10;
  const nameText = text(scene, x, y, name, {
    size: 12,
    colour: c.dim,
    width: width - x - PAD,
    maxLines: 1,
  });
  view.add(nameText);
  const bubbleX = x;
  const bubbleMax = Math.min(width - bubbleX - 48, 420);
  let by = y + nameText.height + 4;
  if (post.sticker) {
    view.add(text(scene, bubbleX, by, post.sticker, { size: 44, colour: c.ink }));
    by += 64;
  }
  const parts: Phaser.GameObjects.GameObject[] = [];
  const inner = bubbleMax - 24;
  let cy = by + 10;
  let contentWidth = 0;
  const add = (object: Phaser.GameObjects.Text) => {
    parts.push(object);
    contentWidth = Math.max(contentWidth, object.width);
    cy += object.height + 6;
  };
  if (isForwarded(post))
    add(
      text(scene, bubbleX + 12, cy, t('room.natter.forwarded'), {
        size: 11,
        colour: c.dim,
        italic: true,
      }),
    );
  if (post.kind === 'ad')
    add(
      text(scene, bubbleX + 12, cy, t('post.sponsored'), { size: 11, colour: c.green, bold: true }),
    );
  const body = translator.text(post.text);
  if (post.voiceSeconds) {
    const voice = text(scene, bubbleX + 40, cy, `${post.voiceSeconds}″`, {
      size: 15,
      colour: c.ink,
      bold: true,
    });
    const g = scene.add.graphics();
    const ink = Number.parseInt(c.ink.slice(1), 16);
    g.lineStyle(2, ink, 1);
    for (let arc = 1; arc <= 3; arc++)
      g.beginPath()
        .arc(bubbleX + 16, cy + voice.height / 2, arc * 5, -0.8, 0.8)
        .strokePath();
    parts.push(g);
    add(voice);
    contentWidth = Math.max(contentWidth, 40 + voice.width + 60);
    add(
      text(scene, bubbleX + 12, cy, `${t('room.natter.transcript')}: ${body}`, {
        size: 14,
        colour: c.dim,
        width: inner,
      }),
    );
  } else add(text(scene, bubbleX + 12, cy, body, { size: 16, colour: c.ink, width: inner }));
  if (post.media) {
    const box = {
      x: bubbleX + 12,
      y: cy,
      width: inner,
      height: Math.round(inner * (post.kind === 'video' ? 1.2 : 0.66)),
    };
    media.push({ box, under: false });
    contentWidth = inner;
    cy += box.height + 8;
  }
  const style = linkStyle(post);
  if (style) cy = linkCard(room, post, style, parts, bubbleX + 12, cy, inner) + 6;
  if (style) contentWidth = inner;
  const bubbleWidth = Math.min(bubbleMax, contentWidth + 24);
  const bubbleHeight = cy - by + 4;
  const bubble = scene.add.graphics();
  bubble.fillStyle(c.bubble, 1).fillRoundedRect(bubbleX, by, bubbleWidth, bubbleHeight, 6);
  bubble.lineStyle(1, c.bubbleLine, 1).strokeRoundedRect(bubbleX, by, bubbleWidth, bubbleHeight, 6);
  bubble
    .fillStyle(c.bubble, 1)
    .fillTriangle(bubbleX + 1, by + 12, bubbleX + 1, by + 24, bubbleX - 6, by + 18);
  view.add([bubble, ...parts]);
  return { view, height: Math.ceil(Math.max(y + size, by + bubbleHeight) + 6), media };
}

/** A link card, a mini-program card or a QR code; returns the y below it. */
