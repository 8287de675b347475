/**
 * The one place a post's picture or video is drawn. For now it draws what the game has
 * always drawn, the description in a box; the picture renderer will draw the picture
 * here (same signature), so every platform's layout gets it at once.
 */
import type Phaser from 'phaser';
import type { Post } from '../../core/level/schema';
import { fontPx } from '../../ui/display';
import { wordWrapWithin } from '../../ui/text-wrap';
import { FONT_STACK, PLATFORM_STYLES } from '../../ui/theme';

export interface MediaBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MediaOptions {
  /** Video may move (pan, zoom, captions); false for pictures and still frames. */
  animated: boolean;
  reducedMotion: boolean;
}

/** A container at the box's top-left corner, its contents in the box's own coordinates. */
export function drawMedia(
  scene: Phaser.Scene,
  post: Post,
  language: string,
  box: MediaBox,
  options: MediaOptions,
): Phaser.GameObjects.Container {
  void options;
  const container = scene.add.container(box.x, box.y);
  // Every platform shares the media colours (and their high-contrast swap).
  const style = PLATFORM_STYLES.messenger;
  const video = post.kind === 'video';
  const frame = scene.add.graphics();
  frame.fillStyle(video ? style.video : style.image, 1).fillRect(0, 0, box.width, box.height);
  frame.lineStyle(1, style.linkBorder, style.borderAlpha).strokeRect(0, 0, box.width, box.height);
  container.add(frame);
  const description = post.media ? (post.media[language] ?? Object.values(post.media)[0]) : '';
  const size = 14;
  const lineHeight = Number.parseFloat(fontPx(size)) * 1.3;
  const lines = Math.floor((box.height * (box.height > box.width ? 0.5 : 1) - 16) / lineHeight);
  if (description && lines > 0 && box.width > 60) {
    // A tall frame (a full-screen video) keeps the words clear of the app's top bar.
    const top = box.height > box.width ? Math.round(box.height * 0.2) : 8;
    const text = scene.add.text(10, top, description, {
      fontFamily: FONT_STACK,
      fontSize: fontPx(size),
      fontStyle: 'italic',
      color: video ? style.videoInk : style.imageInk,
      wordWrap: wordWrapWithin(box.width - 20),
      maxLines: lines,
    });
    container.add(text);
  }
  if (video) {
    const r = Math.min(22, box.width / 6, box.height / 6);
    const cx = box.width / 2;
    const cy = box.height / 2;
    frame.fillStyle(0xffffff, 0.85).fillCircle(cx, cy, r);
    frame
      .fillStyle(0x2b2140, 1)
      .fillTriangle(cx - r * 0.35, cy - r * 0.5, cx - r * 0.35, cy + r * 0.5, cx + r * 0.55, cy);
  }
  return container;
}
