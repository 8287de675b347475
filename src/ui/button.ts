/** A canvas button with its accessible twin laid over it. */
import type Phaser from 'phaser';
import type { AccessibleLayer, OverlayButton } from '../a11y/layer';
import { cssHex } from './colour';
import { fontPx } from './display';
import { drawFocusRing } from './focus-ring';
import { shrinkLongestWord, shrinkToFit, wordWrapWithin } from './text-wrap';
import { APP, FONT_STACK } from './theme';

/** Space kept between a button's edge and its label. */
const LABEL_INSET = 8;
const RADIUS = 14;
/** Corners kept whole when a face is stretched to a button's size: left, right, top, bottom. */
const SLICES = [RADIUS, RADIUS, RADIUS, RADIUS] as const;
/** A face texture: the four corners and a little middle to stretch. */
const FACE_SIDE = RADIUS * 2 + 4;

/**
 * A rounded button face in one colour (and border), drawn once per game on a small 2D
 * canvas and uploaded as a texture that every button of that colour stretches as a
 * nine-slice: a few quads a frame, where a Graphics shape is tessellated again every
 * frame (about 40-50 ms of the title's first frame with the CPU slowed 4x, measured).
 * A canvas, not a render target: making a render target cost the title more than the
 * shapes did. A contrast change brings new colours, so new keys.
 */
function faceTexture(scene: Phaser.Scene, fill: number, border: number | null): string {
  const key = `button-face-${fill.toString(16)}-${border === null ? 'none' : border.toString(16)}`;
  if (scene.textures.exists(key)) return key;
  const texture = scene.textures.createCanvas(key, FACE_SIDE, FACE_SIDE);
  const context = texture?.getContext();
  if (!texture || !context) return key;
  context.beginPath();
  context.roundRect(1, 1, FACE_SIDE - 2, FACE_SIDE - 2, RADIUS - 1);
  context.fillStyle = cssHex(fill);
  context.fill();
  if (border !== null) {
    context.lineWidth = 2;
    context.strokeStyle = cssHex(border);
    context.stroke();
  }
  texture.refresh();
  return key;
}

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
  const { x, y, width, height } = options;
  const face = (hover: boolean) => {
    const fill = options.primary
      ? hover
        ? APP.primaryHover
        : APP.accent
      : hover
        ? APP.buttonHover
        : APP.button;
    const texture = faceTexture(scene, fill, options.primary ? null : APP.buttonBorder);
    return scene.add.nineslice(0, 0, texture, undefined, width, height, ...SLICES);
  };
  const normal = face(false);
  let hovered: Phaser.GameObjects.NineSlice | null = null;
  const draw = (hover: boolean) => {
    if (hover && !hovered && normal.scene) {
      hovered = face(true);
      view.addAt(hovered, 1);
    }
    normal.setVisible(!hover);
    hovered?.setVisible(hover);
  };
  const label = scene.add
    .text(0, 0, options.label, {
      fontFamily: FONT_STACK,
      fontSize: fontPx(options.fontSize ?? 20),
      fontStyle: 'bold',
      color: options.primary ? APP.primaryInk : APP.buttonInk,
      align: 'center',
      wordWrap: wordWrapWithin(width - LABEL_INSET * 2),
    })
    .setOrigin(0.5);
  shrinkLongestWord(label, width - LABEL_INSET * 2);
  shrinkToFit(label, width - LABEL_INSET * 2, height - LABEL_INSET);
  const view = scene.add.container(x + width / 2, y + height / 2, [normal, label]);
  // Named and sized so tests can check that the label stays inside the button.
  view.setName('button').setSize(width, height);
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
  view.once('destroy', () => ring.destroy());
  return { view, hit, ring };
}
