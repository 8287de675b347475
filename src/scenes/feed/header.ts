/**
 * The feed's fixed header, the same on every platform: back to the levels on the left;
 * settings, keys-and-help (and Pause for a feed that glides) on the right; the
 * platform's name and the progress line between them on wide screens, or under them on
 * narrow ones. It also keeps the time left for screen readers.
 */
import type Phaser from 'phaser';
import type { OverlayButton } from '../../a11y/layer';
import type { Level } from '../../core/level/schema';
import { answeredCount, type SessionState, secondsLeft } from '../../core/session';
import { canvasButton } from '../../ui/button';
import { measureLabel } from '../../ui/canvas-label';
import { chromeCanvas, fitToWidth } from '../../ui/chrome-canvas';
import { el } from '../../ui/dialog';
import { fontPx, scaled } from '../../ui/display';
import { openHelp } from '../../ui/help-panel';
import { openSettings } from '../../ui/settings-panel';
import { wordWrapWithin } from '../../ui/text-wrap';
import { APP, FONT_STACK, PLATFORM_STYLES } from '../../ui/theme';
import type { GameContext } from '../context';

/** Seconds left at which a screen reader hears how much time remains. */
const TIME_WARNINGS = [60, 30, 10];
/** Below this width the header stacks: buttons on one row, the title and progress under them. */
const NARROW = 560;

export interface HeaderOptions {
  level: Level;
  /** Where the header starts: under the phone's status line. */
  top: number;
  glides: boolean;
  back: () => void;
  toggleGlide: () => void;
}

export class FeedHeader {
  private progressText: Phaser.GameObjects.Text | null = null;
  /** The time left for screen readers (role "timer": read on request, not announced each second). */
  private timerText: HTMLElement | null = null;
  private pauseButton: { hit: OverlayButton; icon: Phaser.GameObjects.Graphics } | null = null;
  /** The bottom of the header: it grows with the text scale and stacks on narrow screens. */
  readonly bottom: number;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly ctx: GameContext,
    private readonly options: HeaderOptions,
  ) {
    this.bottom = this.layout();
    const state = ctx.play?.state;
    if (state && state.rules.timeLimitSeconds !== null) {
      this.timerText = ctx.layer.adopt(el('p', null, 'visually-hidden'));
      this.timerText.setAttribute('role', 'timer');
    }
  }

  private layout(): number {
    const { scene, ctx, options } = this;
    const { layer, translator, audio, store } = ctx;
    const { t } = translator;
    const { level, top } = options;
    const style = PLATFORM_STYLES[level.platform];
    const w = scene.scale.gameSize.width;
    const buttonHeight = Math.max(48, scaled(44));
    const backWidth = Math.min(scaled(92), Math.floor(w * 0.3));
    // A timed feed moves by itself; a Pause button stops it (WCAG 2.2.2), as does P.
    const rightButtons = options.glides ? 3 : 2;
    // Square when there is room; narrower (never under 44 px) so three fit beside Back.
    const iconSize = Math.max(
      44,
      Math.min(buttonHeight, Math.floor((w - 30 - backWidth - 10 * rightButtons) / rightButtons)),
    );
    const iconX = (place: number) => w - (10 + iconSize) * place;
    const y = top + 10;
    const fixed = (button: ReturnType<typeof canvasButton>) => {
      button.view.setScrollFactor(0).setDepth(11);
      button.ring.setScrollFactor(0).setDepth(12);
    };
    fixed(
      canvasButton(scene, layer, {
        key: 'back',
        x: 10,
        y,
        width: backWidth,
        height: buttonHeight,
        label: t('feed.levels'),
        onActivate: options.back,
      }),
    );
    if (options.glides) {
      const pause = canvasButton(scene, layer, {
        key: 'feed-pause',
        x: iconX(3),
        y,
        width: iconSize,
        height: buttonHeight,
        label: '',
        onActivate: options.toggleGlide,
      });
      fixed(pause);
      const icon = scene.add.graphics();
      pause.view.add(icon);
      this.pauseButton = { hit: pause.hit, icon };
      this.drawPauseButton(false);
    }
    const help = canvasButton(scene, layer, {
      key: 'feed-help',
      x: iconX(1),
      y,
      width: iconSize,
      height: buttonHeight,
      label: '?',
      fontSize: 24,
      onActivate: () => openHelp(layer, translator),
    });
    help.hit.setLabel(t('a11y.help.open'));
    fixed(help);
    const settings = canvasButton(scene, layer, {
      key: 'feed-settings',
      x: iconX(2),
      y,
      width: iconSize,
      height: buttonHeight,
      label: '⚙',
      fontSize: 24,
      onActivate: () =>
        openSettings(layer, translator, audio, store, () => help.hit.element.focus()),
    });
    settings.hit.setLabel(t('title.settings'));
    fixed(settings);

    // Centred between the buttons when there is room; otherwise the whole width, under them.
    const between = 2 * Math.min(w / 2 - (20 + backWidth), iconX(rightButtons) - 10 - w / 2);
    const narrow = w < NARROW || between < 200;
    const centre = w / 2;
    const textWidth = narrow ? w - 20 : between;
    const titleLabel = t(`platforms.${level.platform}.name`);
    const titleStyle = fitToWidth(
      titleLabel,
      { size: Number.parseFloat(fontPx(26)), colour: style.headerInk, bold: true },
      textWidth,
      11,
    );
    const titleTop = narrow ? y + buttonHeight + 6 : top + 12;
    const titleHeight = measureLabel(titleLabel, titleStyle).height;
    this.progressText = scene.add
      .text(centre, titleTop + titleHeight + 2, '', {
        fontFamily: FONT_STACK,
        fontSize: fontPx(15),
        color: style.headerInk,
        align: 'center',
        wordWrap: wordWrapWithin(textWidth),
      })
      .setOrigin(0.5, 0)
      .setScrollFactor(0)
      .setDepth(11);
    // Room for the longest the line gets (every post decided, the whole time left) and
    // at least two lines, so the header keeps its height as the count and clock change
    // and a long language at 200 % text never loses the time left.
    const state = this.ctx.play?.state;
    if (state) {
      const longest = this.progressLine(state.order.length, state.order.length, secondsLeft(state));
      this.progressText.setText(longest.line);
    }
    const progressLines = Math.max(
      Number.parseFloat(fontPx(15)) * 1.3 * 2,
      this.progressText.height,
    );
    const bottom = Math.ceil(
      Math.max(y + buttonHeight + 10, this.progressText.y + progressLines + 8),
    );
    // The background and the platform's name never change: one canvas, under the buttons.
    const { pen, label, show } = chromeCanvas(scene, 'chrome-header', {
      x: 0,
      y: top,
      width: w,
      height: bottom - top,
    });
    pen.fillStyle(style.header).fillRect(0, top, w, bottom - top);
    label(titleLabel, centre, titleTop, titleStyle, 'center');
    show();
    return bottom;
  }

  /** Two bars while the feed glides (press to pause), a triangle while it is paused. */
  drawPauseButton(paused: boolean): void {
    if (!this.pauseButton) return;
    const { hit, icon } = this.pauseButton;
    hit.setLabel(this.ctx.translator.t(paused ? 'glide.resume' : 'glide.pause'));
    // Half the icon's height: about as large as the ⚙ and ? beside it.
    const size = 11;
    icon.clear().fillStyle(Number.parseInt(APP.buttonInk.slice(1), 16), 1);
    if (paused) icon.fillTriangle(-size / 2, -size, -size / 2, size, size, 0);
    else
      icon
        .fillRect(-size * 0.75, -size, size * 0.5, size * 2)
        .fillRect(size * 0.25, -size, size * 0.5, size * 2);
  }

  /** Only the clock changes on a tick: the progress line, and a warning for screen readers. */
  tick(state: SessionState, previous: SessionState): void {
    this.renderProgress(state);
    const before = secondsLeft(previous);
    const left = secondsLeft(state);
    if (before === null || left === null) return;
    const crossed = TIME_WARNINGS.find((mark) => before > mark && left <= mark);
    if (crossed !== undefined)
      this.ctx.layer.announce(this.ctx.translator.t('modes.timer.warning', { count: crossed }));
  }

  /** "3 of 13 decided", and the time left in a timed session. */
  renderProgress(state: SessionState): void {
    const left = secondsLeft(state);
    const { line, timeLeft } = this.progressLine(answeredCount(state), state.order.length, left);
    this.progressText?.setText(line);
    if (timeLeft === null) return;
    if (this.timerText && this.timerText.textContent !== timeLeft)
      this.timerText.textContent = timeLeft;
    // The last ten seconds stand out by weight as well as colour.
    this.progressText?.setFontStyle(Math.ceil(left ?? 0) <= 10 ? 'bold' : '');
  }

  /** The header's progress line, and the time left on its own (null when untimed). */
  private progressLine(
    done: number,
    total: number,
    left: number | null,
  ): { line: string; timeLeft: string | null } {
    const { translator } = this.ctx;
    const { t } = translator;
    const line = t('feed.progress', {
      done,
      total,
      title: translator.text(this.options.level.title),
    });
    if (left === null) return { line, timeLeft: null };
    const whole = Math.ceil(left);
    const clock = `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
    const timeLeft = t('modes.timer.left', { time: clock });
    return { line: `${line} · ${timeLeft}`, timeLeft };
  }
}
