/**
 * The feed: a platform-styled, scrollable list of posts. Opening, flagging and
 * passing go to the core through Play; this scene draws what the state says.
 */
import type { OverlayButton } from '../a11y/layer';
import { accountOf, authorName } from '../core/authors';
import { feedGlides, type Glide, glide } from '../core/glide';
import type { Level, Post } from '../core/level/schema';
import { isFlagged } from '../core/scoring';
import {
  answeredCount,
  currentStreak,
  feedbackFor,
  type SessionAction,
  type SessionState,
  secondsLeft,
} from '../core/session';
import { addPicture, loadPictures, picturesLoaded } from '../pictures';
import { type Content, levelTactics, lureInfo } from '../services/content';
import type { Play } from '../services/play';
import { canvasButton } from '../ui/button';
import { button, el, isDialogOpen, openPanel } from '../ui/dialog';
import { fontPx, scaled } from '../ui/display';
import { FeedList } from '../ui/feed-list';
import { drawFocusRing } from '../ui/focus-ring';
import { openHelp } from '../ui/help-panel';
import { pushShortcuts } from '../ui/keyboard';
import { reducedMotion } from '../ui/motion';
import type { PostCardView } from '../ui/post-card';
import { PostPanel } from '../ui/post-panel';
import { cameraScroller, REVEAL_MARGIN, type Scroller } from '../ui/scroller';
import { openSettings } from '../ui/settings-panel';
import { shrinkToFit, wordWrapWithin } from '../ui/text-wrap';
import { APP, FONT_STACK, PLATFORM_STYLES } from '../ui/theme';
import { BaseScene } from './base-scene';

const GAP = 14;
/** Below this width the header stacks: buttons on one row, the title and progress under them. */
const NARROW = 560;
/** How often playing time goes to the core, and the most one tick may carry (a hidden tab). */
const TICK_MS = 250;
const MAX_TICK_MS = 1000;
/** Seconds left at which a screen reader hears how much time remains. */
const TIME_WARNINGS = [60, 30, 10];

interface FeedItem {
  post: Post;
  hit: OverlayButton;
}

export class FeedScene extends BaseScene {
  private levelId = '';
  private items = new Map<string, FeedItem>();
  private cards: FeedList | null = null;
  private scroller: Scroller | null = null;
  private panel: PostPanel | null = null;
  private unsubscribe: (() => void) | null = null;
  private progressText: Phaser.GameObjects.Text | null = null;
  /** The time left for screen readers (role "timer": read on request, not announced each second). */
  private timerText: HTMLElement | null = null;
  private briefingShown = false;
  /** While open, time does not run; open when the scene rebuilds (a resize, turning the phone), it opens again. */
  private briefingOpen = false;
  /** The header's height: it grows with the text scale and stacks on narrow screens. */
  private header = 96;
  /** performance.now() at the last tick, null while time does not run (briefing, hidden tab). */
  private lastTick: number | null = null;
  private pendingMs = 0;
  /** Where the timed feed's glide left the feed (see core/glide.ts); null until it starts. */
  private glideState: Glide | null = null;
  /** The player's Pause (WCAG 2.2.2): kept through rebuilds, reset by a new session. */
  private glidePaused = false;
  private pauseButton: { hit: OverlayButton; icon: Phaser.GameObjects.Graphics } | null = null;
  /** Each made card's place in content coordinates, for the glide's stops and focus hold. */
  private readonly cardPlaces = new Map<string, { top: number; height: number }>();

  constructor() {
    super('feed');
  }

  init(data: { levelId?: string }): void {
    if (data.levelId && data.levelId !== this.levelId) {
      this.levelId = data.levelId;
      this.briefingShown = false;
      this.briefingOpen = false;
    }
  }

  /** Its own level is enough: with ?level= it loads before the rest of the campaign. */
  protected override contentLoaded(): boolean {
    if (this.ctx.levelContent(this.levelId) === null) return false;
    // A level missing from its file is reported by build(); it has no pictures to wait for.
    const level = this.level();
    return level === undefined || picturesLoaded(level);
  }

  protected override contentLoading(): Promise<unknown> {
    return this.ctx.levelReady(this.levelId).then(() => {
      const level = this.level();
      return level ? loadPictures(level) : undefined;
    });
  }

  private content(): Content {
    const content = this.ctx.levelContent(this.levelId);
    if (!content) throw new Error(`level ${this.levelId} has not loaded yet`);
    return content;
  }

  private level(): Level | undefined {
    return this.content().levels.find((level) => level.id === this.levelId);
  }

  /**
   * The session for this level: kept across rebuilds, resumed after a reload when one
   * was saved for it, new when the level is (re)started.
   */
  private ensurePlay(level: Level): Play {
    const { layer } = this.ctx;
    const tacticIds = levelTactics(this.content(), level).map((tactic) => tactic.id);
    const { play, start, resumeFailed } = this.ctx.sessions.playLevel(level, tacticIds);
    if (resumeFailed) layer.announce(this.t('modes.resume.failed'));
    if (start === 'kept') return play;
    this.glidePaused = false;
    // A resumed session goes straight back to where the player was: no briefing first.
    this.briefingShown = start === 'resumed';
    this.briefingOpen = false;
    if (start === 'resumed') layer.announce(this.t('modes.resume.resumed'));
    return play;
  }

  /** Sends playing time to the core while the feed is in front of the player. */
  override update(): void {
    const play = this.ctx?.play;
    const running = play && !play.state.finished && this.briefingShown && !this.briefingOpen;
    if (!running || document.hidden) {
      this.lastTick = null;
      this.glideOn(false);
      return;
    }
    const now = performance.now();
    if (this.lastTick !== null) this.pendingMs += Math.min(MAX_TICK_MS, now - this.lastTick);
    this.lastTick = now;
    if (this.pendingMs >= TICK_MS) {
      const ms = this.pendingMs;
      this.pendingMs = 0;
      play.dispatch({ type: 'tick', ms });
    }
    this.glideOn(true);
  }

  /**
   * Moves a timed feed to where the core's glide puts it this frame. It holds while
   * the time does not run, a post, feedback or any dialog is open, the player paused
   * it or is dragging the feed; it steps instead of gliding with reduced motion.
   */
  private glideOn(timeRuns: boolean): void {
    const play = this.ctx?.play;
    const scroller = this.scroller;
    if (!play || !scroller || !this.drawing || !feedGlides(play.state.rules)) return;
    const { state } = play;
    const running =
      timeRuns &&
      !this.glidePaused &&
      !state.finished &&
      state.openPostId === null &&
      state.feedbackPostId === null &&
      !scroller.busy &&
      // Settings or help over the feed: nothing moves behind them.
      !isDialogOpen();
    this.glideState = glide(this.glideState, {
      position: scroller.position,
      // The time the core has, plus what this scene has counted since its last tick: smooth.
      elapsedMs: state.elapsedMs + this.pendingMs,
      limitMs: (state.rules.timeLimitSeconds ?? 0) * 1000,
      end: scroller.end,
      running,
      keepAt: this.focusedCardStop(scroller.position),
      stops: reducedMotion()
        ? [...this.cardPlaces.values()].map((place) => this.stopAt(place.top))
        : null,
    });
    if (this.glideState.shown !== scroller.position) scroller.scrollTo(this.glideState.shown);
  }

  /** The scroll position that shows a card's top just below the top of the view. */
  private stopAt(top: number): number {
    return Math.max(0, GAP + top - REVEAL_MARGIN);
  }

  /**
   * With a visible keyboard focus on a card still in view, the furthest the glide may
   * go: the card's top at the top of the view. Pointer focus draws no ring and holds
   * nothing, or a mouse player's feed would stop at the last post they decided.
   */
  private focusedCardStop(position: number): number | null {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !active.matches(':focus-visible')) return null;
    for (const [postId, item] of this.items) {
      if (item.hit.element !== active) continue;
      const place = this.cardPlaces.get(postId);
      if (!place || GAP + place.top + place.height <= position) return null;
      return this.stopAt(place.top);
    }
    return null;
  }

  /** Pause or resume the timed feed's glide; the timer is not paused (see README, Modes). */
  private toggleGlide(): void {
    this.glidePaused = !this.glidePaused;
    this.drawPauseButton();
    this.ctx.layer.announce(this.t(this.glidePaused ? 'glide.paused' : 'glide.resumed'));
  }

  /** Two bars while the feed glides (press to pause), a triangle while it is paused. */
  private drawPauseButton(): void {
    if (!this.pauseButton) return;
    const { hit, icon } = this.pauseButton;
    hit.setLabel(this.t(this.glidePaused ? 'glide.resume' : 'glide.pause'));
    // Half the icon's height: about as large as the ⚙ and ? beside it.
    const size = 11;
    icon.clear().fillStyle(Number.parseInt(APP.buttonInk.slice(1), 16), 1);
    if (this.glidePaused) icon.fillTriangle(-size / 2, -size, -size / 2, size, size, 0);
    else
      icon
        .fillRect(-size * 0.75, -size, size * 0.5, size * 2)
        .fillRect(size * 0.25, -size, size * 0.5, size * 2);
  }

  protected build(): void {
    const level = this.level();
    if (!level) {
      this.goTo('levels', undefined, true);
      return;
    }
    const { layer, translator } = this.ctx;
    const content = this.content();
    const { t } = this;
    const play = this.ensurePlay(level);
    const style = PLATFORM_STYLES[level.platform];
    const w = this.width;
    const h = this.height;
    this.setBackground(style.background);

    layer.heading(
      t('feed.heading', {
        platform: t(`platforms.${level.platform}.name`),
        title: translator.text(level.title),
      }),
    );
    const headerHeight = this.layoutHeader(level);
    this.timerText = null;
    if (play.state.rules.timeLimitSeconds !== null) {
      this.timerText = layer.adopt(el('p', null, 'visually-hidden'));
      this.timerText.setAttribute('role', 'timer');
    }
    const { viewport, list } = layer.scrollingList(
      headerHeight,
      t('feed.listLabel', { platform: t(`platforms.${level.platform}.name`) }),
    );

    const cardWidth = Math.min(600, w - 20);
    const x = (w - cardWidth) / 2;
    this.items = new Map();
    this.cardPlaces.clear();
    for (const postId of play.state.order) {
      const post = play.post(postId);
      if (!post) continue;
      const item = el('div');
      item.setAttribute('role', 'listitem');
      list.append(item);
      const hit = layer.button(
        {
          label: '',
          onActivate: () => this.dispatch({ type: 'open', postId }),
          onFocus: () => {
            const place = this.cards?.place(postId);
            if (place) this.scroller?.reveal(GAP + place.top, place.height, h - headerHeight);
          },
        },
        item,
      );
      hit.element.dataset.key = `post-${postId}`;
      drawFocusRing(this, hit.element, {
        rect: () => {
          const place = this.cards?.place(postId);
          return place
            ? { x, y: headerHeight + GAP + place.top, width: cardWidth, height: place.height }
            : null;
        },
        radius: style.radius,
        colour: style.focus,
      });
      // No area to click until its card is made; it can still be found and focused.
      hit.place({ x, y: GAP, width: 0, height: 0 });
      this.items.set(postId, { post, hit });
    }

    // Cards are made as they are needed (see FeedList); each button is placed over its card then.
    let contentHeight = GAP;
    this.cards = new FeedList(this, {
      x,
      width: cardWidth,
      top: headerHeight + GAP,
      gap: GAP,
      viewportHeight: h - headerHeight,
      ids: [...this.items.keys()],
      firstScreenNow: this.briefingShown && !this.briefingOpen,
      view: (postId) => this.cardView(level, (this.items.get(postId) as FeedItem).post),
      picture: (postId, box) =>
        addPicture(this, (this.items.get(postId) as FeedItem).post, translator.language(), box, {
          animated: true,
          reducedMotion: reducedMotion(),
        }),
      style,
      onPlaced: (postId, top, height) => {
        this.cardPlaces.set(postId, { top, height });
        this.items.get(postId)?.hit.place({ x, y: GAP + top, width: cardWidth, height });
      },
      onGrow: (height) => {
        contentHeight = GAP + height;
        this.scroller?.setContentHeight(contentHeight, h - headerHeight);
      },
    });
    this.scroller = cameraScroller(
      this.cameras.main,
      () => this.drawing,
      { viewport, content: list },
      (scrollY) => this.cards?.scrollTo(scrollY - GAP),
    );
    this.scroller.setContentHeight(contentHeight, h - headerHeight);

    const tactics = levelTactics(content, level);
    this.panel = new PostPanel({
      layer,
      translator,
      level,
      tactics,
      lure: lureInfo(content.taxonomy),
      dispatch: (action) => this.dispatch(action),
    });
    this.unsubscribe = play.subscribe((state, action, previous) =>
      this.onChange(state, action, previous),
    );
    pushShortcuts(
      {
        nextPost: () => this.focusPost(1),
        previousPost: () => this.focusPost(-1),
        ...(feedGlides(play.state.rules) ? { pauseScroll: () => this.toggleGlide() } : {}),
      },
      list,
    );
    this.render(play.state, false);
    this.panel.sync(play.state);
    if (!this.briefingShown || this.briefingOpen) this.showBriefing(level);
  }

  /**
   * The fixed header: back to the levels on the left; settings and keys-and-help on the
   * right; the platform's name and the progress line between them on wide screens, or
   * under them on narrow ones. Returns its height, which grows with the text scale.
   */
  private layoutHeader(level: Level): number {
    const { layer, translator, audio, store } = this.ctx;
    const { t } = this;
    const style = PLATFORM_STYLES[level.platform];
    const w = this.width;
    const buttonHeight = Math.max(48, scaled(44));
    const backWidth = Math.min(scaled(92), Math.floor(w * 0.3));
    // A timed feed moves by itself; a Pause button stops it (WCAG 2.2.2), as does P.
    const glides = this.ctx.play ? feedGlides(this.ctx.play.state.rules) : false;
    const rightButtons = glides ? 3 : 2;
    // Square when there is room; narrower (never under 44 px) so three fit beside Back.
    const iconSize = Math.max(
      44,
      Math.min(buttonHeight, Math.floor((w - 30 - backWidth - 10 * rightButtons) / rightButtons)),
    );
    const iconX = (place: number) => w - (10 + iconSize) * place;
    const fixed = (button: ReturnType<typeof canvasButton>) => {
      button.view.setScrollFactor(0).setDepth(11);
      button.ring.setScrollFactor(0).setDepth(12);
    };
    fixed(
      canvasButton(this, layer, {
        key: 'back',
        x: 10,
        y: 10,
        width: backWidth,
        height: buttonHeight,
        label: t('feed.levels'),
        onActivate: () => this.goTo('levels'),
      }),
    );
    this.pauseButton = null;
    if (glides) {
      const pause = canvasButton(this, layer, {
        key: 'feed-pause',
        x: iconX(3),
        y: 10,
        width: iconSize,
        height: buttonHeight,
        label: '',
        onActivate: () => this.toggleGlide(),
      });
      fixed(pause);
      const icon = this.add.graphics();
      pause.view.add(icon);
      this.pauseButton = { hit: pause.hit, icon };
      this.drawPauseButton();
    }
    const help = canvasButton(this, layer, {
      key: 'feed-help',
      x: iconX(1),
      y: 10,
      width: iconSize,
      height: buttonHeight,
      label: '?',
      fontSize: 24,
      onActivate: () => openHelp(layer, translator),
    });
    help.hit.setLabel(t('a11y.help.open'));
    fixed(help);
    const settings = canvasButton(this, layer, {
      key: 'feed-settings',
      x: iconX(2),
      y: 10,
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
    const title = this.add
      .text(centre, narrow ? 10 + buttonHeight + 6 : 12, t(`platforms.${level.platform}.name`), {
        fontFamily: FONT_STACK,
        fontSize: fontPx(26),
        fontStyle: 'bold',
        color: style.headerInk,
      })
      .setOrigin(0.5, 0)
      .setScrollFactor(0)
      .setDepth(11);
    shrinkToFit(title, textWidth, Number.POSITIVE_INFINITY);
    this.progressText = this.add
      .text(centre, title.y + title.height + 2, '', {
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
    this.header = Math.ceil(
      Math.max(10 + buttonHeight + 10, this.progressText.y + progressLines + 8),
    );
    const background = this.add.graphics().setScrollFactor(0).setDepth(10);
    background.fillStyle(style.header, 1).fillRect(0, 0, w, this.header);
    return this.header;
  }

  /** J and K: keyboard focus to the next or previous post (the first when none has it). */
  private focusPost(step: 1 | -1): void {
    const buttons = [...this.items.values()].map((item) => item.hit.element);
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = current < 0 ? 0 : Math.min(buttons.length - 1, Math.max(0, current + step));
    buttons[next]?.focus();
  }

  private cardView(level: Level, post: Post): PostCardView {
    const { t } = this;
    const { translator } = this.ctx;
    const account = accountOf(level, post.author);
    const name = authorName(level, post.author, translator.text);
    const initials = [...name.replace(/[^\p{L}\p{N} ]/gu, '').trim()]
      .filter((_, index, chars) => index === 0 || chars[index - 1] === ' ')
      .slice(0, 2)
      .join('')
      .toUpperCase();
    const when = t('post.minutesAgo', { count: post.minutesAgo });
    return {
      name,
      initials: initials || '?',
      handle: account?.handle ?? '',
      verified: account?.verified ?? false,
      meta: post.group ? `${when} · ${translator.text(post.group)}` : when,
      badge: post.kind === 'ad' ? t('post.sponsored') : null,
      text: translator.text(post.text),
      media: post.media ? { video: post.kind === 'video' } : null,
      link: post.link
        ? { title: translator.text(post.link.title), domain: new URL(post.link.url).hostname }
        : null,
      engagement: t('post.engagementShort', {
        likes: translator.number(post.likes, { notation: 'compact' }),
        shares: translator.number(post.shares, { notation: 'compact' }),
        comments: translator.number(post.comments.length),
      }),
    };
  }

  private dispatch(action: SessionAction): string | null {
    const reason = this.ctx.play?.dispatch(action) ?? 'no-session';
    if (reason === 'already-answered') this.ctx.layer.announce(this.t('feed.alreadyDecided'));
    return reason;
  }

  private onChange(state: SessionState, action: SessionAction, previous: SessionState): void {
    const { audio, layer } = this.ctx;
    const { t } = this;
    if (action.type === 'tick') {
      this.onTick(state, previous);
      if (!state.finished) return;
    }
    if (action.type === 'open') audio.play('open');
    if (action.type === 'flag' || action.type === 'pass') {
      const postId = previous.openPostId as string;
      const answer = state.answers[postId];
      audio.play(action.type === 'flag' ? 'flag' : 'pass');
      // One live message per decision: what was done, and a streak it started or extended.
      const streak = this.ctx.play ? currentStreak(state, this.ctx.play.truths) : 0;
      if (answer)
        layer.announce(
          [
            isFlagged(answer) ? t('feed.flaggedAnnouncement') : t('feed.passedAnnouncement'),
            // Exam mode gives no feedback until the end: a streak would give it away.
            streak >= 3 && state.rules.feedback === 'immediate'
              ? t('feed.streak', { count: streak })
              : '',
          ]
            .filter(Boolean)
            .join(' '),
        );
      const truth = this.ctx.play?.truths.get(postId);
      if (answer && truth && state.feedbackPostId) {
        const right = feedbackFor(answer, truth).correct;
        this.time.delayedCall(250, () => audio.play(right ? 'correct' : 'wrong'));
      }
      // With feedback, the streak shows when the player continues; without it (Exam)
      // never, since a streak would tell the player they were right.
      if (!state.feedbackPostId && state.rules.feedback === 'immediate')
        this.celebrateStreak(state);
    }
    if (action.type === 'continue') this.celebrateStreak(state);
    this.render(state, action.type === 'flag' || action.type === 'pass');
    this.panel?.sync(state);
    if (state.timedOut) layer.announce(t('modes.timer.up'));
    const closedPost = previous.feedbackPostId ?? previous.openPostId;
    if (!state.openPostId && !state.feedbackPostId && closedPost && !state.finished) {
      this.items.get(closedPost)?.hit.element.focus();
    }
    if (state.finished) {
      audio.play('levelComplete');
      // Replace: Back from the debrief goes to the level list, not into a finished feed.
      this.goTo('debrief', undefined, true);
    }
  }

  /** From three right decisions in a row: a banner, a burst of sparks and a sound. */
  private celebrateStreak(state: SessionState): void {
    const play = this.ctx.play;
    if (!play || state.finished) return;
    const streak = currentStreak(state, play.truths);
    if (streak < 3) return;
    const { t } = this;
    // Said with the decision (onChange), so the live region gets one message per post.
    this.ctx.audio.play('streak');
    const banner = this.add
      .text(this.width / 2, this.header + 24, t('feed.streak', { count: streak }), {
        fontFamily: FONT_STACK,
        fontSize: fontPx(22),
        fontStyle: 'bold',
        color: APP.primaryInk,
        backgroundColor: APP.accentCss,
        padding: { x: 14, y: 8 },
      })
      .setOrigin(0.5, 0)
      .setScrollFactor(0)
      .setDepth(20);
    if (reducedMotion()) {
      this.time.delayedCall(1600, () => banner.destroy());
      return;
    }
    if (!this.textures.exists('spark')) {
      const dot = this.make.graphics({}, false);
      dot.fillStyle(0xffffff, 1).fillCircle(4, 4, 4);
      dot.generateTexture('spark', 8, 8);
      dot.destroy();
    }
    const sparks = this.add
      .particles(this.width / 2, this.header + 40, 'spark', {
        speed: { min: 120, max: 320 },
        angle: { min: 200, max: 340 },
        lifespan: 800,
        scale: { start: 1.2, end: 0 },
        gravityY: 360,
        tint: [0xffd43b, 0xff8787, 0x69db7c, 0x74c0fc],
        emitting: false,
      })
      .setScrollFactor(0)
      .setDepth(19);
    sparks.explode(Math.min(60, 12 * streak));
    this.tweens.add({
      targets: banner,
      alpha: 0,
      y: this.header + 8,
      delay: 1200,
      duration: 400,
      onComplete: () => banner.destroy(),
    });
    this.time.delayedCall(1200, () => sparks.destroy());
  }

  /** Only the clock changes on a tick: the header line, and a warning for screen readers. */
  private onTick(state: SessionState, previous: SessionState): void {
    this.renderProgress(state);
    const before = secondsLeft(previous);
    const left = secondsLeft(state);
    if (before === null || left === null) return;
    const crossed = TIME_WARNINGS.find((mark) => before > mark && left <= mark);
    if (crossed !== undefined)
      this.ctx.layer.announce(this.t('modes.timer.warning', { count: crossed }));
  }

  /** "3 of 13 decided", and the time left in a timed session. */
  private renderProgress(state: SessionState): void {
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
    const { t } = this;
    const level = this.level();
    const line = t('feed.progress', {
      done,
      total,
      title: level ? this.ctx.translator.text(level.title) : '',
    });
    if (left === null) return { line, timeLeft: null };
    const whole = Math.ceil(left);
    const clock = `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
    const timeLeft = t('modes.timer.left', { time: clock });
    return { line: `${line} · ${timeLeft}`, timeLeft };
  }

  private render(state: SessionState, animate: boolean): void {
    const { t } = this;
    const { translator } = this.ctx;
    const total = state.order.length;
    this.renderProgress(state);
    state.order.forEach((postId, index) => {
      const item = this.items.get(postId);
      if (!item) return;
      const answer = state.answers[postId];
      const name = authorName(this.level(), item.post.author, translator.text);
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
      this.cards?.setStamp(postId, stamp, animate && Boolean(stamp));
    });
  }

  private showBriefing(level: Level): void {
    this.briefingShown = true;
    this.briefingOpen = true;
    const { layer, translator } = this.ctx;
    const { t } = this;
    const start = () => {
      this.briefingOpen = false;
      panel.close();
      const first = this.ctx.play?.state.order.find((id) => !this.ctx.play?.state.answers[id]);
      if (first) this.items.get(first)?.hit.element.focus();
    };
    const panel = openPanel(layer, translator.text(level.title), start);
    panel.body.append(el('p', translator.text(level.briefing)));
    panel.body.append(el('h3', t('feed.goals')));
    const goals = el('ul');
    for (const goal of level.goals) goals.append(el('li', translator.text(goal)));
    panel.body.append(goals);
    const state = this.ctx.play?.state;
    if (state) panel.body.append(el('p', this.modeLine(state), 'meta'));
    const actions = el('div', null, 'row');
    const go = button(t('feed.start'), start, 'primary');
    actions.append(go);
    panel.body.append(actions);
    go.focus();
  }

  /** What the chosen mode means for this session, said before it starts. */
  private modeLine(state: SessionState): string {
    const { t } = this;
    const parts = [t(`modes.mode.${state.mode}`)];
    parts.push(
      t(
        state.rules.feedback === 'immediate'
          ? 'modes.rules.feedbackNow'
          : 'modes.rules.feedbackEnd',
      ),
    );
    const limit = state.rules.timeLimitSeconds;
    parts.push(
      limit === null
        ? t('modes.rules.untimed')
        : t('modes.rules.timed', {
            minutes: this.ctx.translator.number(Math.round((limit / 60) * 10) / 10),
          }),
    );
    if (state.rules.bonuses) parts.push(t('modes.rules.bonuses'));
    if (feedGlides(state.rules)) parts.push(t('glide.rule'));
    return parts.join(' · ');
  }

  protected override teardown(): void {
    // A rebuild opens the briefing again if it was open (briefingOpen stays); time waits for it.
    this.lastTick = null;
    this.pendingMs = 0;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.scroller?.destroy();
    this.scroller = null;
    // The rebuilt feed starts from wherever it is then.
    this.glideState = null;
    this.pauseButton = null;
    this.cards?.destroy();
    this.cards = null;
    // Last: closing the dialog gives focus back to a post button, whose focus handler
    // would otherwise scroll a camera that shutdown has already taken away.
    this.panel?.close();
    this.panel = null;
    this.items.clear();
  }
}
