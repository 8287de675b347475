/**
 * A cheaper last step for Phaser's textured quads.
 *
 * Phaser 4's quad shader ends with `applyTint`, which un-premultiplies every pixel
 * and branches over eight tint modes. The game tints nothing and uses only the
 * default mode (multiply, with the object's alpha), which on premultiplied colour is
 * one multiplication: the same result without the division and the branches. On a
 * software renderer, where every pixel of every layer is shaded by the CPU, the
 * textured quads (posts, pictures, bars) are most of a frame, and this took about a
 * fifth off it (docs/performance.md).
 *
 * Only multiply tints (`setTint`) draw correctly after this; fill and the other
 * modes would draw as multiply.
 */
import Phaser from 'phaser';

/** The quad handlers whose shader has Phaser's tint step (BatchHandlerQuad and its single-quad variant). */
const QUAD_HANDLERS = ['BatchHandlerQuad', 'BatchHandlerQuadSingle'];

const LEAN_TINT = {
  name: 'Tint',
  additions: {
    fragmentProcess: 'fragColor = vec4(fragColor.rgb * outTint.bgr, fragColor.a) * outTint.a;',
  },
  tags: ['TINT'],
};

interface ProgramManager {
  getAddition(name: string): unknown;
  replaceAddition(name: string, addition: typeof LEAN_TINT): void;
}

export function useLeanTint(game: Phaser.Game): void {
  const renderer = game.renderer;
  if (!(renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer)) return;
  for (const name of QUAD_HANDLERS) {
    const node = renderer.renderNodes.getNode(name) as { programManager?: ProgramManager } | null;
    const programs = node?.programManager;
    if (programs?.getAddition('Tint')) programs.replaceAddition('Tint', LEAN_TINT);
  }
}
