/**
 * The feed's fixed chrome (the status line, the header, the apps' bars) drawn with the
 * 2D canvas API into one canvas texture per bar. Drawn with Phaser objects and baked
 * into a render target, each bar cost the feed's first frame a Text object per label
 * (a canvas, a measured font and a GL texture each), a render target and a render
 * pass: the bars were about a third of building the feed (docs/performance.md).
 */
import type Phaser from 'phaser';
import {
  DRAWN_LABELS,
  type DrawnLabel,
  type LabelStyle,
  labelFont,
  measureLabel,
  sizeToFit,
} from './canvas-label';
import { cssHex } from './colour';

/** The shape calls icons draw with (platforms/shared/draw.ts): a Phaser Graphics, or canvasPen. */
export interface Pen {
  lineStyle(width: number, colour: number, alpha?: number): Pen;
  fillStyle(colour: number, alpha?: number): Pen;
  fillRect(x: number, y: number, width: number, height: number): Pen;
  strokeRect(x: number, y: number, width: number, height: number): Pen;
  fillRoundedRect(x: number, y: number, width: number, height: number, radius?: number): Pen;
  strokeRoundedRect(x: number, y: number, width: number, height: number, radius?: number): Pen;
  fillTriangle(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number): Pen;
  strokeTriangle(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number): Pen;
  fillCircle(x: number, y: number, radius: number): Pen;
  strokeCircle(x: number, y: number, radius: number): Pen;
  fillEllipse(x: number, y: number, width: number, height: number): Pen;
  strokeEllipse(x: number, y: number, width: number, height: number): Pen;
  lineBetween(x1: number, y1: number, x2: number, y2: number): Pen;
  beginPath(): Pen;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): Pen;
  strokePath(): Pen;
}

/** Between the lines of a wrapped label, as draw.ts's text() sets for Phaser's. */
export const LINE_SPACING = 3;

/** The name the bars' images carry, for tests/e2e/layout-probe.ts. */
const CHROME_NAME = 'chrome';

export interface ChromeCanvas {
  /** Icons and shapes, drawn at screen coordinates like the rest. */
  pen: Pen;
  /** Draws a line of text with its top at y; x is its left edge, centre or right edge. */
  label(text: string, x: number, y: number, style: LabelStyle, align?: CanvasTextAlign): void;
  /** Sends the drawing to the GPU and shows it, fixed on screen above the feed. */
  show(): Phaser.GameObjects.Image;
}

/** The largest size from `style.size` down to `minSize` at which one line of `text` fits `maxWidth`. */
export function fitToWidth(
  text: string,
  style: LabelStyle,
  maxWidth: number,
  minSize: number,
): LabelStyle {
  return sizeToFit(style, (tried) => measureLabel(text, tried).width <= maxWidth, minSize);
}

/** A canvas texture for one bar, drawn at screen coordinates within `area`. */
export function chromeCanvas(
  scene: Phaser.Scene,
  key: string,
  area: { x: number; y: number; width: number; height: number },
): ChromeCanvas {
  // A rebuild (resize, language) draws the chrome again under the same key.
  if (scene.textures.exists(key)) scene.textures.remove(key);
  const texture = scene.textures.createCanvas(
    key,
    Math.max(1, Math.ceil(area.width)),
    Math.max(1, Math.ceil(area.height)),
  );
  const context = texture?.getContext();
  if (!texture || !context) throw new Error(`could not make the canvas for ${key}`);
  context.translate(-area.x, -area.y);
  const labels: DrawnLabel[] = [];
  return {
    pen: canvasPen(context),
    label(text, x, y, style, align = 'left') {
      const box = measureLabel(text, style);
      context.font = labelFont(style);
      context.fillStyle = style.colour;
      context.textAlign = align;
      context.textBaseline = 'alphabetic';
      context.fillText(text, x, y + box.ascent);
      const left = align === 'center' ? x - box.width / 2 : align === 'right' ? x - box.width : x;
      labels.push({ text, x: left, y, width: box.width, height: box.height });
    },
    show: () => {
      texture.refresh();
      return scene.add
        .image(area.x, area.y, key)
        .setOrigin(0, 0)
        .setScrollFactor(0)
        .setDepth(10)
        .setName(CHROME_NAME)
        .setData(DRAWN_LABELS, labels);
    },
  };
}

function rgba(colour: number, alpha: number): string {
  if (alpha >= 1) return cssHex(colour);
  return `rgba(${(colour >> 16) & 0xff}, ${(colour >> 8) & 0xff}, ${colour & 0xff}, ${alpha})`;
}

/** Phaser's Graphics calls on a 2D canvas, so icon() draws the same shapes on either. */
export function canvasPen(context: CanvasRenderingContext2D): Pen {
  const filled = (path: () => void) => {
    context.beginPath();
    path();
    context.fill();
    return pen;
  };
  const stroked = (path: () => void) => {
    context.beginPath();
    path();
    context.stroke();
    return pen;
  };
  const triangle = (x0: number, y0: number, x1: number, y1: number, x2: number, y2: number) => {
    context.moveTo(x0, y0);
    context.lineTo(x1, y1);
    context.lineTo(x2, y2);
    context.closePath();
  };
  const pen: Pen = {
    lineStyle(width, colour, alpha = 1) {
      context.lineWidth = width;
      context.strokeStyle = rgba(colour, alpha);
      return pen;
    },
    fillStyle(colour, alpha = 1) {
      context.fillStyle = rgba(colour, alpha);
      return pen;
    },
    fillRect: (x, y, width, height) => filled(() => context.rect(x, y, width, height)),
    strokeRect: (x, y, width, height) => stroked(() => context.rect(x, y, width, height)),
    fillRoundedRect: (x, y, width, height, radius = 20) =>
      filled(() => context.roundRect(x, y, width, height, radius)),
    strokeRoundedRect: (x, y, width, height, radius = 20) =>
      stroked(() => context.roundRect(x, y, width, height, radius)),
    fillTriangle: (x0, y0, x1, y1, x2, y2) => filled(() => triangle(x0, y0, x1, y1, x2, y2)),
    strokeTriangle: (x0, y0, x1, y1, x2, y2) => stroked(() => triangle(x0, y0, x1, y1, x2, y2)),
    fillCircle: (x, y, radius) => filled(() => context.arc(x, y, radius, 0, Math.PI * 2)),
    strokeCircle: (x, y, radius) => stroked(() => context.arc(x, y, radius, 0, Math.PI * 2)),
    fillEllipse: (x, y, width, height) =>
      filled(() => context.ellipse(x, y, width / 2, height / 2, 0, 0, Math.PI * 2)),
    strokeEllipse: (x, y, width, height) =>
      stroked(() => context.ellipse(x, y, width / 2, height / 2, 0, 0, Math.PI * 2)),
    lineBetween: (x1, y1, x2, y2) =>
      stroked(() => {
        context.moveTo(x1, y1);
        context.lineTo(x2, y2);
      }),
    beginPath() {
      context.beginPath();
      return pen;
    },
    arc(x, y, radius, startAngle, endAngle) {
      context.arc(x, y, radius, startAngle, endAngle);
      return pen;
    },
    strokePath() {
      context.stroke();
      return pen;
    },
  };
  return pen;
}
