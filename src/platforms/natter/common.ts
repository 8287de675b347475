/** What Natter's chat messages and Moments posts share: colours, dividers, link cards. */
import type Phaser from 'phaser';
import type { Post } from '../../core/level/schema';
import { highContrast } from '../../ui/display';
import { icon, text } from '../shared/draw';
import type { PostLayout, RoomContext } from '../shared/room';

export const PAD = 12;

export function colours() {
  const high = highContrast();
  return {
    bar: high ? 0x000000 : 0xf7f7f7,
    ink: high ? '#ffffff' : '#191919',
    dim: high ? '#ffffff' : '#6b6b6b',
    bubble: high ? 0x000000 : 0xffffff,
    bubbleLine: high ? 0xffffff : 0xe0e0e0,
    name: high ? '#ffffff' : '#576b95',
    green: high ? '#ffff00' : '#07a35a',
  };
}

/** What every Natter post view starts with: its tools, colours and an empty view. */
export function begin(room: RoomContext) {
  const { scene, translator, level } = room;
  return {
    scene,
    translator,
    level,
    t: translator.t,
    c: colours(),
    view: scene.add.container(0, 0),
    media: [] as PostLayout['media'],
  };
}

export function groupName(room: RoomContext, post: Post): string | null {
  return post.group ? room.translator.text(post.group) : null;
}

export function divider(
  room: RoomContext,
  view: Phaser.GameObjects.Container,
  y: number,
  width: number,
  label: string,
): number {
  const c = colours();
  const line = text(room.scene, width / 2, y + 6, label, {
    size: 12,
    colour: c.dim,
    width: width - 60,
    maxLines: 2,
    background: highContrast() ? '#000000' : '#dadada',
    padding: { x: 8, y: 3 },
  }).setOrigin(0.5, 0);
  view.add(line);
  return y + line.height + 14;
}

export function linkCard(
  room: RoomContext,
  post: Post,
  style: 'card' | 'mini-program' | 'qr',
  parts: Phaser.GameObjects.GameObject[],
  x: number,
  y: number,
  width: number,
): number {
  const { scene, translator } = room;
  const { t } = translator;
  const c = colours();
  const title = post.link ? translator.text(post.link.title) : translator.text(post.text);
  const address = post.link?.url ?? post.investigation?.link?.destination ?? '';
  const g = scene.add.graphics();
  parts.push(g);
  const ink = Number.parseInt(c.ink.slice(1), 16);
  if (style === 'qr') {
    const side = Math.min(120, width);
    g.fillStyle(0xffffff, 1).fillRect(x, y, side, side);
    g.fillStyle(0x000000, 1);
    // A fixed pattern per post: three corner squares and a scatter of modules.
    const cell = side / 21;
    for (const [cx, cy] of [
      [0, 0],
      [14, 0],
      [0, 14],
    ] as const) {
      g.fillRect(x + cx * cell, y + cy * cell, 7 * cell, 7 * cell);
      g.fillStyle(0xffffff, 1).fillRect(
        x + (cx + 1) * cell,
        y + (cy + 1) * cell,
        5 * cell,
        5 * cell,
      );
      g.fillStyle(0x000000, 1).fillRect(
        x + (cx + 2) * cell,
        y + (cy + 2) * cell,
        3 * cell,
        3 * cell,
      );
    }
    let seed = [...post.id].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) >>> 0;
    for (let i = 0; i < 120; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const mx = 8 + (seed % 13);
      const my = 8 + ((seed >>> 8) % 13);
      g.fillRect(x + mx * cell, y + my * cell, cell, cell);
    }
    const caption = text(scene, x, y + side + 4, t('room.natter.qr'), {
      size: 12,
      colour: c.dim,
      width,
    });
    parts.push(caption);
    return caption.y + caption.height;
  }
  const label = text(scene, x + 10, y + 8, title, {
    size: 14,
    colour: c.ink,
    bold: true,
    width: width - 70,
    maxLines: 3,
  });
  const thumb = scene.add.graphics();
  thumb
    .fillStyle(style === 'mini-program' ? 0x07a35a : 0x9aa5b1, 1)
    .fillRoundedRect(x + width - 52, y + 8, 42, 42, 4);
  icon(thumb, style === 'mini-program' ? 'compass' : 'chat', x + width - 31, y + 29, 10, 0xffffff);
  const domain = (() => {
    try {
      return new URL(address).hostname;
    } catch {
      return address;
    }
  })();
  const footer = text(
    scene,
    x + 10,
    Math.max(label.y + label.height, y + 50) + 8,
    style === 'mini-program' ? `◎ ${t('room.natter.miniProgram')}` : domain,
    { size: 11, colour: c.dim, width: width - 20, maxLines: 1 },
  );
  const bottom = footer.y + footer.height + 6;
  g.lineStyle(1, c.bubbleLine, 1).strokeRect(x, y, width, bottom - y);
  g.lineStyle(1, ink, 0.15).lineBetween(x + 6, footer.y - 4, x + width - 6, footer.y - 4);
  parts.push(label, thumb, footer);
  return bottom;
}

/** A Moments post: square avatar, name, text, picture, time and likes. */
