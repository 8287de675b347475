/** The title screen: name, Play, Settings and a language picker. */
import Phaser from 'phaser';
import { decisionsIn } from '../core/resume';
import { canvasButton } from '../ui/button';
import { el } from '../ui/dialog';
import { fontPx, scaled, textScaleFactor } from '../ui/display';
import { openHelp } from '../ui/help-panel';
import { reducedMotion } from '../ui/motion';
import { languageSelect, openSettings } from '../ui/settings-panel';
import { drawnBySoftware } from '../ui/software-rendering';
import { shrinkToFit, wordWrapWithin } from '../ui/text-wrap';
import { APP, FONT_STACK } from '../ui/theme';
import { BaseScene } from './base-scene';

/** The backdrop's faint cards: one width, five heights. */
const BACKDROP_CARD_WIDTH = 200;
const BACKDROP_CARD_HEIGHTS = [90, 110, 130, 150, 170];

export class TitleScene extends BaseScene {
  protected override readonly needsContent = false;
  private backdropTimer: Phaser.Time.TimerEvent | null = null;
  private startBackdrop: (() => void) | null = null;

  constructor() {
    super('title');
  }

  protected build(): void {
    const { layer, translator, progress } = this.ctx;
    const { t } = this;
    const w = this.width;
    const h = this.height;
    this.setBackground(APP.background);
    // Decoration comes 100 ms after the title and its buttons are on screen. The timer
    // starts on the next frame: started here, it would count the long frame that builds
    // the title and run in the frame after it.
    this.backdropTimer?.remove();
    if (this.startBackdrop) this.events.off(Phaser.Scenes.Events.UPDATE, this.startBackdrop);
    this.startBackdrop = () => {
      this.startBackdrop = null;
      this.backdropTimer = this.time.delayedCall(100, () => this.drawBackdrop(w));
    };
    this.events.once(Phaser.Scenes.Events.UPDATE, this.startBackdrop);

    layer.heading(t('title.name'));
    // Top to bottom: name, tagline, Play, then Settings and Keys side by side. Centred
    // when it all fits; from the top when a large text size makes it taller.
    const titleSize = Math.min(scaled(64), Math.floor(w / 8) * textScaleFactor());
    const title = this.add
      .text(w / 2, 0, t('title.name'), {
        fontFamily: FONT_STACK,
        fontSize: `${Math.round(titleSize)}px`,
        fontStyle: 'bold',
        color: APP.accentCss,
        align: 'center',
      })
      .setOrigin(0.5, 0);
    shrinkToFit(title, w - 32, Number.POSITIVE_INFINITY);
    const tagline = this.add
      .text(w / 2, 0, t('title.tagline'), {
        fontFamily: FONT_STACK,
        fontSize: fontPx(18),
        color: APP.ink,
        align: 'center',
        wordWrap: wordWrapWithin(Math.min(scaled(520), w - 32)),
      })
      .setOrigin(0.5, 0);
    const buttonWidth = Math.min(scaled(320), w - 48);
    const playHeight = Math.max(60, scaled(44));
    const rowHeight = Math.max(52, scaled(36));
    const footerRoom = scaled(150);
    // An unfinished level: one press goes back to the same post (see FeedScene.ensurePlay).
    const pending = this.ctx.resume.pending;
    const resumeLevel =
      pending && this.ctx.hasContent()
        ? this.ctx.content.levels.find((level) => level.id === pending.levelId)
        : undefined;
    // The title does not wait for the levels; once they are in, it offers to continue.
    if (pending && !this.ctx.hasContent())
      this.ctx.contentReady.then(
        () => this.rebuild(),
        // Levels that fail to load are reported by the level list; Play still works.
        () => {},
      );
    const continueRoom = resumeLevel ? playHeight + 16 : 0;
    const stack =
      title.height + 12 + tagline.height + 28 + playHeight + 16 + continueRoom + rowHeight;
    const start = Math.max(16, Math.min(h * 0.24 - title.height / 2, h - footerRoom - stack));
    title.setY(start);
    tagline.setY(start + title.height + 12);
    const x = (w - buttonWidth) / 2;
    const top = tagline.y + tagline.height + 28;
    const play = canvasButton(this, layer, {
      key: 'play',
      x,
      y: top,
      width: buttonWidth,
      height: playHeight,
      label: t('title.play'),
      primary: true,
      onActivate: () => {
        this.ctx.audio.play('button');
        // Music starts with the first decision to play, never on its own.
        this.ctx.audio.startMusic();
        this.goTo('levels');
      },
    });
    let below = top + playHeight + 16;
    if (pending && resumeLevel) {
      const done = decisionsIn(pending);
      canvasButton(this, layer, {
        key: 'continue',
        x,
        y: below,
        width: buttonWidth,
        // Taller than Settings: its label names the level and may take two lines.
        height: playHeight,
        label: t('modes.resume.continue', {
          title: translator.text(resumeLevel.title),
          done,
          total: resumeLevel.posts.length,
        }),
        onActivate: () => {
          this.ctx.audio.play('button');
          this.ctx.audio.startMusic();
          this.goTo('feed', { levelId: resumeLevel.id });
        },
      });
      below += playHeight + 16;
    }
    const halfWidth = (buttonWidth - 12) / 2;
    canvasButton(this, layer, {
      key: 'settings',
      x,
      y: below,
      width: halfWidth,
      height: rowHeight,
      label: t('title.settings'),
      onActivate: () => {
        this.ctx.audio.play('button');
        openSettings(layer, translator, this.ctx.audio, this.ctx.store, () =>
          play.hit.element.focus(),
        );
      },
    });
    canvasButton(this, layer, {
      key: 'help',
      x: x + halfWidth + 12,
      y: below,
      width: halfWidth,
      height: rowHeight,
      label: t('a11y.help.open'),
      onActivate: () => {
        this.ctx.audio.play('button');
        openHelp(layer, translator);
      },
    });

    const footer = layer.adopt(el('div', null, 'overlay-panel'));
    footer.style.top = `${below + rowHeight + 20}px`;
    footer.style.width = `${buttonWidth + 36}px`;
    footer.append(languageSelect(translator, this.ctx.store, 'title-language'));
    // Trainers write their own levels in the editor, a page of its own.
    const editor = el('a', t('title.editor'), 'title-link');
    editor.href = `?editor${location.search.includes('lang=') ? `&lang=${translator.language()}` : ''}`;
    footer.append(editor);
    if (!this.ctx.store.persistent) {
      const notice = el('p', t('title.storageUnavailable'), 'notice');
      notice.setAttribute('role', 'status');
      footer.append(notice);
    }
    if (progress.loaded === 'corrupt' || progress.loaded === 'too-new') {
      const notice = el('p', t(`title.progress.${progress.loaded}`), 'notice');
      notice.setAttribute('role', 'status');
      footer.append(notice);
    }
    const resumeLoaded = this.ctx.resume.loaded;
    if (resumeLoaded === 'corrupt' || resumeLoaded === 'too-new') {
      const notice = el('p', t(`modes.resume.${resumeLoaded}`), 'notice');
      notice.setAttribute('role', 'status');
      footer.append(notice);
    }
  }

  /**
   * Faint cards drifting upward (still under reduced motion and on a software
   * renderer): a feed behind the title. Each is an image of one of five card shapes
   * drawn once per game, so a frame moves images instead of re-tessellating shapes.
   */
  private drawBackdrop(w: number): void {
    const cards = this.backdropCards();
    const columns = Math.max(2, Math.ceil(w / 260));
    for (let c = 0; c < columns; c++) {
      for (let r = 0; r < 5; r++) {
        const shape = (c * 7 + r * 13) % BACKDROP_CARD_HEIGHTS.length;
        const x = c * (w / columns) + 20;
        const y = r * 180 + (c % 2) * 90;
        // Behind the title: it comes a frame later, so it is added after it.
        const card = this.add
          .image(x, y, cards, shape)
          .setOrigin(0, 0)
          .setDepth(-1)
          .setName('decoration');
        // Still on a software renderer: moving, it kept the CPU drawing every frame.
        if (!reducedMotion() && !drawnBySoftware(this.game))
          this.tweens.add({
            targets: card,
            y: y - 180,
            duration: 9000,
            repeat: -1,
            ease: 'Linear',
          });
      }
    }
  }

  /**
   * The backdrop's card shapes, one frame each (0, 1, …) of one small canvas texture:
   * like the buttons' faces (ui/button.ts), a 2D canvas costs the title less than a
   * render target per shape did (their framebuffers and drawing took about 80 ms of a
   * frame with the CPU slowed 4x, measured).
   */
  private backdropCards(): string {
    const key = 'title-backdrop';
    if (this.textures.exists(key)) return key;
    const gap = 2;
    const height = BACKDROP_CARD_HEIGHTS.reduce((sum, cardHeight) => sum + cardHeight + gap, 0);
    const texture = this.textures.createCanvas(key, BACKDROP_CARD_WIDTH, height);
    const context = texture?.getContext();
    if (!texture || !context) return key;
    let top = 0;
    BACKDROP_CARD_HEIGHTS.forEach((cardHeight, shape) => {
      context.fillStyle = 'rgba(255, 255, 255, 0.04)';
      context.beginPath();
      context.roundRect(0, top, BACKDROP_CARD_WIDTH, cardHeight, 14);
      context.fill();
      context.fillStyle = 'rgba(255, 255, 255, 0.06)';
      context.beginPath();
      context.arc(22, top + 22, 12, 0, Math.PI * 2);
      context.fill();
      context.fillStyle = 'rgba(255, 255, 255, 0.05)';
      context.fillRect(44, top + 16, 110, 10);
      context.fillRect(16, top + 46, 160, 8);
      context.fillRect(16, top + 62, 120, 8);
      texture.add(shape, 0, 0, top, BACKDROP_CARD_WIDTH, cardHeight);
      top += cardHeight + gap;
    });
    texture.refresh();
    return key;
  }
}
