/**
 * One post in the feed, drawn in the platform's style. It only draws what it is
 * given: the scene prepares every string through i18next. FeedList draws it once into
 * a texture and shows that, so its shapes and texts are not redrawn every frame.
 */
import Phaser from 'phaser';
import { cssHex, inkOn } from './colour';
import { fontPx, scaled, textScaleFactor } from './display';
import { wordWrapWithin } from './text-wrap';
import { avatarColour, FONT_STACK, type PlatformStyle } from './theme';

export interface PostCardView {
  name: string;
  initials: string;
  handle: string;
  verified: boolean;
  /** e.g. "12 min ago · Heritage & History Club" */
  meta: string;
  /** e.g. "Sponsored" for ads, or the group name for chats. */
  badge: string | null;
  text: string;
  /** The post has a picture (or a video, drawn taller): FeedList shows it in mediaBox. */
  media: { video: boolean } | null;
  link: { title: string; domain: string } | null;
  engagement: string;
}

export type Stamp = { label: string; flagged: boolean } | null;

/** Scene event with a freshly laid-out PostCard, before it is drawn into its texture. */
export const CARD_LAID_OUT = 'post-card-laid-out';

const PADDING = 16;

export class PostCard extends Phaser.GameObjects.Container {
  readonly cardHeight: number;
  /** Where the picture goes, in card coordinates; null without media. */
  readonly mediaBox: { x: number; y: number; width: number; height: number } | null = null;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    readonly cardWidth: number,
    view: PostCardView,
    style: PlatformStyle,
  ) {
    super(scene, x, y);
    const inner = cardWidth - PADDING * 2;
    // The avatar grows with the text scale, so the name and handle beside it keep their room.
    const AVATAR = scaled(40);
    // Name, handle and link lines: one line with an ellipsis, or two at a larger text size.
    const shortLines = textScaleFactor() > 1 ? 2 : 1;
    const background = scene.add.graphics();
    this.add(background);

    const avatar = scene.add.graphics();
    const avatarFill = avatarColour(view.handle);
    avatar.fillStyle(avatarFill, 1);
    avatar.fillCircle(PADDING + AVATAR / 2, PADDING + AVATAR / 2, AVATAR / 2);
    this.add(avatar);
    this.add(
      scene.add
        .text(PADDING + AVATAR / 2, PADDING + AVATAR / 2, view.initials, {
          fontFamily: FONT_STACK,
          fontSize: fontPx(16),
          fontStyle: 'bold',
          color: inkOn(cssHex(avatarFill)),
        })
        .setOrigin(0.5),
    );

    const nameX = PADDING + AVATAR + 12;
    const nameText = scene.add.text(nameX, PADDING, view.name, {
      fontFamily: FONT_STACK,
      fontSize: fontPx(16),
      fontStyle: 'bold',
      color: style.cardInk,
      // One line, leaving room for the verified tick.
      wordWrap: wordWrapWithin(inner - AVATAR - 12 - (view.verified ? 24 : 0)),
      maxLines: shortLines,
    });
    this.add(nameText);
    if (view.verified) {
      const tick = scene.add.graphics();
      const tx = nameX + nameText.width + 12;
      const ty = PADDING + nameText.height / 2;
      tick.fillStyle(0x1c7ed6, 1).fillCircle(tx, ty, 8);
      tick.lineStyle(2, 0xffffff, 1).beginPath();
      tick
        .moveTo(tx - 4, ty)
        .lineTo(tx - 1, ty + 3)
        .lineTo(tx + 4, ty - 3)
        .strokePath();
      this.add(tick);
    }
    const meta = scene.add.text(
      nameX,
      PADDING + nameText.height + 2,
      `${view.handle} · ${view.meta}`,
      {
        fontFamily: FONT_STACK,
        fontSize: fontPx(13),
        color: style.cardInkDim,
        wordWrap: wordWrapWithin(inner - AVATAR - 12),
        maxLines: shortLines,
      },
    );
    this.add(meta);

    let cursor = Math.max(PADDING + AVATAR, meta.y + meta.height) + 12;
    if (view.badge) {
      const badge = scene.add.text(PADDING, cursor, view.badge, {
        fontFamily: FONT_STACK,
        fontSize: fontPx(12),
        fontStyle: 'bold',
        color: style.accentInk,
        backgroundColor: style.accentCss,
        padding: { x: 8, y: 3 },
      });
      this.add(badge);
      cursor += badge.height + 8;
    }

    const body = scene.add.text(PADDING, cursor, view.text, {
      fontFamily: FONT_STACK,
      fontSize: fontPx(17),
      color: style.cardInk,
      lineSpacing: 4,
      wordWrap: wordWrapWithin(inner),
    });
    this.add(body);
    cursor += body.height + 12;

    if (view.media) {
      // The picture itself is drawn over this frame by src/pictures (FeedList places it).
      const mediaHeight = Math.round(view.media.video ? Math.min(inner * 1.25, 460) : inner * 0.6);
      this.mediaBox = { x: PADDING, y: cursor, width: inner, height: mediaHeight };
      const frame = scene.add.graphics();
      frame.fillStyle(view.media.video ? style.video : style.image, 1);
      frame.fillRect(PADDING, cursor, inner, mediaHeight);
      this.add(frame);
      cursor += mediaHeight + 12;
    }

    if (view.link) {
      const title = scene.add.text(PADDING + 12, cursor + 8, view.link.title, {
        fontFamily: FONT_STACK,
        fontSize: fontPx(14),
        fontStyle: 'bold',
        color: style.cardInk,
        wordWrap: wordWrapWithin(inner - 24),
        maxLines: shortLines,
      });
      const domain = scene.add.text(PADDING + 12, title.y + title.height + 4, view.link.domain, {
        fontFamily: FONT_STACK,
        fontSize: fontPx(13),
        color: style.cardInkDim,
        wordWrap: wordWrapWithin(inner - 24),
        maxLines: shortLines,
      });
      const boxHeight = domain.y + domain.height + 8 - cursor;
      const box = scene.add.graphics();
      box.lineStyle(1, style.linkBorder, 1);
      box.strokeRoundedRect(PADDING, cursor, inner, boxHeight, 8);
      this.add([box, title, domain]);
      cursor += boxHeight + 12;
    }

    const engagement = scene.add.text(PADDING, cursor, view.engagement, {
      fontFamily: FONT_STACK,
      fontSize: fontPx(13),
      color: style.cardInkDim,
      wordWrap: wordWrapWithin(inner),
    });
    this.add(engagement);
    cursor += engagement.height + PADDING;

    this.cardHeight = cursor;
    background.fillStyle(style.card, 1);
    background.fillRoundedRect(0, 0, cardWidth, cursor, style.radius);
    background
      .lineStyle(style.borderAlpha === 1 ? 2 : 1, style.border, style.borderAlpha)
      .strokeRoundedRect(0, 0, cardWidth, cursor, style.radius);
    scene.add.existing(this);
    // Cards are baked into textures right after this, so this is the moment a test can
    // measure that every text stays inside the card. Free when nobody listens.
    scene.events.emit(CARD_LAID_OUT, this);
  }
}
