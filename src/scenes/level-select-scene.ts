/**
 * The level list: the mode to play in, every valid level with its lock, stars and best,
 * and every broken file with what is wrong with it.
 */
import type { OverlayButton } from '../a11y/layer';
import type { Level } from '../core/level/schema';
import { MODES } from '../core/mode-names';
import { levelProgress, NO_STARS, type Stars, starCount, unlockedLevels } from '../core/progress';
import { decisionsIn } from '../core/resume';
import { answeredCount } from '../core/session';
import { savePreference } from '../services/preferences';
import { canvasButton } from '../ui/button';
import { button, el, openPanel } from '../ui/dialog';
import { fontPx, scaled } from '../ui/display';
import { drawFocusRing } from '../ui/focus-ring';
import { cameraScroller, type Scroller } from '../ui/scroller';
import { timerSelect } from '../ui/settings-panel';
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
    const picker = this.modePicker();
    Object.assign(picker.style, {
      position: 'absolute',
      left: `${x}px`,
      top: `${y}px`,
      width: `${cardWidth}px`,
    });
    list.append(picker);
    y += picker.getBoundingClientRect().height + GAP;

    const buttons: OverlayButton[] = [];
    const unlocked = unlockedLevels(
      content.levels.map((level) => level.id),
      progress.progress,
      this.ctx.allUnlocked,
    );
    // The session in hand, else the one saved for a reload: that level continues it.
    const inHand = this.ctx.play?.state.finished === false ? this.ctx.play.state : null;
    const pending = this.ctx.resume.pending;
    const unfinished = inHand
      ? { levelId: inHand.levelId, mode: inHand.mode, done: answeredCount(inHand) }
      : pending && { levelId: pending.levelId, mode: pending.mode, done: decisionsIn(pending) };
    content.levels.forEach((level, index) => {
      const saved = levelProgress(progress.progress, level.id);
      const locked = !unlocked.has(level.id);
      const stars = saved?.stars ?? NO_STARS;
      const style = PLATFORM_STYLES[level.platform];
      const contentTop = y;
      const top = HEADER + y;
      // The card is drawn under its texts once they are measured: it grows with the text size.
      const card = this.add.graphics();
      // Stars: filled and hollow shapes, so the count does not rest on colour alone.
      const starMarks = saved
        ? this.add
            .text(
              x + cardWidth - 16,
              top + 14,
              (['pass', 'discernment', 'allLures'] as const)
                .map((key) => (stars[key] ? '★' : '☆'))
                .join(''),
              { fontFamily: FONT_STACK, fontSize: fontPx(24), color: APP.accentCss },
            )
            .setOrigin(1, 0)
        : null;
      const name = this.add.text(
        x + 28,
        top + 14,
        `${index + 1}. ${this.ctx.translator.text(level.title)}`,
        {
          fontFamily: FONT_STACK,
          fontSize: fontPx(20),
          fontStyle: 'bold',
          color: APP.ink,
          wordWrap: wordWrapWithin(cardWidth - 48 - (starMarks ? starMarks.width + 8 : 0)),
          maxLines: 2,
        },
      );
      const platform = t(`platforms.${level.platform}.name`);
      const continues = !locked && unfinished?.levelId === level.id;
      const status = locked
        ? t('modes.levels.locked', { number: index })
        : continues
          ? t('modes.levels.continue', { mode: t(`modes.mode.${unfinished.mode}`) })
          : saved
            ? t('levels.best', {
                percent: Math.round(saved.bestPercent),
                points: this.ctx.translator.number(saved.bestPoints),
              }) + (saved.passed ? ` · ${t('levels.passed')}` : '')
            : t('levels.notPlayed');
      const starWords = this.starWords(stars);
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
        // Green only when the line says "passed", not over an unfinished attempt.
        color: saved?.passed && !continues ? APP.good : APP.inkDim,
        wordWrap: wordWrapWithin(cardWidth - 48),
      });
      let bottom = result.y + result.height;
      const startOver = continues ? { top: bottom + 10, height: Math.max(44, scaled(36)) } : null;
      if (startOver) bottom = startOver.top + startOver.height;
      const cardHeight = Math.max(CARD_HEIGHT, Math.ceil(bottom + 12 - top));
      // Locked: dimmed, and said in words ("Locked: …") on the card and to screen readers.
      card.setAlpha(locked ? 0.55 : 1);
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
          description: [platform, status, starWords].filter(Boolean).join('. '),
          onActivate: () => {
            if (locked) {
              this.ctx.layer.announce(status);
              return;
            }
            this.ctx.audio.play('button');
            this.goTo('feed', { levelId: level.id });
          },
          onFocus: () => this.scroller?.reveal(contentTop, cardHeight, h - HEADER),
        },
        item,
      );
      hit.element.dataset.key = `level-${level.id}`;
      // Still focusable, so a screen reader hears why it is locked.
      if (locked) hit.element.setAttribute('aria-disabled', 'true');
      hit.place({ x, y, width: cardWidth, height: cardHeight });
      drawFocusRing(this, hit.element, {
        rect: () => ({ x, y: top, width: cardWidth, height: cardHeight }),
        radius: 14,
      });
      buttons.push(hit);
      if (startOver && unfinished)
        this.startOverButton(level, index, unfinished, item, {
          x: x + 28,
          // Canvas and list coordinates differ by the header.
          top: startOver.top,
          listTop: startOver.top - HEADER,
          height: startOver.height,
          reveal: () => this.scroller?.reveal(contentTop, cardHeight, h - HEADER),
        });
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

    this.scroller = cameraScroller(this.cameras.main, () => this.drawing, {
      viewport,
      content: list,
    });
    this.scroller.setContentHeight(y, h - HEADER);
    buttons[0]?.element.focus({ preventScroll: true });
  }

  /**
   * "Start over" on the card of the level with an unfinished session: after the player
   * confirms, that session is forgotten and the level starts fresh in the mode chosen
   * above the list. Stars and best scores are progress, not session, and stay.
   */
  private startOverButton(
    level: Level,
    index: number,
    unfinished: { mode: string; done: number },
    item: HTMLElement,
    place: { x: number; top: number; listTop: number; height: number; reveal: () => void },
  ): void {
    const { t } = this;
    const width = Math.min(scaled(200), this.width - 2 * place.x);
    const restart = canvasButton(
      this,
      this.ctx.layer,
      {
        key: `restart-${level.id}`,
        x: place.x,
        y: place.top,
        width,
        height: place.height,
        label: t('restart.button'),
        fontSize: 16,
        onActivate: () => this.confirmStartOver(level, unfinished, restart.hit.element),
      },
      item,
    );
    // The visible words first in the name (WCAG 2.5.3), then which level.
    restart.hit.setLabel(t('restart.buttonFor', { number: index + 1 }));
    restart.hit.place({ x: place.x, y: place.listTop, width, height: place.height });
    restart.hit.element.addEventListener('focus', place.reveal);
  }

  private confirmStartOver(
    level: Level,
    unfinished: { mode: string; done: number },
    opener: HTMLElement,
  ): void {
    const { t } = this;
    const { layer, translator } = this.ctx;
    const cancel = () => {
      panel.close();
      opener.focus();
    };
    const panel = openPanel(
      layer,
      t('restart.title', { title: translator.text(level.title) }),
      cancel,
    );
    const newMode = this.ctx.sessionSetup?.mode ?? this.ctx.mode;
    panel.body.append(
      el(
        'p',
        t('restart.lose', {
          mode: t(`modes.mode.${unfinished.mode}`),
          done: unfinished.done,
          total: level.posts.length,
        }),
      ),
      el('p', t('restart.keep')),
      el('p', t('restart.newMode', { mode: t(`modes.mode.${newMode}`) })),
    );
    const actions = el('div', null, 'row');
    const keep = button(t('restart.cancel'), cancel);
    const confirm = button(
      t('restart.confirm'),
      () => {
        panel.close();
        this.startOver(level.id);
      },
      'primary',
    );
    actions.append(confirm, keep);
    panel.body.append(actions);
    // Losing an attempt is not undone: the safe choice has focus.
    keep.focus();
  }

  /** Forgets the level's unfinished session (in hand and saved) and opens it anew. */
  private startOver(levelId: string): void {
    const { ctx } = this;
    ctx.sessions.abandonPlay(levelId);
    ctx.audio.play('button');
    this.goTo('feed', { levelId });
  }

  /** "Stars: 2 of 3. pass mark reached, sharp eye." for the level's description. */
  private starWords(stars: Stars): string {
    const { t } = this;
    const count = starCount(stars);
    if (count === 0) return '';
    const names = (['pass', 'discernment', 'allLures'] as const)
      .filter((key) => stars[key])
      .map((key) => t(`modes.star.${key}`));
    return `${t('modes.levels.stars', { count })}: ${names.join(', ')}`;
  }

  /** Radio buttons for the mode levels start in, and the Challenge timer setting. */
  private modePicker(): HTMLElement {
    const { t } = this;
    const { store, translator } = this.ctx;
    const box = el('div', null, 'overlay-panel mode-picker');
    box.setAttribute('role', 'listitem');
    const group = el('fieldset');
    group.append(el('legend', t('modes.choose')));
    for (const mode of MODES) {
      const label = el('label', null, 'mode-option');
      const radio = el('input');
      radio.type = 'radio';
      radio.name = 'mode';
      radio.value = mode;
      radio.checked = mode === this.ctx.mode;
      radio.dataset.key = `mode-${mode}`;
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        this.ctx.mode = mode;
        savePreference(store, 'mode', mode);
      });
      const words = el('span');
      words.append(el('strong', t(`modes.mode.${mode}`)), ` – ${t(`modes.modeHelp.${mode}`)}`);
      label.append(radio, words);
      group.append(label);
    }
    box.append(group, timerSelect(translator, store, 'levels-timer'));
    return box;
  }

  protected override teardown(): void {
    this.scroller?.destroy();
    this.scroller = null;
  }
}
