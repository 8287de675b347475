/**
 * Draws a frame only when it would differ from the one on screen.
 *
 * Phaser redraws the whole canvas 60 times a second, even when nothing moves. On a
 * software renderer (no GPU, or a blocklisted one: many school machines) every frame
 * costs as much as its pixels, so a feed the player is reading cost 30-40 ms of CPU per
 * frame for the same picture (docs/performance.md). A canvas that is not drawn to keeps
 * showing its last frame, so a frame is drawn only when what it would show has changed:
 * every active scene's cameras and display list are summed into a fingerprint (cheap
 * next to drawing), and the frame is drawn when the fingerprint moves, when the canvas
 * is resized or restored, and, while anything is on show, when a texture is added or
 * removed and at least once a second (should anything change that the fingerprint
 * cannot see).
 *
 * The game's step is Phaser 4.2.1's `Game.step` with its three rendering calls behind
 * that test; every event is still emitted on every step.
 *
 * While nothing is on show the canvas is hidden, and the page's own background (the
 * same colour) shows instead: a software compositor copies a visible canvas into every
 * frame the page makes, changed or not, and a level on its way makes several ("Loading…",
 * the accessible layer filling), each paying for a full-screen copy.
 */
import Phaser from 'phaser';

/** Longest time between two drawn frames, in ms. */
const MAX_STILL_MS = 1000;

/** Call from the game config's postBoot: the renderer exists, and the loop has not taken its step yet. */
export function redrawOnlyOnChange(game: Phaser.Game): void {
  const fingerprint = new Fingerprint();
  let last = Number.NaN;
  let lastDrawn = Number.NEGATIVE_INFINITY;
  /** The canvas itself changed: resized, shown again or restored (and the first frame). */
  let forced = true;
  /** A texture came or went: what shows it may look different. */
  let texturesChanged = false;
  const force = () => {
    forced = true;
  };
  const textureChange = () => {
    texturesChanged = true;
  };
  game.textures.on(Phaser.Textures.Events.ADD, textureChange);
  game.textures.on(Phaser.Textures.Events.REMOVE, textureChange);
  game.scale.on(Phaser.Scale.Events.RESIZE, force);
  game.events.on(Phaser.Core.Events.VISIBLE, force);
  game.renderer.on(Phaser.Renderer.Events.RESTORE_WEBGL, force);

  game.step = function step(this: Phaser.Game & Internals, time: number, delta: number): void {
    if (this.pendingDestroy) {
      this.runDestroy();
      return;
    }
    if (this.isPaused) return;
    const events = this.events;
    events.emit(Phaser.Core.Events.PRE_STEP, time, delta);
    events.emit(Phaser.Core.Events.STEP, time, delta);
    this.scene.update(time, delta);
    events.emit(Phaser.Core.Events.POST_STEP, time, delta);
    const renderer = this.renderer;
    const now = fingerprint.of(this);
    // With nothing on show (Phaser's own textures arriving after its boot, a level on
    // its way), neither a texture nor the once-a-second check has anything to redraw.
    const draw =
      forced ||
      now !== last ||
      (!fingerprint.empty && (texturesChanged || time - lastDrawn >= MAX_STILL_MS));
    if (draw) {
      forced = false;
      texturesChanged = false;
      last = now;
      lastDrawn = time;
      showCanvas(this.canvas, !fingerprint.empty);
      renderer.preRender();
    }
    events.emit(Phaser.Core.Events.PRE_RENDER, renderer, time, delta);
    if (draw) {
      this.scene.render(renderer);
      renderer.postRender();
    } else {
      // What scene.render does besides drawing: scenes added meanwhile wait for it.
      (this.scene as { isProcessing: boolean }).isProcessing = false;
    }
    events.emit(Phaser.Core.Events.POST_RENDER, renderer, time, delta);
  };
}

function showCanvas(canvas: HTMLCanvasElement, shown: boolean): void {
  const visibility = shown ? '' : 'hidden';
  if (canvas.style.visibility !== visibility) canvas.style.visibility = visibility;
}

/** Phaser.Game's fields its own step reads, which its types leave out. */
interface Internals {
  pendingDestroy: boolean;
  runDestroy(): void;
}

/** Game-object fields that change what is drawn (scenes never set others per frame). */
const FIELDS = [
  'x',
  'y',
  'scaleX',
  'scaleY',
  'rotation',
  'depth',
  'alpha',
  'originX',
  'originY',
  'scrollFactorX',
  'scrollFactorY',
  'width',
  'height',
  'displayWidth',
  'displayHeight',
  'blendMode',
  'tintTopLeft',
  'tintTopRight',
  'tintBottomLeft',
  'tintBottomRight',
  'fillColor',
  'fillAlpha',
  'strokeColor',
  'lineWidth',
] as const;

type Fields = Partial<Record<(typeof FIELDS)[number], unknown>>;

/** No objects, and cameras that neither fill their background nor run an effect. */
function drawsNothing(sys: Phaser.Scenes.Systems): boolean {
  return (
    sys.displayList.length === 0 &&
    sys.cameras.cameras.every(
      (camera) =>
        camera.backgroundColor.alpha === 0 &&
        !camera.fadeEffect.isRunning &&
        !camera.flashEffect.isRunning,
    )
  );
}

/**
 * A 32-bit sum of what the active scenes would draw: a different number for a
 * different frame, whatever changed, with the odd collision costing one stale second.
 */
class Fingerprint {
  private hash = 0;
  /** No scene drew anything in the last fingerprint taken. */
  empty = true;
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;

  of(game: Phaser.Game): number {
    this.hash = 0x811c9dc5;
    this.empty = true;
    this.number(game.config.backgroundColor.color32);
    // The scenes SceneManager.render draws, leaving out those that draw nothing: the
    // game's other scenes arrive while a level opens, and the feed waits for its level
    // with nothing on show. Counting them cost a frame each there, on the way to the feed.
    for (const scene of game.scene.scenes) {
      const sys = scene.sys;
      const { status, visible } = sys.settings;
      const shown = visible && status >= Phaser.Scenes.LOADING && status < Phaser.Scenes.SLEEPING;
      if (!shown || drawsNothing(sys)) continue;
      this.empty = false;
      this.number(this.idOf(scene));
      for (const camera of sys.cameras.cameras) this.camera(camera);
      this.objects(sys.displayList.list);
    }
    return this.hash;
  }

  private camera(camera: Phaser.Cameras.Scene2D.Camera): void {
    if (camera.fadeEffect.isRunning || camera.flashEffect.isRunning || camera.shakeEffect.isRunning)
      this.number(Math.random());
    const { scrollX, scrollY, zoom, x, y, width, height, alpha, visible } = camera;
    for (const value of [scrollX, scrollY, zoom, x, y, width, height, alpha]) this.number(value);
    this.number(visible ? 1 : 0);
    this.number(camera.backgroundColor.color32);
  }

  private objects(list: readonly Phaser.GameObjects.GameObject[]): void {
    this.number(list.length);
    for (const object of list) this.object(object);
  }

  private object(object: Phaser.GameObjects.GameObject): void {
    this.number(this.idOf(object));
    const shown = (object as { visible?: boolean }).visible !== false;
    this.number(shown ? 1 : 0);
    if (!shown) return;
    const fields = object as Fields;
    for (const field of FIELDS) {
      const value = fields[field];
      if (typeof value === 'number') this.number(value);
    }
    const textured = object as Partial<Phaser.GameObjects.Image> & {
      _crop?: { x: number; y: number; width: number; height: number };
    };
    if (textured.frame) {
      this.number(this.idOf(textured.frame));
      if (textured.isCropped && textured._crop) {
        const crop = textured._crop;
        for (const value of [crop.x, crop.y, crop.width, crop.height]) this.number(value);
      }
    }
    if (object instanceof Phaser.GameObjects.Text) {
      this.text(object.text);
      this.text(String(object.style.color));
    } else if (object instanceof Phaser.GameObjects.Graphics) {
      for (const value of object.commandBuffer) this.number(typeof value === 'number' ? value : 0);
    } else if (object instanceof Phaser.GameObjects.Particles.ParticleEmitter) {
      // Particles move every frame while any is alive.
      if (object.emitting || object.getAliveParticleCount() > 0) this.number(Math.random());
    }
    const children = (object as { list?: Phaser.GameObjects.GameObject[] }).list;
    if (Array.isArray(children)) this.objects(children);
  }

  private idOf(thing: object): number {
    let id = this.ids.get(thing);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(thing, id);
    }
    return id;
  }

  /** FNV-1a over the value in 1/1024ths: a sub-pixel scroll or a step of a fade counts. */
  private number(value: number): void {
    this.hash = Math.imul(this.hash ^ (Math.round(value * 1024) | 0), 0x01000193);
  }

  private text(value: string): void {
    this.number(value.length);
    for (let i = 0; i < value.length; i++)
      this.hash = Math.imul(this.hash ^ value.charCodeAt(i), 0x01000193);
  }
}
