/** From three right decisions in a row: a banner, a burst of sparks and a sound. */
import type Phaser from 'phaser';
import { fontPx } from '../../ui/display';
import { reducedMotion } from '../../ui/motion';
import { APP, FONT_STACK } from '../../ui/theme';

export function celebrateStreak(
  scene: Phaser.Scene,
  label: string,
  streak: number,
  top: number,
): void {
  const width = scene.scale.gameSize.width;
  const banner = scene.add
    .text(width / 2, top + 24, label, {
      fontFamily: FONT_STACK,
      fontSize: fontPx(22),
      fontStyle: 'bold',
      color: APP.primaryInk,
      backgroundColor: APP.accentCss,
      padding: { x: 14, y: 8 },
    })
    .setOrigin(0.5, 0)
    .setScrollFactor(0)
    .setDepth(20);
  if (reducedMotion()) {
    scene.time.delayedCall(1600, () => banner.destroy());
    return;
  }
  if (!scene.textures.exists('spark')) {
    const dot = scene.make.graphics({}, false);
    dot.fillStyle(0xffffff, 1).fillCircle(4, 4, 4);
    dot.generateTexture('spark', 8, 8);
    dot.destroy();
  }
  const sparks = scene.add
    .particles(width / 2, top + 40, 'spark', {
      speed: { min: 120, max: 320 },
      angle: { min: 200, max: 340 },
      lifespan: 800,
      scale: { start: 1.2, end: 0 },
      gravityY: 360,
      tint: [0xffd43b, 0xff8787, 0x69db7c, 0x74c0fc],
      emitting: false,
    })
    .setScrollFactor(0)
    .setDepth(19);
  sparks.explode(Math.min(60, 12 * streak));
  scene.tweens.add({
    targets: banner,
    alpha: 0,
    y: top + 8,
    delay: 1200,
    duration: 400,
    onComplete: () => banner.destroy(),
  });
  scene.time.delayedCall(1200, () => sparks.destroy());
}
