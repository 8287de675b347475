/**
 * The feed: a scrollable list of posts in its platform's room (src/platforms/: the
 * app's chrome and how a post looks there). Opening, flagging and passing go to the
 * core through Play; this scene keeps what every platform shares (the session, the
 * glide, focus, the accessible layer, the header and the timer) and draws what the
 * state says.
 */
import { feedGlides, type Glide, glide } from '../core/glide';
import type { Level } from '../core/level/schema';
import { isFlagged } from '../core/scoring';
import { currentStreak, feedbackFor, type SessionAction, type SessionState } from '../core/session';
import { loadPictures, picturesLoaded } from '../pictures';
import { loadRoom, roomFor } from '../platforms';
import { statusLine } from '../platforms/shared/draw';
import { type Content, levelTactics, lureInfo } from '../services/content';
import type { Play } from '../services/play';
import { isDialogOpen } from '../ui/dialog';
import { pushShortcuts } from '../ui/keyboard';
import { reducedMotion } from '../ui/motion';
import { type PanelPart, PostPanel } from '../ui/post-panel';
import { PLATFORM_STYLES } from '../ui/theme';
import { BaseScene } from './base-scene';
import { showBriefing } from './feed/briefing';
import { FeedPosts } from './feed/feed-posts';
import { FeedHeader } from './feed/header';
import { celebrateStreak } from './feed/streak';

/** How often playing time goes to the core, and the most one tick may carry (a hidden tab). */
const TICK_MS = 250;
const MAX_TICK_MS = 1000;

export class FeedScene extends BaseScene {
  private levelId = '';
  private posts: FeedPosts | null = null;
  private panel: PostPanel | null = null;
  private unsubscribe: (() => void) | null = null;
  private header: FeedHeader | null = null;
  /** Where the posts' area starts, under the header and the app's top bar. */
  private feedTop = 0;
  private briefingShown = false;
  /** While open, time does not run; open when the scene rebuilds (a resize, turning the phone), it opens again. */
  private briefingOpen = false;
  /** performance.now() at the last tick, null while time does not run (briefing, hidden tab). */
  private lastTick: number | null = null;
  private pendingMs = 0;
  /** Where the timed feed's glide left the feed (see core/glide.ts); null until it starts. */
  private glideState: Glide | null = null;
  /** The player's Pause (WCAG 2.2.2): kept through rebuilds, reset by a new session. */
  private glidePaused = false;

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

  /**
   * Its own level and its platform's room are enough: with ?level= they load before
   * the rest of the campaign, and each platform's code with its first level.
   */
  protected override contentLoaded(): boolean {
    if (this.ctx.levelContent(this.levelId) === null) return false;
    // A level missing from its file is reported by build(); it has no room or pictures to wait for.
    const level = this.level();
    return !level || (roomFor(level.platform) !== null && picturesLoaded(level));
  }

  protected override async contentLoading(): Promise<unknown> {
    await this.ctx.levelReady(this.levelId);
    const level = this.level();
    return level ? Promise.all([loadRoom(level.platform), loadPictures(level)]) : undefined;
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
    const posts = this.posts;
    const scroller = posts?.scroller;
    if (!play || !posts || !scroller || !this.drawing || !feedGlides(play.state.rules)) return;
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
      keepAt: posts.focusedStop(scroller.position),
      stops: reducedMotion() ? posts.stops() : null,
    });
    if (this.glideState.shown !== scroller.position) scroller.scrollTo(this.glideState.shown);
  }

  /** Pause or resume the timed feed's glide; the timer is not paused (see README, Modes). */
  private toggleGlide(): void {
    this.glidePaused = !this.glidePaused;
    this.header?.drawPauseButton(this.glidePaused);
    this.ctx.layer.announce(this.t(this.glidePaused ? 'glide.paused' : 'glide.resumed'));
  }

  protected build(): void {
    const level = this.level();
    const room = level ? roomFor(level.platform) : null;
    if (!level || !room) {
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
    const status = statusLine(this, w, room.status());
    this.header = new FeedHeader(this, this.ctx, {
      level,
      top: status,
      glides: feedGlides(play.state.rules),
      back: () => this.goTo('levels'),
      toggleGlide: () => this.toggleGlide(),
    });
    this.header.drawPauseButton(this.glidePaused);
    const posts = play.state.order.flatMap((postId) => play.post(postId) ?? []);
    const roomContext = { scene: this, level, translator, style };
    const area = { top: this.header.bottom, width: w, height: h - this.header.bottom };
    const chrome = room.chrome(roomContext, area, posts);
    const headerHeight = this.header.bottom + chrome.top;
    this.feedTop = headerHeight;
    const viewportHeight = h - headerHeight - chrome.bottom;
    const { viewport, list } = layer.scrollingList(
      headerHeight,
      t('feed.listLabel', { platform: t(`platforms.${level.platform}.name`) }),
    );
    viewport.style.bottom = `${chrome.bottom}px`;

    this.posts = new FeedPosts(this.ctx, {
      room,
      roomContext,
      posts,
      viewport,
      list,
      top: headerHeight,
      viewportHeight,
      firstScreenNow: this.briefingShown && !this.briefingOpen,
      drawing: () => this.drawing,
      open: (postId, at) => this.openPost(postId, at),
      pass: (postId) => {
        if (this.dispatch({ type: 'open', postId }) === null) this.dispatch({ type: 'pass' });
      },
    });

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
        nextPost: () => this.posts?.focusPost(1),
        previousPost: () => this.posts?.focusPost(-1),
        comments: () => {
          const postId = this.posts?.focusedPostId();
          if (postId) this.openPost(postId, 'comments');
        },
        ...(feedGlides(play.state.rules) ? { pauseScroll: () => this.toggleGlide() } : {}),
      },
      list,
    );
    this.render(play.state, false);
    this.panel.sync(play.state);
    if (!this.briefingShown || this.briefingOpen) this.openBriefing(level);
  }

  /** Opens a post, with focus on a part of it when asked (a comment control asks for its comments). */
  private openPost(postId: string, at?: PanelPart): void {
    if (this.dispatch({ type: 'open', postId }) === null && at) this.panel?.reveal(at);
  }

  private dispatch(action: SessionAction): string | null {
    // Not `?? 'no-session'`: the core's null (applied) would read as a refusal.
    const play = this.ctx.play;
    const reason = play ? play.dispatch(action) : 'no-session';
    if (reason === 'already-answered') this.ctx.layer.announce(this.t('feed.alreadyDecided'));
    return reason;
  }

  private onChange(state: SessionState, action: SessionAction, previous: SessionState): void {
    const { audio, layer } = this.ctx;
    const { t } = this;
    if (action.type === 'tick') {
      this.header?.tick(state, previous);
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
      this.posts?.focus(closedPost);
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
    // Said with the decision (onChange), so the live region gets one message per post.
    this.ctx.audio.play('streak');
    celebrateStreak(this, this.t('feed.streak', { count: streak }), streak, this.feedTop);
  }

  private render(state: SessionState, animate: boolean): void {
    this.header?.renderProgress(state);
    const level = this.level();
    if (level) this.posts?.show(state, level, animate);
  }

  private openBriefing(level: Level): void {
    this.briefingShown = true;
    this.briefingOpen = true;
    const close = showBriefing(this.ctx, level, () => {
      this.briefingOpen = false;
      close();
      const first = this.ctx.play?.state.order.find((id) => !this.ctx.play?.state.answers[id]);
      if (first) this.posts?.focus(first);
    });
  }

  protected override teardown(): void {
    // A rebuild opens the briefing again if it was open (briefingOpen stays); time waits for it.
    this.lastTick = null;
    this.pendingMs = 0;
    this.unsubscribe?.();
    this.unsubscribe = null;
    // The rebuilt feed starts from wherever it is then.
    this.glideState = null;
    this.header = null;
    this.posts?.destroy();
    // Last: closing the dialog gives focus back to a post button, whose focus handler
    // would otherwise scroll a camera that shutdown has already taken away.
    this.panel?.close();
    this.panel = null;
    this.posts = null;
  }
}
