/**
 * Shared scene plumbing: the context, the accessible layer cleared per scene, and a
 * rebuild on resize or language change that keeps keyboard focus where it was.
 */
import Phaser from 'phaser';
import { button, el } from '../ui/dialog';
import { onDisplayChange } from '../ui/display';
import { contextOf, type GameContext } from './context';
import { recordEntry, SCENE_BUILT, sceneReady } from './navigation';

export abstract class BaseScene extends Phaser.Scene {
  protected ctx!: GameContext;
  /** Scenes that show levels wait for them; the title does not. */
  protected readonly needsContent: boolean = true;
  private readonly rebuildSoon = () => this.time.delayedCall(0, () => this.rebuild());
  /** The game's size the scene was last built for. */
  private builtSize = { width: 0, height: 0 };
  /**
   * Phaser reports a resize as it boots, to the size the first scene was just built
   * for: rebuilding the title then cost as much as building it, in the first frame.
   */
  private readonly rebuildIfResized = (size: Phaser.Structs.Size) => {
    if (size.width !== this.builtSize.width || size.height !== this.builtSize.height)
      this.rebuildSoon();
  };

  create(): void {
    this.ctx = contextOf(this);
    this.ctx.layer.clear();
    this.buildWhenReady();
    this.scale.on('resize', this.rebuildIfResized);
    this.ctx.translator.i18n.on('languageChanged', this.rebuildSoon);
    const stopFollowingDisplay = onDisplayChange(this.rebuildSoon);
    this.events.once('shutdown', () => {
      stopFollowingDisplay();
      this.scale.off('resize', this.rebuildIfResized);
      this.ctx.translator.i18n.off('languageChanged', this.rebuildSoon);
      this.teardown();
      this.ctx.layer.clear();
    });
  }

  /** Builds now, or says "Loading…" until the levels are there (or why they are not). */
  private buildWhenReady(): void {
    this.builtSize = { width: this.width, height: this.height };
    if (!this.needsContent || this.contentLoaded()) {
      this.build();
      this.events.emit(SCENE_BUILT);
      return;
    }
    const notice = this.ctx.layer.adopt(el('div', null, 'overlay-panel'));
    notice.style.top = '40%';
    const message = el('p', this.t('common.loading'));
    notice.append(message);
    this.contentLoading().then(
      () => {
        if (this.sys.isActive()) this.rebuild();
      },
      (error: Error) => {
        message.setAttribute('role', 'alert');
        message.textContent = this.t('common.loadFailed', { reason: error.message });
        notice.append(button(this.t('common.back'), () => this.goTo('title')));
      },
    );
  }

  /** Whether what this scene shows has loaded: by default, the whole campaign. */
  protected contentLoaded(): boolean {
    return this.ctx.hasContent();
  }

  /** Settles when `contentLoaded()` may have become true; rejects when the levels failed. */
  protected contentLoading(): Promise<unknown> {
    return this.ctx.contentReady;
  }

  /**
   * The colour behind the scene, as the canvas's clear colour: a clear costs next to
   * nothing, while a camera background is a full-screen quad that software WebGL pays
   * for pixel by pixel, every frame.
   */
  protected setBackground(colour: number): void {
    this.game.config.backgroundColor.setTo(
      (colour >> 16) & 0xff,
      (colour >> 8) & 0xff,
      colour & 0xff,
    );
  }

  /**
   * Being built or running: true inside create() too (where isActive() is still false),
   * so a scroll that building causes (focus on the first item) moves the camera as well.
   */
  protected get drawing(): boolean {
    const { status } = this.sys.settings;
    return status === Phaser.Scenes.CREATING || status === Phaser.Scenes.RUNNING;
  }

  /** Draws the scene and creates its accessible twins. */
  protected abstract build(): void;

  /** Releases listeners a build added outside Phaser. */
  protected teardown(): void {}

  protected get t() {
    return this.ctx.translator.t;
  }

  protected get width(): number {
    return this.scale.gameSize.width;
  }

  protected get height(): number {
    return this.scale.gameSize.height;
  }

  protected rebuild(): void {
    if (!this.sys.isActive()) return;
    const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
    this.teardown();
    this.tweens.killAll();
    this.children.removeAll(true);
    this.cameras.main.setScroll(0, 0);
    this.ctx.layer.clear();
    this.buildWhenReady();
    if (focusedKey)
      this.ctx.layer.root
        .querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`)
        ?.focus();
  }

  /**
   * Moves to another scene after the current input event has finished, and records
   * the move in the browser history (replace: for redirects the player did not ask for).
   */
  protected goTo(key: string, data?: { levelId?: string }, replace = false): void {
    recordEntry(data ? { scene: key, data } : { scene: key }, replace);
    this.time.delayedCall(0, () => {
      void sceneReady(key).then(() => this.scene.start(key, data));
    });
  }
}
