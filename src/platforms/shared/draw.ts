/** Small drawing pieces every room uses: text, avatars, icons, the status line, the top and tab bars. */
import type Phaser from 'phaser';
import { type LabelStyle, measureLabel } from '../../ui/canvas-label';
import {
  type ChromeCanvas,
  chromeCanvas,
  fitToWidth,
  LINE_SPACING,
  type Pen,
} from '../../ui/chrome-canvas';
import { cssHex, inkOn } from '../../ui/colour';
import { fontPx } from '../../ui/display';
import { wordWrapWithin } from '../../ui/text-wrap';
import { avatarColour, FONT_STACK } from '../../ui/theme';
import { statusClock } from './status-clock';

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

/**
 * Font metrics by CSS font, measured by the first text in that font: Phaser measures
 * them for every new text otherwise, drawing a test string and reading its pixels back.
 */
const metricsByFont = new Map<string, Phaser.Types.GameObjects.Text.TextMetrics>();

export function text(
  scene: Phaser.Scene,
  x: number,
  y: number,
  content: string,
  style: TextStyle,
): Phaser.GameObjects.Text {
  return addText(scene, x, y, content, {
    fontFamily: FONT_STACK,
    fontSize: fontPx(style.size),
    fontStyle: [style.bold ? 'bold' : '', style.italic ? 'italic' : ''].join(' ').trim(),
    color: style.colour,
    lineSpacing: LINE_SPACING,
    ...(style.width ? { wordWrap: wordWrapWithin(style.width) } : {}),
    ...(style.maxLines ? { maxLines: style.maxLines } : {}),
    ...(style.background
      ? { backgroundColor: style.background, padding: style.padding ?? { x: 6, y: 2 } }
      : {}),
  });
}

/** A Phaser text, with its font's metrics from the first text in that font. */
function addText(
  scene: Phaser.Scene,
  x: number,
  y: number,
  content: string,
  style: Phaser.Types.GameObjects.Text.TextStyle & { fontSize: string; fontStyle: string },
): Phaser.GameObjects.Text {
  // Phaser's own key for a style's font (TextStyle's _font).
  const font = [style.fontStyle, style.fontSize, style.fontFamily].join(' ').trim();
  const metrics = metricsByFont.get(font);
  const made = scene.add.text(x, y, content, { ...(metrics ? { metrics } : {}), ...style });
  if (!metrics) metricsByFont.set(font, made.style.getTextMetrics());
  return made;
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
  const label = addText(scene, x + size / 2, y + size / 2, letters, {
    fontFamily: FONT_STACK,
    fontSize: `${Math.round(size * 0.4)}px`,
    fontStyle: 'bold',
    color: inkOn(cssHex(fill)),
  }).setOrigin(0.5);
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
  g: Pen,
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
  const { pen, label, show } = chromeCanvas(scene, 'chrome-status', {
    x: 0,
    y: 0,
    width,
    height,
  });
  pen.fillStyle(colours.background).fillRect(0, 0, width, height);
  const time = statusClock(new Date(), document.documentElement.lang || 'en');
  // A phone's clock keeps its size at any text size: the line is a phone's height.
  label(time, 12, 4, { size: 12, colour: colours.ink, bold: true });
  const ink = Number.parseInt(colours.ink.slice(1), 16);
  pen.fillStyle(ink);
  for (let bar = 0; bar < 4; bar++)
    pen.fillRect(width - 62 + bar * 5, 16 - bar * 3, 3, 4 + bar * 3);
  pen.lineStyle(1.5, ink).strokeRoundedRect(width - 34, 7, 20, 10, 2);
  pen.fillRect(width - 32, 9, 13, 6).fillRect(width - 13, 10, 2, 4);
  show();
  return height;
}

/** The app's bar under the status line, its background and the line under it drawn; the room draws the rest. */
export function topBar(
  scene: Phaser.Scene,
  area: { top: number; width: number },
  height: number,
  background: number,
): ChromeCanvas {
  const { top, width } = area;
  const bar = chromeCanvas(scene, 'chrome-top', { x: 0, y: top, width, height: height + 1 });
  bar.pen.fillStyle(background).fillRect(0, top, width, height);
  bar.pen.lineStyle(1, 0x000000, 0.1).lineBetween(0, top + height, width, top + height);
  return bar;
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
  const size = Number.parseFloat(fontPx(11));
  const styles = tabs.map(
    (_, index): LabelStyle => ({
      size,
      colour: index === 0 ? colours.active : colours.ink,
      bold: index === 0,
    }),
  );
  // On a wide screen the tabs keep a phone's spacing, in the middle.
  const span = Math.min(width, 560);
  const left = (width - span) / 2;
  const cell = span / tabs.length;
  const height = Math.ceil(
    34 +
      Math.max(
        ...tabs.map((tab, index) => measureLabel(tab.label, styles[index] as LabelStyle).height),
      ),
  );
  // One size for every tab, the smallest any needed: a bar of mixed sizes looks broken.
  const smallest = Math.min(
    ...tabs.map(
      (tab, index) => fitToWidth(tab.label, styles[index] as LabelStyle, cell - 4, 8).size,
    ),
  );
  const top = bottom - height;
  const { pen, label, show } = chromeCanvas(scene, 'chrome-tabs', {
    x: 0,
    y: top,
    width,
    height,
  });
  pen.fillStyle(colours.background).fillRect(0, top, width, height);
  pen.lineStyle(1, 0x000000, 0.12).lineBetween(0, top, width, top);
  tabs.forEach((tab, index) => {
    const cx = left + cell * index + cell / 2;
    const colour = Number.parseInt((index === 0 ? colours.active : colours.ink).slice(1), 16);
    icon(pen, tab.icon, cx, top + 16, 9, colour, index === 0);
    label(tab.label, cx, top + 29, { ...(styles[index] as LabelStyle), size: smallest }, 'center');
  });
  show();
  return height;
}
