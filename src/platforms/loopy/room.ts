/**
 * Loopy, the short-video app: one clip fills the screen, and scrolling snaps to the
 * next. The side rail (avatar with follow, likes, comments, shares), the caption with
 * its hashtags and the sound's name lie over the video; a thin bar shows its progress.
 */
import type Phaser from 'phaser';
import { accountOf, authorName } from '../../core/authors';
import type { Post } from '../../core/level/schema';
import { highContrast } from '../../ui/display';
import { shrinkToFit } from '../../ui/text-wrap';
import { avatar, icon, tabBar, text } from '../shared/draw';
import { clipSeconds, initials } from '../shared/post-details';
import type { PlatformRoom, PostLayout, RoomContext } from '../shared/room';

const PINK = 0xfe2c55;
/** The width the rail keeps to itself on the right; the caption wraps short of it. */
const RAIL_SPACE = 76;

export const loopy: PlatformRoom = {
  gap: 0,
  fullHeight: true,
  status: () => ({ background: 0x000000, ink: '#ffffff', active: '' }),
  // A phone-shaped column on wide screens, the whole width on phones.
  postWidth: (area) => Math.min(area.width, Math.max(340, Math.round(area.height * 0.62))),
  chrome(room, area) {
    const { t } = room.translator;
    const bottom = tabBar(
      room.scene,
      area,
      [
        { icon: 'home', label: t('room.loopy.home') },
        { icon: 'people', label: t('room.loopy.friends') },
        { icon: 'plus', label: '' },
        { icon: 'inbox', label: t('room.loopy.inbox') },
        { icon: 'person', label: t('room.loopy.me') },
      ],
      { background: 0x000000, ink: '#bbbbbb', active: '#ffffff' },
    );
    return { top: 0, bottom };
  },
  layoutPost(room, post, _previous, size) {
    const { scene } = room;
    const { width, height } = size;
    const high = highContrast();
    const view = scene.add.container(0, 0);
    const g = scene.add.graphics();
    view.add(g);
    const top = topBar(room, post, view, g, width);
    const caption = captionBlock(room, post, view, g, size);
    // The labels sit on the left: the rail may start beside them.
    const rail = sideRail(room, post, view, g, size, top.bar + 6);
    // The progress bar: how far into the clip the first frame is (a still, no ticking).
    const shown = 0.15 + ((clipSeconds(post) * 7) % 50) / 100;
    g.fillStyle(0xffffff, 0.3).fillRect(0, height - 3, width, 3);
    g.fillStyle(0xffffff, 1).fillRect(0, height - 3, width * shown, 3);
    g.fillStyle(0xffffff, 1).fillCircle(width * shown, height - 2, 4);
    // The clip starts below the tabs, so they never cover words in its picture (evidence).
    const media: PostLayout['media'] = post.media
      ? [{ box: { x: 0, y: top.bar, width, height: height - top.bar }, under: true }]
      : [];
    // Over a video only the top bar with its labels, the rail and the caption hold anything.
    const content = post.media
      ? [{ x: 0, y: 0, width, height: top.bottom + 4 }, rail.box, caption]
      : undefined;
    if (!post.media) {
      // No media: the clip is its text on a colour, as the app's text posts are.
      const back = scene.add.graphics();
      back.fillStyle(high ? 0x000000 : 0x2b2140, 1).fillRect(0, 0, width, height);
      view.addAt(back, 0);
    }
    // The comment count opens the post at its comments; like, share and follow are scenery.
    const controls = [{ kind: 'comments' as const, box: rail.comments }];
    return { view, height, media, content, controls };
  },
};

type Box = { x: number; y: number; width: number; height: number };

/**
 * Following / For You over the clip, and its Live and Sponsored labels; returns the
 * bar's height and the y below the labels. Each tab keeps to its half of the width
 * (shrunk in a long language).
 */
function topBar(
  room: RoomContext,
  post: Post,
  view: Phaser.GameObjects.Container,
  g: Phaser.GameObjects.Graphics,
  width: number,
): { bar: number; bottom: number } {
  const { scene } = room;
  const { t } = room.translator;
  const high = highContrast();
  const half = width / 2 - 16;
  const following = text(scene, width / 2 - 8, 10, t('room.loopy.following'), {
    size: 15,
    colour: '#dddddd',
  }).setOrigin(1, 0);
  const forYou = text(scene, width / 2 + 8, 10, t('room.loopy.forYou'), {
    size: 15,
    colour: '#ffffff',
    bold: true,
  });
  shrinkToFit(following, half, Number.POSITIVE_INFINITY, 9);
  shrinkToFit(forYou, half, Number.POSITIVE_INFINITY, 9);
  const barHeight = Math.ceil(Math.max(44, forYou.height + 20));
  g.fillStyle(0x000000, 1).fillRect(0, 0, width, barHeight);
  g.fillStyle(0xffffff, 1).fillRect(
    forYou.x + forYou.width / 2 - 12,
    forYou.y + forYou.height + 3,
    24,
    3,
  );
  view.add([following, forYou]);
  const labels: string[] = [];
  if (post.live) labels.push(t('room.loopy.live'));
  if (post.kind === 'ad') labels.push(t('post.sponsored'));
  let labelX = 12;
  let bottom = barHeight;
  for (const label of labels) {
    const badge = text(scene, labelX, barHeight + 10, label, {
      size: 12,
      colour: '#ffffff',
      bold: true,
      background: high ? '#000000' : '#fe2c55',
      padding: { x: 6, y: 2 },
    });
    view.add(badge);
    labelX += badge.width + 8;
    bottom = Math.max(bottom, badge.y + badge.height);
  }
  return { bar: barHeight, bottom };
}

/**
 * Bottom left: the handle, the caption with its hashtags, the sound. The caption gets
 * up to five lines, fewer when the clip is short (a small phone, a large text size):
 * the block never takes more than half the clip. Returns the part it covers.
 */
function captionBlock(
  room: RoomContext,
  post: Post,
  view: Phaser.GameObjects.Container,
  g: Phaser.GameObjects.Graphics,
  size: { width: number; height: number },
): Box {
  const { scene, translator, level } = room;
  const { t } = translator;
  const { width, height } = size;
  const account = accountOf(level, post.author);
  const name = authorName(level, post.author, translator.text);
  const left = 12;
  const captionWidth = width - left - RAIL_SPACE;
  const handle = text(scene, left, 0, account?.handle ?? post.author, {
    size: 16,
    colour: '#ffffff',
    bold: true,
    width: captionWidth,
    maxLines: 1,
  });
  const soundName = post.sound
    ? translator.text(post.sound)
    : t('room.loopy.originalSound', { name });
  const sound = text(scene, left + 20, 0, soundName, {
    size: 13,
    colour: '#ffffff',
    width: captionWidth - 20,
    maxLines: 1,
  });
  const captionRoom = height / 2 - handle.height - sound.height - 40;
  const captionText = (lines: number) =>
    text(scene, left, 0, translator.text(post.text), {
      size: 15,
      colour: '#ffffff',
      width: captionWidth,
      maxLines: lines,
    });
  let lines = 5;
  let caption = captionText(lines);
  while (caption.height > captionRoom && lines > 1) {
    caption.destroy();
    caption = captionText(--lines);
  }
  const captionTop = height - 14 - sound.height - 8 - caption.height - 6 - handle.height;
  // A scrim keeps the white text readable over any picture.
  g.fillStyle(0x000000, highContrast() ? 1 : 0.55).fillRect(
    0,
    captionTop - 12,
    width - RAIL_SPACE + 8,
    height - captionTop + 12,
  );
  handle.setY(captionTop);
  caption.setY(handle.y + handle.height + 6);
  sound.setY(caption.y + caption.height + 8);
  // A note: the sound's mark, drawn.
  g.fillStyle(0xffffff, 1).fillCircle(left + 5, sound.y + sound.height - 5, 4);
  g.fillRect(left + 8, sound.y + 2, 2, sound.height - 7).fillRect(left + 8, sound.y + 2, 7, 2);
  view.add([handle, caption, sound]);
  return { x: 0, y: captionTop - 12, width, height: height - captionTop + 12 };
}

/**
 * The rail on the right: the avatar with follow, like, comment and share counts, and
 * the spinning sound disc, ending well above the bottom where there is room. On a
 * short clip it comes down beside the caption, leaves out the disc, and its counts
 * get smaller, so it always stays between the top bar and the bottom.
 */
function sideRail(
  room: RoomContext,
  post: Post,
  view: Phaser.GameObjects.Container,
  g: Phaser.GameObjects.Graphics,
  size: { width: number; height: number },
  minTop: number,
): { box: Box; comments: Box } {
  const { scene, translator, level } = room;
  const { width, height } = size;
  const account = accountOf(level, post.author);
  const name = authorName(level, post.author, translator.text);
  const railX = width - 34;
  const counts = [
    { icon: 'heart' as const, value: post.likes },
    { icon: 'comment' as const, value: post.comments.length },
    { icon: 'share' as const, value: post.shares },
  ];
  const AVATAR = 60;
  const DISC = 48;
  const bottom = height - 16;
  const space = bottom - minTop;
  const labels = counts.map((count) =>
    shrinkToFit(
      text(scene, railX, 0, translator.number(count.value, { notation: 'compact' }), {
        size: 12,
        colour: '#ffffff',
        bold: true,
      }).setOrigin(0.5, 0),
      56,
      Number.POSITIVE_INFINITY,
      11,
    ),
  );
  // A row is the icon with its count under it: 40 px and the count, as the app's 62 if that fits.
  const tallest = () => Math.max(...labels.map((label) => label.height));
  let step = Math.max(62, 40 + tallest());
  const withDisc = AVATAR + counts.length * step + DISC <= space;
  if (!withDisc && AVATAR + counts.length * step > space) {
    // Smaller counts, but never below a readable 11 px.
    const labelRoom = (space - AVATAR) / counts.length - 40;
    for (const label of labels) shrinkToFit(label, 56, labelRoom, 11);
    step = 40 + tallest();
  }
  const railHeight = AVATAR + counts.length * step + (withDisc ? DISC : 0);
  const railTop = Math.max(minTop, Math.min(height - 150 - railHeight, bottom - railHeight));
  g.fillStyle(0x000000, highContrast() ? 1 : 0.25).fillRoundedRect(
    railX - 30,
    railTop - 8,
    60,
    railHeight + 8,
    16,
  );
  const handle = account?.handle ?? post.author;
  view.add(avatar(scene, railX - 22, railTop, 44, handle, initials(name), 'round'));
  g.fillStyle(PINK, 1).fillCircle(railX, railTop + 46, 9);
  g.lineStyle(2, 0xffffff, 1).lineBetween(railX - 4, railTop + 46, railX + 4, railTop + 46);
  g.lineBetween(railX, railTop + 42, railX, railTop + 50);
  const rowTop = (index: number) => railTop + AVATAR + index * step;
  counts.forEach((count, index) => {
    const cy = rowTop(index) + 20;
    icon(g, count.icon, railX, cy, 14, 0xffffff, true);
    view.add((labels[index] as Phaser.GameObjects.Text).setY(cy + 18));
  });
  if (withDisc) icon(g, 'disc', railX, railTop + railHeight - 24, 16, avatarTint(handle));
  const comments = rowTop(counts.findIndex((count) => count.icon === 'comment'));
  return {
    box: { x: railX - 30, y: railTop - 8, width: width - railX + 30, height: railHeight + 8 },
    comments: { x: railX - 30, y: comments, width: 60, height: step },
  };
}

function avatarTint(seed: string): number {
  let hash = 0;
  for (let i = 0; i < seed.length; i++) hash = (hash * 31 + seed.charCodeAt(i)) >>> 0;
  return 0x808080 | (hash & 0x7f7f7f);
}
