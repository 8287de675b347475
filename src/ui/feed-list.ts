/**
 * The feed's cards on the canvas, made cheap to draw. Each card is laid out once by
 * its platform's room, drawn into a texture of its own and replaced by one image: a
 * frame then draws one quad per card on screen, instead of re-tessellating every
 * card's shapes and binding a texture per line of text. Its pictures are live while
 * they load or move (see platforms/shared/media-slot.ts), then drawn into the card's
 * texture too: a software renderer pays for every layer's pixels (docs/performance.md).
 * Cards off screen are hidden.
 *
 * Only the cards on the first screen are made when the feed opens (none while the
 * briefing covers it); the rest follow within a small time budget per frame, or at
 * once when scrolling or keyboard focus comes near them.
 */
import Phaser from 'phaser';
import {
  MEDIA_SETTLED,
  type MediaBox,
  mediaShown,
  type RestingLayer,
} from '../platforms/shared/media-slot';
import type { PostLayout } from '../platforms/shared/room';
import { fontPx } from './display';
import { reducedMotion } from './motion';
import { addTexture } from './textures';
import { APP, FONT_STACK, type PlatformStyle } from './theme';

export type Stamp = { label: string; flagged: boolean } | null;

/**
 * Scene event with a freshly laid-out post (a container sized to the post), before it
 * is drawn into its texture: a test measures there that every text stays inside it.
 */
export const CARD_LAID_OUT = 'post-card-laid-out';

export interface FeedListOptions {
  /** Left edge of the cards and their width, in canvas pixels. */
  x: number;
  width: number;
  /** Canvas y where the list starts (below the header); content y 0 is drawn there. */
  top: number;
  gap: number;
  /** Height of the visible part of the list. */
  viewportHeight: number;
  ids: readonly string[];
  /**
   * Make the first screen's cards before returning. False while the briefing dialog
   * covers the feed: the player reads it while they are made.
   */
  firstScreenNow: boolean;
  /** Where the first card starts in content coordinates (below what scrolls above it). */
  startAt: number;
  layout: (id: string) => PostLayout;
  /** Draws one picture of a post, at a box in canvas coordinates. */
  media: (id: string, box: MediaBox) => Phaser.GameObjects.Container;
  style: PlatformStyle;
  /** A card has been made: its place in content coordinates. */
  onPlaced: (id: string, top: number, height: number) => void;
  /** The list grew to this content height. */
  onGrow: (height: number) => void;
}

interface Card {
  id: string;
  top: number;
  height: number;
  /** The card's texture on screen: one image, or one per part that holds anything. */
  images: Phaser.GameObjects.Image[];
  /** The parts of the card that hold anything (PostLayout.content); null: all of it. */
  content: readonly MediaBox[] | null;
  /** Its pictures still live on screen: loading, or a video still moving. */
  media: Phaser.GameObjects.Container[];
  stamp: Stamp;
  mark: Phaser.GameObjects.Container | null;
}

/** Time a frame may spend making cards in the background, in ms. */
const FRAME_BUDGET = 6;
/** Cards are made this far below the visible part before scrolling reaches them. */
const AHEAD = 400;

let serial = 0;

export class FeedList {
  private readonly cards: Card[];
  private readonly byId = new Map<string, Card>();
  private readonly prefix = `feed-${++serial}`;
  private made = 0;
  private bottom = 0;
  private scrollY = 0;
  /**
   * True while the briefing covers the feed: the cards are made in the background, one
   * frame's budget at a time, and the scroller's reports of an unchanged position (as
   * the feed is built, and as each card makes the list longer) must not make the whole
   * first screen in one long frame. A move or focus on a post ends it.
   */
  private deferred: boolean;
  private positioned = false;
  /**
   * Set by destroy: a rebuild that runs inside the scene's update (a resize) removes
   * this list's listener while the event is still calling the listeners it had.
   */
  private destroyed = false;
  private readonly step = () => this.makeInBackground();
  private readonly startBackground = () =>
    this.scene.events.on(Phaser.Scenes.Events.UPDATE, this.step);

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly options: FeedListOptions,
  ) {
    this.cards = options.ids.map((id) => ({
      id,
      top: 0,
      height: 0,
      images: [],
      content: null,
      media: [],
      stamp: null,
      mark: null,
    }));
    for (const card of this.cards) this.byId.set(card.id, card);
    this.bottom = options.startAt;
    this.deferred = !options.firstScreenNow;
    // Only what is on screen now: the feed opens sooner, and the rest follows in the background.
    if (options.firstScreenNow) this.makeUntil(options.viewportHeight);
    // The rest from the frame after the first, which shows the feed (or the briefing) sooner.
    if (this.made < this.cards.length)
      scene.events.once(Phaser.Scenes.Events.RENDER, this.startBackground);
  }

  /** The card's place in content coordinates, making it (and those above it) if needed. */
  place(id: string): { top: number; height: number } | null {
    const index = this.cards.findIndex((card) => card.id === id);
    if (index < 0) return null;
    if (this.deferred) {
      // Focus on a post: the briefing has closed, and the screen around it is wanted now.
      this.deferred = false;
      this.makeUntil(this.scrollY + this.options.viewportHeight + AHEAD);
      this.cullAll();
    }
    while (this.made <= index) this.makeNext();
    const card = this.cards[index] as Card;
    return { top: card.top, height: card.height };
  }

  /** Follows the camera: shows only the cards in view, making any that are missing. */
  scrollTo(scrollY: number): void {
    if (this.positioned && scrollY !== this.scrollY) this.deferred = false;
    this.positioned = true;
    this.scrollY = scrollY;
    if (!this.deferred) this.makeUntil(scrollY + this.options.viewportHeight + AHEAD);
    this.cullAll();
  }

  /** Shows a decision on a card; `animate` stamps it down. The same stamp again does nothing. */
  setStamp(id: string, stamp: Stamp, animate: boolean): void {
    const card = this.byId.get(id);
    if (!card || sameStamp(card.stamp, stamp)) return;
    const hadStamp = card.stamp !== null;
    card.stamp = stamp;
    if (card.images.length === 0) return; // drawn when the card is made
    if (hadStamp) {
      // A stamp changed or went away: draw the card again without the old veil.
      this.unmake(card);
      this.make(card);
    } else {
      this.showWhole(card);
      this.veil(card);
      this.showMark(card, animate);
      if (animate && !reducedMotion()) {
        // The card gives a little under the stamp, as if pressed into the page.
        this.scene.tweens.add({
          targets: card.images,
          y: `+=5`,
          duration: 90,
          yoyo: true,
          ease: 'Quad.easeOut',
        });
      }
    }
  }

  /** A partly drawn card (PostLayout.content) drawn whole, in the same place among the others: its veil covers all of it. */
  private showWhole(card: Card): void {
    const first = card.images[0];
    if (!card.content || !first) return;
    const whole = this.scene.add.image(first.x, first.y, this.textureKey(card)).setOrigin(0, 0);
    this.scene.children.moveTo(whole, this.scene.children.getIndex(first));
    for (const image of card.images) image.destroy();
    card.images = [whole];
    card.content = null;
  }

  destroy(): void {
    this.destroyed = true;
    this.scene.events.off(Phaser.Scenes.Events.RENDER, this.startBackground);
    this.scene.events.off(Phaser.Scenes.Events.UPDATE, this.step);
    for (const card of this.cards) this.unmake(card);
  }

  private makeInBackground(): void {
    if (this.destroyed) return;
    const start = performance.now();
    do this.makeNext();
    while (this.made < this.cards.length && performance.now() - start < FRAME_BUDGET);
    if (this.made >= this.cards.length)
      this.scene.events.off(Phaser.Scenes.Events.UPDATE, this.step);
  }

  private makeUntil(contentY: number): void {
    while (this.made < this.cards.length && this.bottom < contentY) this.makeNext();
  }

  private makeNext(): void {
    const card = this.cards[this.made];
    if (!card) return;
    card.top = this.bottom;
    this.make(card);
    this.made++;
    this.bottom = card.top + card.height + this.options.gap;
    this.options.onPlaced(card.id, card.top, card.height);
    this.options.onGrow(this.bottom);
  }

  private textureKey(card: Card): string {
    return `${this.prefix}-${card.id}`;
  }

  /**
   * Lays the card out with its room, draws it into its texture and keeps an image of
   * it, with its pictures live under the image (a video behind its overlays) or over it.
   */
  private make(card: Card): void {
    const { scene, options } = this;
    const layout = options.layout(card.id);
    card.height = layout.height;
    layout.view.setSize(options.width, card.height);
    scene.events.emit(CARD_LAID_OUT, layout.view);
    const texture = addTexture(scene, this.textureKey(card), options.width, card.height);
    texture?.draw(layout.view).render();
    layout.view.destroy();
    const y = options.top + card.top;
    const picture = ({ box, under }: PostLayout['media'][number]) => {
      const live = options.media(card.id, { ...box, x: options.x + box.x, y: y + box.y });
      live.once(MEDIA_SETTLED, (layers: RestingLayer[]) =>
        this.bake(card, live, box, under, layers),
      );
      return live;
    };
    card.media = layout.media.filter((slot) => slot.under).map(picture);
    // A decided card's veil covers all of it, so it is drawn whole.
    card.content = card.stamp ? null : (layout.content ?? null);
    card.images = (card.content ?? [null]).map((part) => {
      const image = scene.add.image(options.x, y, this.textureKey(card)).setOrigin(0, 0);
      if (part) image.setCrop(part.x, part.y, part.width, part.height);
      return image;
    });
    card.media.push(...layout.media.filter((slot) => !slot.under).map(picture));
    if (card.stamp) {
      this.veil(card);
      this.showMark(card, false);
    }
    this.cull(card);
  }

  /**
   * Draws a picture that will not change again into its card's texture, where it costs
   * nothing more per frame, and lets the live one go. A picture under the card is drawn
   * behind what the texture holds (a decided card's veil included), its layers from the
   * top down.
   */
  private bake(
    card: Card,
    live: Phaser.GameObjects.Container,
    box: MediaBox,
    under: boolean,
    layers: readonly RestingLayer[],
  ): void {
    const texture = this.scene.textures.get(this.textureKey(card));
    if (!card.media.includes(live) || !(texture instanceof Phaser.Textures.DynamicTexture)) return;
    const behind = under ? behindBlendMode(this.scene.game) : 0;
    // Without a renderer that can draw beneath (headless), the picture stays live.
    if (behind === null) return;
    for (const layer of under ? [...layers].reverse() : layers)
      texture.stamp(layer.key, layer.frame ?? undefined, box.x + layer.x, box.y + layer.y, {
        scale: layer.scale,
        originX: 0,
        originY: 0,
        blendMode: behind,
      });
    texture.render();
    card.media = card.media.filter((picture) => picture !== live);
    live.destroy();
    if (under) this.showWhole(card);
  }

  private unmake(card: Card): void {
    for (const picture of card.media) picture.destroy();
    card.media = [];
    card.mark?.destroy();
    card.mark = null;
    for (const image of card.images) image.destroy();
    card.images = [];
    if (this.scene.textures.exists(this.textureKey(card)))
      this.scene.textures.remove(this.textureKey(card));
  }

  /** A decided card is dimmed toward its own colour: drawn into its texture, so it costs nothing per frame. */
  private veil(card: Card): void {
    const texture = this.scene.textures.get(this.textureKey(card));
    if (!(texture instanceof Phaser.Textures.DynamicTexture)) return;
    const veil = this.scene.make.graphics({}, false);
    veil
      .fillStyle(this.options.style.card, 0.35)
      .fillRoundedRect(0, 0, this.options.width, card.height, this.options.style.radius);
    texture.draw(veil).render();
    veil.destroy();
  }

  /**
   * The stamp is a live frame and label over the card image: few cards carry one, and
   * text drawn into a shared texture came out garbled on some renderers.
   */
  private showMark(card: Card, animate: boolean): void {
    const stamp = card.stamp;
    if (!stamp) return;
    card.mark?.destroy();
    const { x, top, width } = this.options;
    const { scene } = this;
    const label = scene.add
      .text(0, 0, stamp.label, {
        fontFamily: FONT_STACK,
        fontSize: fontPx(22),
        fontStyle: 'bold',
        color: stamp.flagged ? APP.flaggedCss : APP.passedCss,
      })
      .setOrigin(0.5);
    const frame = scene.add.graphics();
    frame
      .lineStyle(4, stamp.flagged ? APP.flagged : APP.passed, 1)
      .strokeRoundedRect(
        -label.width / 2 - 12,
        -label.height / 2 - 6,
        label.width + 24,
        label.height + 12,
        8,
      );
    const mark = scene.add.container(x + width / 2, top + card.top + card.height / 2, [
      frame,
      label,
    ]);
    mark.setAngle(-8);
    card.mark = mark;
    this.cull(card);
    if (animate && !reducedMotion()) {
      mark.setScale(1.8).setAlpha(0);
      this.scene.tweens.add({
        targets: mark,
        scale: 1,
        alpha: 1,
        duration: 220,
        ease: 'Back.easeOut',
      });
    }
  }

  private cullAll(): void {
    for (let i = 0; i < this.made; i++) this.cull(this.cards[i] as Card);
  }

  /** Hides a card (and its stamp) while it is outside the visible part of the list. */
  private cull(card: Card): void {
    const visible =
      card.top < this.scrollY + this.options.viewportHeight &&
      card.top + card.height > this.scrollY;
    for (const image of card.images) image.setVisible(visible);
    card.mark?.setVisible(visible);
    for (const picture of card.media) {
      picture.setVisible(visible);
      // Seen once the briefing no longer covers the feed: a video starts playing.
      if (visible && !this.deferred) mediaShown(picture);
    }
  }
}

/**
 * A blend mode that draws under what a texture already holds ("destination over", for
 * premultiplied alpha in WebGL; the 2D canvas has its own): a picture baked after the
 * card was drawn lands beneath it.
 */
const behindModes = new WeakMap<Phaser.Game, number>();

function behindBlendMode(game: Phaser.Game): number | null {
  const renderer = game.renderer;
  if (renderer instanceof Phaser.Renderer.Canvas.CanvasRenderer)
    return Phaser.BlendModes.DESTINATION_OVER;
  if (!(renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer)) return null;
  let mode = behindModes.get(game);
  if (mode === undefined) {
    const gl = renderer.gl;
    renderer.addBlendMode([gl.ONE_MINUS_DST_ALPHA, gl.ONE], gl.FUNC_ADD);
    // The mode just added is the last: Phaser 4.2.1's addBlendMode returns the index before it.
    mode = renderer.blendModes.length - 1;
    behindModes.set(game, mode);
  }
  return mode;
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a === b || (a !== null && b !== null && a.label === b.label && a.flagged === b.flagged);
}
