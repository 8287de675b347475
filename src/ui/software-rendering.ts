/**
 * Whether the game's canvas is drawn by the CPU: no GPU, or one the browser refuses
 * (many school machines, virtual desktops). Every pixel of every frame then costs CPU
 * time on the thread that runs the game, so decoration that moves all the time (the
 * title's drifting backdrop) stays still there, as it does under reduced motion, and
 * each batch samples one texture (oneTextureUnitWhenSoftware).
 */
import Phaser from 'phaser';

/** Renderer names of the software rasterisers browsers fall back to. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

const known = new WeakMap<Phaser.Game, boolean>();

export function drawnBySoftware(game: Phaser.Game): boolean {
  let software = known.get(game);
  if (software === undefined) {
    const renderer = game.renderer;
    if (renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer) {
      const gl = renderer.gl;
      // Chromium now gives the real name as RENDERER; older browsers behind the extension.
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
      software = SOFTWARE.test(name);
    } else software = true;
    known.set(game, software);
  }
  return software;
}

/**
 * One texture per batch on a software renderer, as Phaser does on phones: its
 * multi-texture shader picks each pixel's texture through a chain of branches, which
 * SwiftShader runs pixel by pixel. On Buzzline at 4x CPU throttle this took about a
 * fifth off the GPU process's time per frame; the extra draw calls cost less.
 */
export function oneTextureUnitWhenSoftware(game: Phaser.Game): void {
  const renderer = game.renderer;
  if (renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer && drawnBySoftware(game))
    renderer.renderNodes.setMaxParallelTextureUnits(1);
}
