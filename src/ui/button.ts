/** A canvas button with its accessible twin laid over it. */
import type Phaser from 'phaser';
import type { AccessibleLayer, OverlayButton } from '../a11y/layer';
import { DRAWN_LABELS, type DrawnLabel, fitLabel, labelFont, measureLabel } from './canvas-label';
import { cssHex } from './colour';
import { fontPx } from './display';
import { drawFocusRing } from './focus-ring';
import { APP } from './theme';

/** Space kept between a button's edge and its label. */
const LABEL_INSET = 8;
const RADIUS = 14;

/** Each button's canvas textures are its own, removed with the button. */
let buttonTextures = 0;

export interface CanvasButtonOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  onActivate: () => void;
  primary?: boolean;
  /** Label size at 100% text scale (default 20). */
  fontSize?: number;
  /** Stable id so focus survives a re-layout (resize, language change). */
  key: string;
}

/**
 * A button drawn on a small 2D canvas of its own, face and label together (a second one
 * for hover and focus). A Phaser Text label cost a canvas, a measured font and a GL
 * texture of its own besides the face, and drew itself again at every size it tried
 * while shrinking to fit: about a fifth of building the title, and a quarter of the
 * feed's header, with the CPU slowed 4x (docs/performance.md).
 */
export function canvasButton(
  scene: Phaser.Scene,
  layer: AccessibleLayer,
  options: CanvasButtonOptions,
  parent?: HTMLElement,
): {
  view: Phaser.GameObjects.Container;
  hit: OverlayButton;
  ring: Phaser.GameObjects.Graphics;
} {
  const { x, y, width, height, primary = false } = options;
  buttonTextures += 1;
  const keyBase = `button-${buttonTextures}`;
  const label = fitLabel(
    options.label,
    { width: width - LABEL_INSET * 2, height: height - LABEL_INSET },
    {
      size: Number.parseFloat(fontPx(options.fontSize ?? 20)),
      colour: primary ? APP.primaryInk : APP.buttonInk,
      bold: true,
    },
    { locale: document.documentElement.lang || undefined },
  );
  const font = labelFont(label.style);
  const { lines } = label;
  const top = (height - label.height) / 2;
  const made: string[] = [];
  /**
   * The face at rest or hovered, each its own texture (the hovered one made on the first
   * hover): the image swaps textures, which a redraw sees (ui/redraw-on-change.ts), where
   * a canvas drawn again in place would show only at the next once-a-second check.
   */
  const face = (hover: boolean): string => {
    const key = `${keyBase}-${hover ? 'hover' : 'rest'}`;
    if (scene.textures.exists(key)) return key;
    const texture = scene.textures.createCanvas(
      key,
      Math.max(1, Math.ceil(width)),
      Math.max(1, Math.ceil(height)),
    );
    const context = texture?.getContext();
    if (!texture || !context)
      throw new Error(`could not make the canvas for button ${options.key}`);
    made.push(key);
    context.beginPath();
    context.roundRect(1, 1, width - 2, height - 2, RADIUS - 1);
    const fill = primary
      ? hover
        ? APP.primaryHover
        : APP.accent
      : hover
        ? APP.buttonHover
        : APP.button;
    context.fillStyle = cssHex(fill);
    context.fill();
    if (!primary) {
      context.lineWidth = 2;
      context.strokeStyle = cssHex(APP.buttonBorder);
      context.stroke();
    }
    context.font = font;
    context.fillStyle = label.style.colour;
    context.textAlign = 'center';
    context.textBaseline = 'alphabetic';
    for (const [index, line] of lines.entries())
      context.fillText(line, width / 2, top + index * label.lineStep + label.ascent);
    texture.refresh();
    return key;
  };
  const image = scene.add.image(0, 0, face(false));
  const draw = (hover: boolean) => {
    if (image.scene) image.setTexture(face(hover));
  };
  const view = scene.add.container(x + width / 2, y + height / 2, [image]);
  // Named, sized and told where its label went, so tests can check the label stays inside.
  view
    .setName('button')
    .setSize(width, height)
    .setData(
      DRAWN_LABELS,
      lines.map((line, index): DrawnLabel => {
        const lineWidth = measureLabel(line, label.style).width;
        return {
          text: line,
          x: x + (width - lineWidth) / 2,
          y: y + top + index * label.lineStep,
          width: lineWidth,
          height: label.lineHeight,
        };
      }),
    );
  const hit = layer.button({ label: options.label, onActivate: options.onActivate }, parent);
  hit.element.dataset.key = options.key;
  hit.place({ x, y, width, height });
  hit.element.addEventListener('pointerenter', () => draw(true));
  hit.element.addEventListener('pointerleave', () => draw(false));
  hit.element.addEventListener('focus', () => draw(true));
  hit.element.addEventListener('blur', () => draw(false));
  const ring = drawFocusRing(scene, hit.element, {
    rect: () => ({ x, y, width, height }),
    radius: RADIUS,
  });
  // Goes wherever the button goes (fixed headers set a scroll factor on the view).
  view.once('destroy', () => {
    ring.destroy();
    for (const key of made) scene.textures.remove(key);
  });
  return { view, hit, ring };
}
