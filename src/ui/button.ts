/** A canvas button with its accessible twin laid over it. */
import type Phaser from 'phaser';
import type { AccessibleLayer, OverlayButton } from '../a11y/layer';
import { shrinkToFit, wordWrapWithin } from './text-wrap';
import { FONT_STACK } from './theme';

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
  /** Stable id so focus survives a re-layout (resize, language change). */
  key: string;
}

export function canvasButton(
  scene: Phaser.Scene,
  layer: AccessibleLayer,
  options: CanvasButtonOptions,
  parent?: HTMLElement,
): { view: Phaser.GameObjects.Container; hit: OverlayButton } {
  const { x, y, width, height } = options;
  const background = scene.add.graphics();
  const draw = (hover: boolean) => {
    background.clear();
    const fill = options.primary ? (hover ? 0xffe066 : 0xffd43b) : hover ? 0x3b4057 : 0x2a2e40;
    background.fillStyle(fill, 1).fillRoundedRect(-width / 2, -height / 2, width, height, 14);
    if (!options.primary)
      background
        .lineStyle(2, 0x4a506b, 1)
        .strokeRoundedRect(-width / 2, -height / 2, width, height, 14);
  };
  draw(false);
  const label = scene.add
    .text(0, 0, options.label, {
      fontFamily: FONT_STACK,
      fontSize: '20px',
      fontStyle: 'bold',
      color: options.primary ? '#111111' : '#f1f3f5',
      align: 'center',
      wordWrap: wordWrapWithin(width - LABEL_INSET * 2),
    })
    .setOrigin(0.5);
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
  return { view, hit };
}
