/** Textures the game draws itself. */
import Phaser from 'phaser';

/**
 * A texture to draw into, for drawing something once and showing it many times, at
 * its own size.
 *
 * It is sampled by nearest texel: at its own size on whole pixels that looks the same
 * as linear filtering, and a software renderer (SwiftShader, on school machines
 * without a usable GPU) reads one texel per pixel instead of four. Scrolling at 4x CPU
 * throttle, the GPU process spent 7 to 20 % less per frame (docs/performance.md).
 *
 * Phaser 4.2.1 gives a new DynamicTexture two GL textures, keeps the framebuffer's and
 * never deletes the other, so each one leaked a texture the size of a card (heap
 * snapshots showed 13 more WebGL textures per restart of level 1): the orphan is
 * deleted at once. If Phaser stops making it, there is nothing to delete.
 */
export function addTexture(
  scene: Phaser.Scene,
  key: string,
  width: number,
  height: number,
): Phaser.Textures.DynamicTexture | null {
  const renderer = scene.game.renderer;
  const wrappers = renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer ? renderer : null;
  const before = wrappers?.glTextureWrappers.length ?? 0;
  const texture = scene.textures.addDynamicTexture(key, width, height, false);
  texture?.setFilter(Phaser.Textures.FilterMode.NEAREST);
  if (wrappers && texture) {
    const kept = texture.getWebGLTexture();
    for (const created of wrappers.glTextureWrappers.slice(before))
      if (created !== kept) wrappers.deleteTexture(created);
  }
  return texture;
}
