/**
 * Shared scene plumbing: the context, the accessible layer cleared per scene, and a
 * rebuild on resize or language change that keeps keyboard focus where it was.
 */
import Phaser from 'phaser';
import { contextOf, type GameContext } from './context';

export abstract class BaseScene extends Phaser.Scene {
  protected ctx!: GameContext;
  private readonly rebuildSoon = () => this.time.delayedCall(0, () => this.rebuild());

  create(): void {
    this.ctx = contextOf(this);
    this.ctx.layer.clear();
    this.build();
    this.scale.on('resize', this.rebuildSoon);
    this.ctx.translator.i18n.on('languageChanged', this.rebuildSoon);
    this.events.once('shutdown', () => {
      this.scale.off('resize', this.rebuildSoon);
      this.ctx.translator.i18n.off('languageChanged', this.rebuildSoon);
      this.teardown();
      this.ctx.layer.clear();
    });
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
    this.build();
    if (focusedKey)
      this.ctx.layer.root
        .querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`)
        ?.focus();
  }

  /** Moves to another scene after the current input event has finished. */
  protected goTo(key: string, data?: object): void {
    this.time.delayedCall(0, () => this.scene.start(key, data));
  }
}
