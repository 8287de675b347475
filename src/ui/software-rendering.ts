/**
 * Whether the game's canvas is drawn by the CPU: no GPU, or one the browser refuses
 * (many school machines, virtual desktops). Every pixel of every frame then costs CPU
 * time, so the game draws with Phaser's canvas renderer there (rendererFor), and
 * decoration that moves all the time (the title's drifting backdrop) stays still, as
 * it does under reduced motion. Where WebGL runs on the CPU all the same
 * (?renderer=webgl), each batch samples one texture (oneTextureUnitWhenSoftware).
 */
import Phaser from 'phaser';

/** Renderer names of the software rasterisers browsers fall back to. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** What draws a WebGL context: the real name in Chromium, older browsers behind the extension. */
function drawnBy(gl: WebGLRenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
}

/**
 * The renderer for this machine: WebGL on a GPU, Phaser's canvas renderer where WebGL
 * would run on the CPU or not at all. There WebGL sends every frame to a software
 * rasteriser in the GPU process and waits to read it back, where a 2D canvas is painted
 * by the page itself: scrolling at 4x CPU throttle, Natter kept the bare page's frame
 * rate (16.7 ms at the 95th percentile, against 33.4 with WebGL). `?renderer=webgl` or
 * `?renderer=canvas` chooses for a machine where this guess is wrong.
 */
export function rendererFor(asked: string | null): number {
  if (asked === 'webgl') return Phaser.WEBGL;
  if (asked === 'canvas') return Phaser.CANVAS;
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return Phaser.CANVAS;
  const software = SOFTWARE.test(drawnBy(gl));
  // The probe's context goes at once: browsers allow only a few at a time.
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return software ? Phaser.CANVAS : Phaser.WEBGL;
}

const known = new WeakMap<Phaser.Game, boolean>();

export function drawnBySoftware(game: Phaser.Game): boolean {
  let software = known.get(game);
  if (software === undefined) {
    const renderer = game.renderer;
    software =
      renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer
        ? SOFTWARE.test(drawnBy(renderer.gl))
        : true;
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
