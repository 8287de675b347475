/**
 * The keyboard focus ring, drawn in the game: when an accessible-layer button gets
 * keyboard focus, a ring in the focus colour is drawn around the canvas thing it
 * stands for (a post card, a level, a button), in the thing's own shape, so the ring
 * scrolls, clips and recolours (high contrast) with the scene. Mouse and touch focus
 * draw none, as `:focus-visible` would.
 */
import type Phaser from 'phaser';
import type { Rect } from '../a11y/layer';
import { APP } from './theme';

const WIDTH = 4;
const GAP = 3;

export interface FocusRingOptions {
  /** Where the thing is, in world coordinates, when focus arrives (it may have moved). */
  rect: () => Rect | null;
  radius: number;
  /** Default: the app's focus colour; cards on a light page pass their platform's. */
  colour?: number;
  /** Rings over fixed things (header buttons) do not scroll with the camera. */
  fixed?: boolean;
  depth?: number;
}

export function drawFocusRing(
  scene: Phaser.Scene,
  element: HTMLElement,
  options: FocusRingOptions,
): Phaser.GameObjects.Graphics {
  const ring = scene.add.graphics().setName('focus-ring').setVisible(false);
  ring.setDepth(options.depth ?? 5);
  if (options.fixed) ring.setScrollFactor(0);
  element.addEventListener('focus', () => {
    const rect = options.rect();
    if (!rect || !element.matches(':focus-visible') || !ring.scene) return;
    ring.clear();
    ring
      .lineStyle(WIDTH, options.colour ?? APP.focus, 1)
      .strokeRoundedRect(
        rect.x - GAP - WIDTH / 2,
        rect.y - GAP - WIDTH / 2,
        rect.width + (GAP + WIDTH / 2) * 2,
        rect.height + (GAP + WIDTH / 2) * 2,
        options.radius + GAP,
      );
    ring.setData('rect', rect).setVisible(true);
  });
  element.addEventListener('blur', () => {
    if (ring.scene) ring.setVisible(false);
  });
  return ring;
}
