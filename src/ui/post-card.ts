/**
 * One post in the feed, drawn in the platform's style. It only draws what it is
 * given: the scene prepares every string through i18next. FeedList draws it once into
 * a texture and shows that, so its shapes and texts are not redrawn every frame.
 */
import Phaser from 'phaser';
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
  media: { label: string; description: string; video: boolean } | null;
  link: { title: string; domain: string } | null;
  engagement: string;
}

export type Stamp = { label: string; flagged: boolean } | null;

/** Scene event with a freshly laid-out PostCard, before it is drawn into its texture. */
export const CARD_LAID_OUT = 'post-card-laid-out';

const PADDING = 16;
const AVATAR = 40;

export class PostCard extends Phaser.GameObjects.Container {
  readonly cardHeight: number;

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
    const background = scene.add.graphics();
    this.add(background);

    const avatar = scene.add.graphics();
    avatar.fillStyle(avatarColour(view.handle), 1);
    avatar.fillCircle(PADDING + AVATAR / 2, PADDING + AVATAR / 2, AVATAR / 2);
    this.add(avatar);
    this.add(
      scene.add
        .text(PADDING + AVATAR / 2, PADDING + AVATAR / 2, view.initials, {
          fontFamily: FONT_STACK,
          fontSize: '16px',
          fontStyle: 'bold',
          color: '#ffffff',
        })
        .setOrigin(0.5),
    );

    const nameX = PADDING + AVATAR + 12;
    const nameText = scene.add.text(nameX, PADDING, view.name, {
      fontFamily: FONT_STACK,
      fontSize: '16px',
      fontStyle: 'bold',
      color: style.cardInk,
      // One line, leaving room for the verified tick.
      wordWrap: wordWrapWithin(inner - AVATAR - 12 - (view.verified ? 24 : 0)),
      maxLines: 1,
    });
    this.add(nameText);
    if (view.verified) {
      const tick = scene.add.graphics();
      const tx = nameX + nameText.width + 12;
      tick.fillStyle(0x1c7ed6, 1).fillCircle(tx, PADDING + 10, 8);
      tick.lineStyle(2, 0xffffff, 1).beginPath();
      tick
        .moveTo(tx - 4, PADDING + 10)
        .lineTo(tx - 1, PADDING + 13)
        .lineTo(tx + 4, PADDING + 7)
        .strokePath();
      this.add(tick);
    }
    this.add(
      scene.add.text(nameX, PADDING + 22, `${view.handle} · ${view.meta}`, {
        fontFamily: FONT_STACK,
        fontSize: '13px',
        color: style.cardInkDim,
        wordWrap: wordWrapWithin(inner - AVATAR - 12),
        maxLines: 1,
      }),
    );

    let cursor = PADDING + AVATAR + 12;
    if (view.badge) {
      const badge = scene.add.text(PADDING, cursor, view.badge, {
        fontFamily: FONT_STACK,
        fontSize: '12px',
        fontStyle: 'bold',
        color: '#ffffff',
        backgroundColor: style.accentCss,
        padding: { x: 8, y: 3 },
      });
      this.add(badge);
      cursor += badge.height + 8;
    }

    const body = scene.add.text(PADDING, cursor, view.text, {
      fontFamily: FONT_STACK,
      fontSize: '17px',
      color: style.cardInk,
      lineSpacing: 4,
      wordWrap: wordWrapWithin(inner),
    });
    this.add(body);
    cursor += body.height + 12;

    if (view.media) {
      const ink = view.media.video ? '#e9ecef' : '#243b6b';
      const label = scene.add.text(PADDING + 12, cursor + 10, view.media.label, {
        fontFamily: FONT_STACK,
        fontSize: '12px',
        fontStyle: 'bold',
        color: ink,
      });
      const description = scene.add.text(PADDING + 12, cursor + 30, view.media.description, {
        fontFamily: FONT_STACK,
        fontSize: '14px',
        fontStyle: 'italic',
        color: ink,
        wordWrap: wordWrapWithin(inner - (view.media.video ? 70 : 24)),
        maxLines: 6,
      });
      // Videos get a tall frame like the platform's vertical clips; images fit their caption.
      const mediaHeight = Math.max(view.media.video ? 150 : 64, description.height + 44);
      const frame = scene.add.graphics();
      frame.fillStyle(view.media.video ? 0x2b2140 : 0xdbe4ff, 1);
      frame.fillRoundedRect(PADDING, cursor, inner, mediaHeight, Math.min(style.radius, 12));
      if (view.media.video) {
        frame.fillStyle(0xffffff, 0.9).fillCircle(PADDING + inner - 34, cursor + 30, 18);
        frame
          .fillStyle(0x2b2140, 1)
          .fillTriangle(
            PADDING + inner - 40,
            cursor + 20,
            PADDING + inner - 40,
            cursor + 40,
            PADDING + inner - 24,
            cursor + 30,
          );
      }
      this.add([frame, label, description]);
      cursor += mediaHeight + 12;
    }

    if (view.link) {
      const box = scene.add.graphics();
      box.lineStyle(1, 0xadb5bd, 1).strokeRoundedRect(PADDING, cursor, inner, 54, 8);
      this.add(box);
      this.add(
        scene.add.text(PADDING + 12, cursor + 8, view.link.title, {
          fontFamily: FONT_STACK,
          fontSize: '14px',
          fontStyle: 'bold',
          color: style.cardInk,
          wordWrap: wordWrapWithin(inner - 24),
          maxLines: 1,
        }),
      );
      this.add(
        scene.add.text(PADDING + 12, cursor + 30, view.link.domain, {
          fontFamily: FONT_STACK,
          fontSize: '13px',
          color: style.cardInkDim,
        }),
      );
      cursor += 54 + 12;
    }

    this.add(
      scene.add.text(PADDING, cursor, view.engagement, {
        fontFamily: FONT_STACK,
        fontSize: '13px',
        color: style.cardInkDim,
      }),
    );
    cursor += 18 + PADDING;

    this.cardHeight = cursor;
    background.fillStyle(style.card, 1);
    background.fillRoundedRect(0, 0, cardWidth, cursor, style.radius);
    background
      .lineStyle(1, 0x000000, 0.08)
      .strokeRoundedRect(0, 0, cardWidth, cursor, style.radius);
    scene.add.existing(this);
    // Cards are baked into textures right after this, so this is the moment a test can
    // measure that every text stays inside the card. Free when nobody listens.
    scene.events.emit(CARD_LAID_OUT, this);
  }
}
