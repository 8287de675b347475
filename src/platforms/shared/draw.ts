/** Small drawing pieces every room uses: text, avatars, icons, the status line, the tab bar. */
import type Phaser from 'phaser';
import { cssHex, inkOn } from '../../ui/colour';
import { fontPx } from '../../ui/display';
import { shrinkToFit, wordWrapWithin } from '../../ui/text-wrap';
import { addTexture } from '../../ui/textures';
import { avatarColour, FONT_STACK } from '../../ui/theme';

export interface TextStyle {
  size: number;
  colour: string;
  bold?: boolean;
  italic?: boolean;
  /** Wrap within this width; one line when maxLines is 1. */
  width?: number;
  maxLines?: number;
  background?: string;
  padding?: { x: number; y: number };
}

export function text(
  scene: Phaser.Scene,
  x: number,
  y: number,
  content: string,
  style: TextStyle,
): Phaser.GameObjects.Text {
  return scene.add.text(x, y, content, {
    fontFamily: FONT_STACK,
    fontSize: fontPx(style.size),
    fontStyle: [style.bold ? 'bold' : '', style.italic ? 'italic' : ''].join(' ').trim(),
    color: style.colour,
    lineSpacing: 3,
    ...(style.width ? { wordWrap: wordWrapWithin(style.width) } : {}),
    ...(style.maxLines ? { maxLines: style.maxLines } : {}),
    ...(style.background
      ? { backgroundColor: style.background, padding: style.padding ?? { x: 6, y: 2 } }
      : {}),
  });
}

/** A coloured avatar with initials; square with round corners (Natter) or round. */
export function avatar(
  scene: Phaser.Scene,
  x: number,
  y: number,
  size: number,
  seed: string,
  letters: string,
  shape: 'round' | 'square',
): Phaser.GameObjects.GameObject[] {
  const fill = avatarColour(seed);
  const disc = scene.add.graphics().fillStyle(fill, 1);
  if (shape === 'round') disc.fillCircle(x + size / 2, y + size / 2, size / 2);
  else disc.fillRoundedRect(x, y, size, size, Math.round(size / 8));
  const label = scene.add
    .text(x + size / 2, y + size / 2, letters, {
      fontFamily: FONT_STACK,
      fontSize: `${Math.round(size * 0.4)}px`,
      fontStyle: 'bold',
      color: inkOn(cssHex(fill)),
    })
    .setOrigin(0.5);
  return [disc, label];
}

export type IconName =
  | 'chat'
  | 'people'
  | 'compass'
  | 'person'
  | 'home'
  | 'plus'
  | 'inbox'
  | 'play'
  | 'heart'
  | 'comment'
  | 'share'
  | 'disc'
  | 'search';

/** Line icons drawn with shapes, so no font can turn them into empty boxes. */
export function icon(
  g: Phaser.GameObjects.Graphics,
  name: IconName,
  cx: number,
  cy: number,
  r: number,
  colour: number,
  filled = false,
): void {
  g.lineStyle(Math.max(1.5, r / 6), colour, 1);
  g.fillStyle(colour, 1);
  switch (name) {
    case 'chat':
      g.strokeRoundedRect(cx - r, cy - r * 0.75, r * 2, r * 1.4, r * 0.4);
      g.fillTriangle(cx - r * 0.6, cy + r * 0.6, cx - r * 0.1, cy + r * 0.6, cx - r * 0.7, cy + r);
      break;
    case 'people':
      g.strokeCircle(cx - r * 0.35, cy - r * 0.35, r * 0.4);
      g.strokeCircle(cx + r * 0.45, cy - r * 0.25, r * 0.3);
      g.beginPath()
        .arc(cx - r * 0.35, cy + r, r * 0.75, Math.PI, 0)
        .strokePath();
      break;
    case 'compass':
      g.strokeCircle(cx, cy, r);
      g.fillTriangle(
        cx - r * 0.3,
        cy + r * 0.3,
        cx + r * 0.55,
        cy - r * 0.55,
        cx + r * 0.3,
        cy - r * 0.3,
      );
      break;
    case 'person':
      g.strokeCircle(cx, cy - r * 0.4, r * 0.45);
      g.beginPath()
        .arc(cx, cy + r, r * 0.85, Math.PI, 0)
        .strokePath();
      break;
    case 'home':
      g.strokeTriangle(cx - r, cy - r * 0.05, cx + r, cy - r * 0.05, cx, cy - r);
      g.strokeRect(cx - r * 0.7, cy - r * 0.05, r * 1.4, r);
      break;
    case 'plus':
      g.fillRoundedRect(cx - r * 1.1, cy - r * 0.75, r * 2.2, r * 1.5, r * 0.35);
      g.lineStyle(Math.max(2, r / 4), 0x000000, 1);
      g.lineBetween(cx - r * 0.45, cy, cx + r * 0.45, cy).lineBetween(
        cx,
        cy - r * 0.45,
        cx,
        cy + r * 0.45,
      );
      break;
    case 'inbox':
      g.strokeRoundedRect(cx - r, cy - r * 0.7, r * 2, r * 1.4, r * 0.2);
      g.lineBetween(cx - r, cy - r * 0.6, cx, cy + r * 0.1).lineBetween(
        cx,
        cy + r * 0.1,
        cx + r,
        cy - r * 0.6,
      );
      break;
    case 'play':
      g.fillTriangle(cx - r * 0.6, cy - r * 0.8, cx - r * 0.6, cy + r * 0.8, cx + r * 0.8, cy);
      break;
    case 'heart':
      if (filled) {
        g.fillCircle(cx - r * 0.45, cy - r * 0.25, r * 0.5).fillCircle(
          cx + r * 0.45,
          cy - r * 0.25,
          r * 0.5,
        );
        g.fillTriangle(
          cx - r * 0.93,
          cy - r * 0.05,
          cx + r * 0.93,
          cy - r * 0.05,
          cx,
          cy + r * 0.9,
        );
      } else {
        g.strokeCircle(cx - r * 0.45, cy - r * 0.25, r * 0.45).strokeCircle(
          cx + r * 0.45,
          cy - r * 0.25,
          r * 0.45,
        );
        g.lineBetween(cx - r * 0.88, cy, cx, cy + r * 0.85).lineBetween(
          cx + r * 0.88,
          cy,
          cx,
          cy + r * 0.85,
        );
      }
      break;
    case 'comment':
      if (filled) g.fillEllipse(cx, cy - r * 0.1, r * 2, r * 1.6);
      else g.strokeEllipse(cx, cy - r * 0.1, r * 2, r * 1.6);
      g.fillTriangle(
        cx - r * 0.5,
        cy + r * 0.4,
        cx - r * 0.1,
        cy + r * 0.55,
        cx - r * 0.75,
        cy + r,
      );
      break;
    case 'share':
      g.fillTriangle(cx + r, cy - r * 0.2, cx + r * 0.1, cy - r, cx + r * 0.1, cy + r * 0.6);
      g.fillRect(cx - r * 0.6, cy - r * 0.45, r * 0.8, r * 0.5);
      g.fillRect(cx - r * 0.6, cy - r * 0.45, r * 0.4, r * 1.2);
      break;
    case 'disc':
      g.fillStyle(0x222222, 1).fillCircle(cx, cy, r);
      g.fillStyle(colour, 1).fillCircle(cx, cy, r * 0.35);
      break;
    case 'search':
      g.strokeCircle(cx - r * 0.2, cy - r * 0.2, r * 0.6);
      g.lineBetween(cx + r * 0.25, cy + r * 0.25, cx + r * 0.8, cy + r * 0.8);
      break;
  }
}

export interface BarColours {
  background: number;
  ink: string;
  active: string;
}

/** A phone's status line: the time on the left, signal and battery on the right. */
export function statusLine(scene: Phaser.Scene, width: number, colours: BarColours): number {
  const height = 24;
  const g = scene.add.graphics();
  g.fillStyle(colours.background, 1).fillRect(0, 0, width, height);
  const ink = Number.parseInt(colours.ink.slice(1), 16);
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(
    new Date(),
  );
  const clock = text(scene, 12, 4, time, { size: 12, colour: colours.ink, bold: true });
  clock.setFontSize(12);
  g.fillStyle(ink, 1);
  for (let bar = 0; bar < 4; bar++) g.fillRect(width - 62 + bar * 5, 16 - bar * 3, 3, 4 + bar * 3);
  g.lineStyle(1.5, ink, 1).strokeRoundedRect(width - 34, 7, 20, 10, 2);
  g.fillRect(width - 32, 9, 13, 6).fillRect(width - 13, 10, 2, 4);
  bake(scene, 'chrome-status', [g, clock], { x: 0, y: 0, width, height });
  return height;
}

/** The app's tab bar along the bottom: icons with names, the first tab current. */
export function tabBar(
  scene: Phaser.Scene,
  area: { top: number; width: number; height: number },
  tabs: readonly { icon: IconName; label: string }[],
  colours: BarColours,
): number {
  const { width } = area;
  const bottom = area.top + area.height;
  const labels = tabs.map((tab, index) =>
    text(scene, 0, 0, tab.label, {
      size: 11,
      colour: index === 0 ? colours.active : colours.ink,
      bold: index === 0,
    }).setOrigin(0.5, 0),
  );
  // On a wide screen the tabs keep a phone's spacing, in the middle.
  const span = Math.min(width, 560);
  const left = (width - span) / 2;
  const cell = span / tabs.length;
  const labelHeight = Math.max(...labels.map((label) => label.height));
  const height = Math.ceil(34 + labelHeight);
  const top = bottom - height;
  const g = scene.add.graphics();
  g.fillStyle(colours.background, 1).fillRect(0, top, width, height);
  g.lineStyle(1, 0x000000, 0.12).lineBetween(0, top, width, top);
  tabs.forEach((tab, index) => {
    const cx = left + cell * index + cell / 2;
    const colour = Number.parseInt((index === 0 ? colours.active : colours.ink).slice(1), 16);
    icon(g, tab.icon, cx, top + 16, 9, colour, index === 0);
    const label = labels[index] as Phaser.GameObjects.Text;
    label.setPosition(cx, top + 29);
    shrinkToFit(label, cell - 4, Number.POSITIVE_INFINITY, 8);
  });
  // One size for every tab, the smallest any needed: a bar of mixed sizes looks broken.
  const smallest = Math.min(
    ...labels.map((label) => Number.parseFloat(String(label.style.fontSize))),
  );
  for (const label of labels) label.setFontSize(smallest);
  bake(scene, 'chrome-tabs', [g, ...labels], { x: 0, y: top, width, height });
  return height;
}

/**
 * Draws fixed chrome (drawn at screen coordinates) once into a texture and shows that
 * instead: Graphics are tessellated again every frame, an image is one quad.
 */
export function bake(
  scene: Phaser.Scene,
  key: string,
  parts: Phaser.GameObjects.GameObject[],
  area: { x: number; y: number; width: number; height: number },
): Phaser.GameObjects.Image {
  const layer = scene.make.container({ x: -area.x, y: -area.y }, false);
  layer.add(parts);
  // A rebuild (resize, language) draws the chrome again under the same key.
  if (scene.textures.exists(key)) scene.textures.remove(key);
  addTexture(scene, key, Math.ceil(area.width), Math.ceil(area.height))?.draw(layer).render();
  layer.destroy();
  return scene.add.image(area.x, area.y, key).setOrigin(0, 0).setScrollFactor(0).setDepth(10);
}
