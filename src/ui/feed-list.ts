/**
 * The feed's cards on the canvas, made cheap to draw. Each card is laid out once by
 * PostCard, drawn into a texture of its own and replaced by one image: a frame then
 * draws one quad per card on screen, instead of re-tessellating every card's shapes
 * and binding a texture per line of text. Cards off screen are hidden.
 *
 * Only the cards on the first screen are made when the feed opens; the rest follow
 * within a small time budget per frame (while the player reads the briefing), or at
 * once when scrolling or keyboard focus comes near them.
 */
import Phaser from 'phaser';
import { PostCard, type PostCardView, type Stamp } from './post-card';
import { APP, FONT_STACK, type PlatformStyle } from './theme';

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
  view: (id: string) => PostCardView;
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
  image: Phaser.GameObjects.Image | null;
  stamp: Stamp;
  mark: Phaser.GameObjects.Image | null;
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
  private readonly marks = new Map<string, string>();
  private made = 0;
  private bottom = 0;
  private scrollY = 0;
  private readonly step = () => this.makeInBackground();

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly options: FeedListOptions,
  ) {
    this.cards = options.ids.map((id) => ({
      id,
      top: 0,
      height: 0,
      image: null,
      stamp: null,
      mark: null,
    }));
    for (const card of this.cards) this.byId.set(card.id, card);
    // Only what is on screen now: the feed opens sooner, and the rest follows in the background.
    this.makeUntil(options.viewportHeight);
    if (this.made < this.cards.length) scene.events.on(Phaser.Scenes.Events.UPDATE, this.step);
  }

  /** The card's place in content coordinates, making it (and those above it) if needed. */
  place(id: string): { top: number; height: number } | null {
    const index = this.cards.findIndex((card) => card.id === id);
    if (index < 0) return null;
    while (this.made <= index) this.makeNext();
    const card = this.cards[index] as Card;
    return { top: card.top, height: card.height };
  }

  /** Follows the camera: shows only the cards in view, making any that are missing. */
  scrollTo(scrollY: number): void {
    this.scrollY = scrollY;
    this.makeUntil(scrollY + this.options.viewportHeight + AHEAD);
    for (let i = 0; i < this.made; i++) this.cull(this.cards[i] as Card);
  }

  /** Shows a decision on a card; `animate` stamps it down. The same stamp again does nothing. */
  setStamp(id: string, stamp: Stamp, animate: boolean): void {
    const card = this.byId.get(id);
    if (!card || sameStamp(card.stamp, stamp)) return;
    const hadStamp = card.stamp !== null;
    card.stamp = stamp;
    if (!card.image) return; // drawn when the card is made
    if (hadStamp) {
      // A stamp changed or went away: draw the card again without the old veil.
      this.unmake(card);
      this.make(card);
    } else {
      this.veil(card);
      this.showMark(card, animate);
    }
  }

  destroy(): void {
    this.scene.events.off(Phaser.Scenes.Events.UPDATE, this.step);
    for (const card of this.cards) this.unmake(card);
    for (const key of this.marks.values()) this.scene.textures.remove(key);
    this.marks.clear();
  }

  private makeInBackground(): void {
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

  /** Lays the card out with PostCard, draws it into its texture and keeps only an image. */
  private make(card: Card): void {
    const { scene, options } = this;
    const layout = new PostCard(scene, 0, 0, options.width, options.view(card.id), options.style);
    card.height = layout.cardHeight;
    const texture = addTexture(scene, this.textureKey(card), options.width, card.height);
    texture?.draw(layout).render();
    layout.destroy();
    card.image = scene.add.image(options.x, options.top + card.top, this.textureKey(card));
    card.image.setOrigin(0, 0);
    if (card.stamp) {
      this.veil(card);
      this.showMark(card, false);
    }
    this.cull(card);
  }

  private unmake(card: Card): void {
    card.mark?.destroy();
    card.mark = null;
    card.image?.destroy();
    card.image = null;
    if (this.scene.textures.exists(this.textureKey(card)))
      this.scene.textures.remove(this.textureKey(card));
  }

  /** A decided card is dimmed: drawn into its texture, so it costs nothing per frame. */
  private veil(card: Card): void {
    const texture = this.scene.textures.get(this.textureKey(card));
    if (!(texture instanceof Phaser.Textures.DynamicTexture)) return;
    const veil = this.scene.make.graphics({}, false);
    veil
      .fillStyle(0xffffff, 0.35)
      .fillRoundedRect(0, 0, this.options.width, card.height, this.options.style.radius);
    texture.draw(veil).render();
    veil.destroy();
  }

  private showMark(card: Card, animate: boolean): void {
    const stamp = card.stamp;
    if (!stamp) return;
    card.mark?.destroy();
    const { x, top, width } = this.options;
    const mark = this.scene.add.image(
      x + width / 2,
      top + card.top + card.height / 2,
      this.markTexture(stamp),
    );
    mark.setAngle(-8);
    card.mark = mark;
    this.cull(card);
    if (animate) {
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

  /** The stamp's frame and label, drawn once per kind and shared by every card. */
  private markTexture(stamp: NonNullable<Stamp>): string {
    const id = `${stamp.flagged}:${stamp.label}`;
    const existing = this.marks.get(id);
    if (existing) return existing;
    const key = `${this.prefix}-mark-${this.marks.size}`;
    const { scene } = this;
    const colour = stamp.flagged ? APP.flagged : APP.passed;
    const label = scene.make.text(
      {
        text: stamp.label,
        style: {
          fontFamily: FONT_STACK,
          fontSize: '22px',
          fontStyle: 'bold',
          color: stamp.flagged ? '#e03131' : '#2f9e44',
        },
      },
      false,
    );
    const width = Math.ceil(label.width + 24 + 4);
    const height = Math.ceil(label.height + 12 + 4);
    const frame = scene.make.graphics({}, false);
    frame.lineStyle(4, colour, 1).strokeRoundedRect(2, 2, width - 4, height - 4, 8);
    label.setPosition((width - label.width) / 2, (height - label.height) / 2);
    addTexture(scene, key, width, height)?.draw([frame, label]).render();
    frame.destroy();
    label.destroy();
    this.marks.set(id, key);
    return key;
  }

  /** Hides a card (and its stamp) while it is outside the visible part of the list. */
  private cull(card: Card): void {
    const visible =
      card.top < this.scrollY + this.options.viewportHeight &&
      card.top + card.height > this.scrollY;
    card.image?.setVisible(visible);
    card.mark?.setVisible(visible);
  }
}

/**
 * A texture to draw into. Phaser 4.2.1 gives a new DynamicTexture two GL textures, keeps
 * the framebuffer's and never deletes the other, so every card would leak one (a
 * restart of level 1 lost 13, seen in heap snapshots): delete the orphan at once.
 */
function addTexture(
  scene: Phaser.Scene,
  key: string,
  width: number,
  height: number,
): Phaser.Textures.DynamicTexture | null {
  const renderer = scene.game.renderer;
  const wrappers = renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer ? renderer : null;
  const before = wrappers?.glTextureWrappers.length ?? 0;
  const texture = scene.textures.addDynamicTexture(key, width, height, false);
  if (wrappers && texture) {
    const kept = texture.getWebGLTexture();
    for (const created of wrappers.glTextureWrappers.slice(before))
      if (created !== kept) wrappers.deleteTexture(created);
  }
  return texture;
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a === b || (a !== null && b !== null && a.label === b.label && a.flagged === b.flagged);
}
