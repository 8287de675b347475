/** A canvas button with its accessible twin laid over it. */
import type Phaser from 'phaser';
import type { AccessibleLayer, OverlayButton } from '../a11y/layer';
import { fontPx } from './display';
import { drawFocusRing } from './focus-ring';
import { shrinkLongestWord, shrinkToFit, wordWrapWithin } from './text-wrap';
import { APP, FONT_STACK } from './theme';

/** Space kept between a button's edge and its label. */
const LABEL_INSET = 8;

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
  const background = scene.add.graphics();
  const draw = (hover: boolean) => {
    background.clear();
    const fill = options.primary
      ? hover
        ? APP.primaryHover
        : APP.accent
      : hover
        ? APP.buttonHover
        : APP.button;
    background.fillStyle(fill, 1).fillRoundedRect(-width / 2, -height / 2, width, height, 14);
    if (!options.primary)
      background
        .lineStyle(2, APP.buttonBorder, 1)
        .strokeRoundedRect(-width / 2, -height / 2, width, height, 14);
  };
  draw(false);
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
  const view = scene.add.container(x + width / 2, y + height / 2, [background, label]);
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
    radius: 14,
  });
  // Goes wherever the button goes (fixed headers set a scroll factor on the view).
  view.once('destroy', () => ring.destroy());
  return { view, hit, ring };
}
