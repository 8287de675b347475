/**
 * What a platform's "room" gives the feed scene: its chrome around the feed, and how
 * one post looks in it. The scene keeps everything the platforms share (the session,
 * the glide, focus, the accessible layer, the header and the timer).
 */
import type Phaser from 'phaser';
import type { Level, Post } from '../../core/level/schema';
import type { Translator } from '../../services/i18n';
import type { PlatformStyle } from '../../ui/theme';
import type { BarColours } from './draw';
import type { MediaBox } from './media-slot';

export interface RoomContext {
  scene: Phaser.Scene;
  level: Level;
  translator: Translator;
  style: PlatformStyle;
}

/**
 * One post, laid out: `view` is drawn once into a texture (see ui/feed-list.ts), and
 * each media box, in the post's own coordinates, is drawn live over it (or under it,
 * for a video that fills the post and carries the overlays).
 */
export interface PostLayout {
  view: Phaser.GameObjects.Container;
  height: number;
  media: { box: MediaBox; under: boolean }[];
  /**
   * Where a post drawn over its picture holds anything (its chrome), in post
   * coordinates; the rest of its texture is transparent. Only these parts are drawn:
   * a software renderer pays for every pixel of a transparent layer (docs/performance.md).
   * Absent: the whole post.
   */
  content?: readonly MediaBox[];
  /**
   * Controls drawn on the post that do something in the game, in post coordinates:
   * each gets a real button over its drawing (see scenes/feed/feed-posts.ts). What
   * only looks like the app (likes, shares, tab bars) is not listed: it is scenery.
   */
  controls?: readonly PostControl[];
}

/** `comments`: opens the post at its comments, which are evidence in this game. */
export interface PostControl {
  kind: 'comments';
  box: MediaBox;
}

export interface FeedArea {
  /** Where the feed's area starts below the game's header, and its size. */
  top: number;
  width: number;
  height: number;
}

export interface PlatformRoom {
  /** Space between two posts. */
  gap: number;
  /** One post fills the view, and scrolling snaps from one to the next. */
  fullHeight: boolean;
  /**
   * A long press, a right click or Shift+F10 on a post opens its message menu (Open,
   * Flag, Looks genuine), as in a messenger; without it they open the post.
   */
  messageMenu?: boolean;
  /** The phone status line's colours above everything. */
  status(): BarColours;
  /** The posts' width in a feed area this wide. */
  postWidth(area: FeedArea): number;
  /**
   * Draws the app's own bars (fixed, not scrolling); returns the room they take above
   * and below the feed. `posts` are the feed's posts in order.
   */
  chrome(
    room: RoomContext,
    area: FeedArea,
    posts: readonly Post[],
  ): { top: number; bottom: number };
  /**
   * Draws what scrolls above the first post (Buzzline's trending list) at content y 0;
   * returns its height. Optional.
   */
  intro?(room: RoomContext, x: number, y: number, width: number, posts: readonly Post[]): number;
  /** Lays out one post; `previous` is the post above it in the feed, if any. */
  layoutPost(
    room: RoomContext,
    post: Post,
    previous: Post | null,
    size: { width: number; height: number },
  ): PostLayout;
}
