/**
 * The feed's posts: one button per post in the accessible layer (its name says who
 * wrote it, whether it is decided, and its text), the canvas posts the platform's room
 * lays out (made as needed, see ui/feed-list.ts), and the scroller that moves both.
 * A post's own controls (a comment button) are buttons over their drawing too, out of
 * the Tab order: one post is one Tab stop, and C opens the focused post's comments.
 */
import type { OverlayButton } from '../../a11y/layer';
import { authorName } from '../../core/authors';
import type { Level, Post } from '../../core/level/schema';
import { isFlagged } from '../../core/scoring';
import type { SessionState } from '../../core/session';
import { drawMedia } from '../../platforms/shared/media-slot';
import type { PlatformRoom, PostControl, RoomContext } from '../../platforms/shared/room';
import { el } from '../../ui/dialog';
import { FeedList } from '../../ui/feed-list';
import { drawFocusRing } from '../../ui/focus-ring';
import { reducedMotion } from '../../ui/motion';
import { openPopupMenu } from '../../ui/popup-menu';
import type { PanelPart } from '../../ui/post-panel';
import { cameraScroller, REVEAL_MARGIN, type Scroller } from '../../ui/scroller';
import type { GameContext } from '../context';

/** How long a finger rests on a message before its menu opens, and how far it may wander. */
const LONG_PRESS_MS = 500;
const HOLD_SLOP = 10;

interface FeedItem {
  post: Post;
  hit: OverlayButton;
  /** The post's list item, which holds its button and its controls' buttons. */
  item: HTMLElement;
  controls: OverlayButton[];
}

export interface FeedPostsOptions {
  room: PlatformRoom;
  roomContext: RoomContext;
  posts: readonly Post[];
  /** The list's part of the layer (viewport and list of buttons), from layer.scrollingList. */
  viewport: HTMLElement;
  list: HTMLElement;
  /** Canvas y where the feed starts, and the height of its visible part. */
  top: number;
  viewportHeight: number;
  /** Make the first screen now (false while the briefing covers the feed). */
  firstScreenNow: boolean;
  drawing: () => boolean;
  /** Opens the post; `at` moves focus to that part of it (its comments, its start). */
  open: (postId: string, at?: PanelPart) => void;
  /** Lets the post pass as genuine without reading it first (the message menu's choice). */
  pass: (postId: string) => void;
}

export class FeedPosts {
  readonly items = new Map<string, FeedItem>();
  /** Each made post's place in content coordinates, for the glide's stops and focus hold. */
  readonly places = new Map<string, { top: number; height: number }>();
  readonly cards: FeedList;
  readonly scroller: Scroller;
  private readonly gap: number;
  private readonly x: number;
  /** Each post's controls from its last layout, in post coordinates. */
  private readonly controlsOf = new Map<string, readonly PostControl[]>();
  /** Closes the open message menu, if any. */
  private closeMenu: (() => void) | null = null;
  /** False once torn down: a late focus (closing the post dialog) must not make posts. */
  private alive = true;

  constructor(
    private readonly ctx: GameContext,
    private readonly options: FeedPostsOptions,
  ) {
    const { room, roomContext, posts, list, top, viewportHeight } = options;
    const { scene, style, translator } = roomContext;
    const gap = room.gap;
    this.gap = gap;
    const width = scene.scale.gameSize.width;
    const cardWidth = room.postWidth({ top, width, height: viewportHeight });
    const x = Math.round((width - cardWidth) / 2);
    this.x = x;
    const intro = room.intro?.(roomContext, x, top + gap, cardWidth, posts) ?? 0;
    if (room.fullHeight) options.viewport.classList.add('snap-feed');
    for (const post of posts) {
      const postId = post.id;
      const item = el('div');
      item.setAttribute('role', 'listitem');
      list.append(item);
      const hit = ctx.layer.button(
        {
          label: '',
          onActivate: () => options.open(postId),
          description: room.messageMenu ? translator.t('room.natter.menuHint') : undefined,
          onFocus: () => {
            if (!this.alive) return;
            const place = this.cards.place(postId);
            if (place)
              this.scroller.reveal(
                gap + place.top,
                place.height,
                viewportHeight,
                room.fullHeight ? 0 : REVEAL_MARGIN,
              );
          },
        },
        item,
      );
      hit.element.dataset.key = `post-${postId}`;
      // A long press (or a right click) opens the message menu where the room has one,
      // else the post; Shift+F10 and the menu key are the keyboard's long press.
      hit.element.addEventListener('contextmenu', (event) => {
        event.preventDefault();
        // Held already: the long press below opened the menu (Android sends both).
        if (hit.element.dataset.held === 'true') return;
        if (room.messageMenu) this.openMenu(postId, { x: event.clientX, y: event.clientY });
        else options.open(postId);
      });
      if (room.messageMenu) {
        this.holdForMenu(postId, hit.element);
        hit.element.setAttribute('aria-keyshortcuts', 'Shift+F10');
        hit.element.addEventListener('keydown', (event) => {
          if (event.key !== 'ContextMenu' && !(event.key === 'F10' && event.shiftKey)) return;
          event.preventDefault();
          const box = hit.element.getBoundingClientRect();
          const viewportTop = options.viewport.getBoundingClientRect().top;
          this.openMenu(postId, { x: box.left + 24, y: Math.max(box.top, viewportTop) + 24 });
        });
      }
      drawFocusRing(scene, hit.element, {
        rect: () => {
          const place = this.alive ? this.cards.place(postId) : null;
          return place
            ? { x, y: top + gap + place.top, width: cardWidth, height: place.height }
            : null;
        },
        radius: style.radius,
        colour: style.focus,
      });
      // No area to click until its post is made; it can still be found and focused.
      hit.place({ x, y: gap, width: 0, height: 0 });
      this.items.set(postId, { post, hit, item, controls: [] });
    }

    // Posts are made as they are needed; each button is placed over its post then.
    let contentHeight = gap + intro;
    const language = translator.language();
    const ids = posts.map((post) => post.id);
    const postOf = (postId: string) => (this.items.get(postId) as FeedItem).post;
    this.cards = new FeedList(scene, {
      x,
      width: cardWidth,
      top: top + gap,
      gap,
      viewportHeight,
      ids,
      firstScreenNow: options.firstScreenNow,
      startAt: intro > 0 ? intro + gap : 0,
      layout: (postId) => {
        const index = ids.indexOf(postId);
        const previous = index > 0 ? postOf(ids[index - 1] as string) : null;
        const layout = room.layoutPost(roomContext, postOf(postId), previous, {
          width: cardWidth,
          height: room.fullHeight ? viewportHeight : 0,
        });
        this.controlsOf.set(postId, layout.controls ?? []);
        return layout;
      },
      media: (postId, box) => {
        const post = postOf(postId);
        const still = reducedMotion();
        return drawMedia(scene, post, language, box, {
          animated: post.kind === 'video' && !still,
          reducedMotion: still,
        });
      },
      style,
      onPlaced: (postId, placeTop, height) => {
        this.places.set(postId, { top: placeTop, height });
        this.items.get(postId)?.hit.place({ x, y: gap + placeTop, width: cardWidth, height });
        this.placeControls(postId, placeTop);
      },
      onGrow: (height) => {
        contentHeight = gap + height;
        this.scroller?.setContentHeight(contentHeight, viewportHeight);
      },
    });
    this.scroller = cameraScroller(
      scene.cameras.main,
      options.drawing,
      { viewport: options.viewport, content: list },
      (scrollY) => this.cards.scrollTo(scrollY - gap),
      room.fullHeight ? (position, direction) => this.snapStop(position, direction) : undefined,
    );
    this.scroller.setContentHeight(contentHeight, viewportHeight);
  }

  /** Buttons over the post's controls, in its list item after the post's own button. */
  private placeControls(postId: string, placeTop: number): void {
    const entry = this.items.get(postId);
    if (!entry) return;
    for (const control of entry.controls) control.remove();
    const { scene, style } = this.options.roomContext;
    entry.controls = (this.controlsOf.get(postId) ?? []).map((control) => {
      const rect = {
        x: this.x + control.box.x,
        y: this.gap + placeTop + control.box.y,
        width: control.box.width,
        height: control.box.height,
      };
      const button = this.ctx.layer.button(
        {
          label: this.controlLabel(entry.post, control),
          onActivate: () => this.options.open(postId, control.kind),
        },
        entry.item,
      );
      // Out of the Tab order (one post, one stop): C does the same from the post.
      button.element.tabIndex = -1;
      button.element.dataset.control = control.kind;
      button.place(rect);
      drawFocusRing(scene, button.element, {
        // The list's y 0 is the canvas's `top`.
        rect: () => ({ ...rect, y: this.options.top + rect.y }),
        radius: 8,
        colour: style.focus,
      });
      return button;
    });
  }

  private controlLabel(post: Post, control: PostControl): string {
    const { translator } = this.ctx;
    const { level } = this.options.roomContext;
    const index = this.options.posts.indexOf(post) + 1;
    return translator.t(`feed.control.${control.kind}`, {
      count: post.comments.length,
      formatted: translator.number(post.comments.length),
      index,
      name: authorName(level, post.author, translator.text),
    });
  }

  /**
   * A finger held still on a message opens its menu, on every phone (iOS sends no
   * contextmenu for a long press). Lifting that finger then does nothing: no tap on
   * the post, whose emulated mouse press would also take focus from the menu.
   */
  private holdForMenu(postId: string, element: HTMLElement): void {
    let timer = 0;
    let start = { x: 0, y: 0 };
    const cancel = () => window.clearTimeout(timer);
    element.addEventListener('pointerdown', (event) => {
      delete element.dataset.held;
      cancel();
      if (event.pointerType !== 'touch') return;
      start = { x: event.clientX, y: event.clientY };
      timer = window.setTimeout(() => {
        element.dataset.held = 'true';
        this.openMenu(postId, start);
      }, LONG_PRESS_MS);
    });
    element.addEventListener('pointermove', (event) => {
      if (Math.hypot(event.clientX - start.x, event.clientY - start.y) > HOLD_SLOP) cancel();
    });
    element.addEventListener('pointerup', cancel);
    element.addEventListener('pointercancel', cancel);
    element.addEventListener('touchend', (event) => {
      if (element.dataset.held !== 'true') return;
      delete element.dataset.held;
      event.preventDefault();
    });
  }

  /** Natter's message menu for a post: open it, flag it (choosing tactics first), or let it pass. */
  private openMenu(postId: string, at: { x: number; y: number }): void {
    const entry = this.items.get(postId);
    if (!entry) return;
    const { t } = this.ctx.translator;
    this.closeMenu?.();
    this.closeMenu = openPopupMenu(this.ctx.layer, {
      label: t('room.natter.menu'),
      at,
      opener: entry.hit.element,
      items: [
        { label: t('room.natter.menuOpen'), onChoose: () => this.options.open(postId, 'start') },
        { label: t('room.natter.menuFlag'), onChoose: () => this.options.open(postId) },
        { label: t('post.pass'), onChoose: () => this.options.pass(postId) },
      ],
    });
  }

  /** The post whose button (or one of whose controls) has focus, if any. */
  focusedPostId(): string | null {
    const active = document.activeElement;
    for (const [postId, entry] of this.items)
      if (active instanceof Node && entry.item.contains(active)) return postId;
    return null;
  }

  /** The scroll position that shows a post's top just below the top of the view. */
  stopAt(top: number): number {
    return Math.max(0, this.gap + top - (this.options.room.fullHeight ? 0 : REVEAL_MARGIN));
  }

  /** The stops of every made post, in order. */
  stops(): number[] {
    return [...this.places.values()].map((place) => this.stopAt(place.top));
  }

  /**
   * With a visible keyboard focus on a post still in view, the furthest the glide may
   * go: the post's top at the top of the view. Pointer focus draws no ring and holds
   * nothing, or a mouse player's feed would stop at the last post they decided.
   */
  focusedStop(position: number): number | null {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !active.matches(':focus-visible')) return null;
    for (const [postId, item] of this.items) {
      if (item.hit.element !== active) continue;
      const place = this.places.get(postId);
      if (!place || this.gap + place.top + place.height <= position) return null;
      return this.stopAt(place.top);
    }
    return null;
  }

  /**
   * Loopy snaps: where a wheel step or a finished drag comes to rest, the top of the
   * next post in its direction (or of the nearest one, for no direction).
   */
  private snapStop(position: number, direction: -1 | 0 | 1): number {
    const stops = this.stops();
    if (stops.length === 0) return position;
    if (direction > 0) return stops.find((stop) => stop > position + 1) ?? position;
    if (direction < 0) return [...stops].reverse().find((stop) => stop < position - 1) ?? 0;
    return stops.reduce((best, stop) =>
      Math.abs(stop - position) < Math.abs(best - position) ? stop : best,
    );
  }

  /** J and K: keyboard focus to the next or previous post (the first when none has it). */
  focusPost(step: 1 | -1): void {
    const buttons = [...this.items.values()].map((item) => item.hit.element);
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = current < 0 ? 0 : Math.min(buttons.length - 1, Math.max(0, current + step));
    buttons[next]?.focus();
  }

  focus(postId: string): void {
    this.items.get(postId)?.hit.element.focus();
  }

  /** Each post's button name and state, and the stamp on a decided post. */
  show(state: SessionState, level: Level, animate: boolean): void {
    const { translator } = this.ctx;
    const { t } = translator;
    const total = state.order.length;
    state.order.forEach((postId, index) => {
      const item = this.items.get(postId);
      if (!item) return;
      const answer = state.answers[postId];
      const name = authorName(level, item.post.author, translator.text);
      const status = answer
        ? isFlagged(answer)
          ? t('feed.statusFlagged')
          : t('feed.statusPassed')
        : t('feed.statusOpen');
      item.hit.setLabel(
        t('feed.postLabel', {
          index: index + 1,
          total,
          name,
          status,
          text: translator.text(item.post.text),
        }),
      );
      item.hit.setDisabled(false);
      item.hit.element.setAttribute('aria-disabled', String(Boolean(answer)));
      const stamp = answer
        ? {
            label: isFlagged(answer) ? t('feed.stampFlagged') : t('feed.stampPassed'),
            flagged: isFlagged(answer),
          }
        : null;
      this.cards.setStamp(postId, stamp, animate && Boolean(stamp));
    });
  }

  destroy(): void {
    this.alive = false;
    this.closeMenu?.();
    this.scroller.destroy();
    this.cards.destroy();
    this.items.clear();
  }
}
