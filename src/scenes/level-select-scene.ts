/** The level list: every valid level, and every broken file with what is wrong with it. */
import type { OverlayButton } from '../a11y/layer';
import { canvasButton } from '../ui/button';
import { el } from '../ui/dialog';
import { fontPx } from '../ui/display';
import { drawFocusRing } from '../ui/focus-ring';
import { reducedMotion } from '../ui/motion';
import { Scroller } from '../ui/scroller';
import { shrinkToFit, wordWrapWithin } from '../ui/text-wrap';
import { APP, FONT_STACK, PLATFORM_STYLES } from '../ui/theme';
import { BaseScene } from './base-scene';

const HEADER = 76;
const CARD_HEIGHT = 96;
const GAP = 12;

export class LevelSelectScene extends BaseScene {
  private scroller: Scroller | null = null;

  constructor() {
    super('levels');
  }

  protected build(): void {
    const { layer, content, progress } = this.ctx;
    const { t } = this;
    const w = this.width;
    const h = this.height;
    this.setBackground(APP.background);

    const { viewport, list } = layer.scrollingList(HEADER, t('levels.title'));

    // Header: fixed above the scrolling list.
    const header = this.add.graphics().setScrollFactor(0).setDepth(10);
    header.fillStyle(APP.panel, 1).fillRect(0, 0, w, HEADER);
    layer.heading(t('levels.title'));
    const title = this.add
      .text(w / 2, HEADER / 2, t('levels.title'), {
        fontFamily: FONT_STACK,
        fontSize: fontPx(24),
        fontStyle: 'bold',
        color: APP.ink,
      })
      .setOrigin(0.5)
      .setScrollFactor(0)
      .setDepth(11);
    // Centred on the screen, unless that would put it under the back button (x 12-108):
    // then centred in the space right of it, and smaller if it must.
    const clearOfBack = 120;
    if (title.width > w - 2 * clearOfBack) {
      title.setX((clearOfBack + w - 12) / 2);
      shrinkToFit(title, w - clearOfBack - 12, HEADER);
    }
    const back = canvasButton(this, layer, {
      key: 'back',
      x: 12,
      y: 14,
      width: 96,
      height: 48,
      label: t('common.back'),
      onActivate: () => this.goTo('title'),
    });
    back.view.setScrollFactor(0).setDepth(11);
    back.ring.setScrollFactor(0).setDepth(12);

    const cardWidth = Math.min(640, w - 24);
    const x = (w - cardWidth) / 2;
    let y = GAP;
    const buttons: OverlayButton[] = [];
    content.levels.forEach((level, index) => {
      const saved = progress.progress.levels[level.id];
      const style = PLATFORM_STYLES[level.platform];
      const contentTop = y;
      const top = HEADER + y;
      // The card is drawn under its texts once they are measured: it grows with the text size.
      const card = this.add.graphics();
      const name = this.add.text(
        x + 28,
        top + 14,
        `${index + 1}. ${this.ctx.translator.text(level.title)}`,
        {
          fontFamily: FONT_STACK,
          fontSize: fontPx(20),
          fontStyle: 'bold',
          color: APP.ink,
          wordWrap: wordWrapWithin(cardWidth - 48),
          maxLines: 2,
        },
      );
      const platform = t(`platforms.${level.platform}.name`);
      const status = saved
        ? t('levels.best', {
            percent: Math.round(saved.bestPercent),
            points: this.ctx.translator.number(saved.bestPoints),
          }) + (saved.passed ? ` · ${t('levels.passed')}` : '')
        : t('levels.notPlayed');
      const about = this.add.text(
        x + 28,
        name.y + name.height + 6,
        `${platform} · ${t('levels.posts', { count: level.posts.length })}`,
        {
          fontFamily: FONT_STACK,
          fontSize: fontPx(15),
          color: APP.inkDim,
          wordWrap: wordWrapWithin(cardWidth - 48),
        },
      );
      const result = this.add.text(x + 28, about.y + about.height + 4, status, {
        fontFamily: FONT_STACK,
        fontSize: fontPx(14),
        color: saved?.passed ? APP.good : APP.inkDim,
        wordWrap: wordWrapWithin(cardWidth - 48),
      });
      const cardHeight = Math.max(CARD_HEIGHT, Math.ceil(result.y + result.height + 12 - top));
      card.fillStyle(APP.panel, 1).fillRoundedRect(x, top, cardWidth, cardHeight, 14);
      if (APP.panel === APP.background)
        card.lineStyle(2, APP.buttonBorder, 1).strokeRoundedRect(x, top, cardWidth, cardHeight, 14);
      card
        .fillStyle(style.accent, 1)
        .fillRoundedRect(x, top, 10, cardHeight, { tl: 14, bl: 14, tr: 0, br: 0 });
      const item = el('div');
      item.setAttribute('role', 'listitem');
      list.append(item);
      const hit = layer.button(
        {
          label: t('levels.open', {
            number: index + 1,
            title: this.ctx.translator.text(level.title),
          }),
          description: `${platform}. ${status}`,
          onActivate: () => {
            this.ctx.audio.play('button');
            this.goTo('feed', { levelId: level.id });
          },
          onFocus: () => this.scroller?.reveal(contentTop, cardHeight, h - HEADER),
        },
        item,
      );
      hit.element.dataset.key = `level-${level.id}`;
      hit.place({ x, y, width: cardWidth, height: cardHeight });
      drawFocusRing(this, hit.element, {
        rect: () => ({ x, y: top, width: cardWidth, height: cardHeight }),
        radius: 14,
      });
      buttons.push(hit);
      y += cardHeight + GAP;
    });

    // Broken files: DOM, so long messages wrap and can be selected and copied.
    for (const broken of content.broken) {
      const box = el('div', null, 'broken-level');
      box.setAttribute('role', 'listitem');
      box.append(el('strong', t('levels.broken', { file: broken.file })));
      const lines = el('ul');
      for (const message of broken.messages.slice(0, 8)) lines.append(el('li', message));
      if (broken.messages.length > 8)
        lines.append(el('li', t('levels.moreProblems', { count: broken.messages.length - 8 })));
      box.append(lines);
      Object.assign(box.style, {
        position: 'absolute',
        left: `${x}px`,
        top: `${y}px`,
        width: `${cardWidth}px`,
      });
      list.append(box);
      y += box.getBoundingClientRect().height + GAP;
    }

    this.scroller = new Scroller(
      {
        viewport,
        content: list,
        onScroll: (scrollY) => {
          // A late focus or fling may arrive after the scene stopped (e.g. browser Back).
          if (!this.sys.isActive()) return;
          this.cameras.main.scrollY = scrollY;
        },
      },
      () => !reducedMotion(),
    );
    this.scroller.setContentHeight(y, h - HEADER);
    buttons[0]?.element.focus({ preventScroll: true });
  }

  protected override teardown(): void {
    this.scroller?.destroy();
    this.scroller = null;
  }
}
