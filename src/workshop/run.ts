/**
 * A student's way through a workshop: the setup from the link, their nickname, and
 * each level's answers as it finishes. The game's scenes know it only through the
 * small WorkshopRun interface in services/play-session.ts; this code arrives in the lazily
 * loaded workshop chunk when a `?workshop=` link is opened.
 *
 * Every change is saved in the browser (run-store.ts), so a closed tab or a reload
 * continues the same run: a school Chromebook's accidental close loses nothing.
 */
import type { Level } from '../core/level/schema';
import type { SessionSetup } from '../core/modes';
import { seedFromText } from '../core/random';
import type { CheckAnswer } from '../core/workshop/assessment';
import type { CheckPhase, PlayedLevel, WorkshopResult } from '../core/workshop/result';
import { buildResult, type Checks } from '../core/workshop/result';
import { type SavedRun, setupKeyOf } from '../core/workshop/saved-run';
import { sessionSetupFor, type WorkshopSetup } from '../core/workshop/setup';
import type { GameContext } from '../scenes/context';
import { levelTactics } from '../services/content';
import type { Play } from '../services/play';
import type { WorkshopRun } from '../services/play-session';
import { button, el } from '../ui/dialog';
import { showResultPanel } from './result-panel';
import { saveRun } from './run-store';

export class StudentRun implements WorkshopRun {
  private readonly played: Map<string, PlayedLevel>;
  private levelStartedAt: number;
  /** Set when the result was first shown; the run then keeps showing that result. */
  private finishedAt: Date | null;
  private result: WorkshopResult | null = null;
  /** The headline check's answers, by phase. */
  private readonly checks: Checks;
  readonly sessionSetup: SessionSetup;

  /** A new run, or the saved one continued (`saved` from loadSavedRun for this setup). */
  constructor(
    readonly setup: WorkshopSetup,
    readonly nickname: string,
    private readonly ctx: GameContext,
    saved?: SavedRun,
  ) {
    this.sessionSetup = sessionSetupFor(setup);
    this.played = new Map(saved?.played.map((level) => [level.levelId, level]));
    this.checks = { ...saved?.checks };
    this.levelStartedAt = saved?.levelStartedAt ?? Date.now();
    this.finishedAt = saved?.finishedAt ? new Date(saved.finishedAt) : null;
    this.save();
  }

  get levelsDone(): number {
    return this.played.size;
  }

  private save(): void {
    saveRun(this.ctx.store, {
      setupKey: setupKeyOf(this.setup),
      nickname: this.nickname,
      checks: this.checks,
      played: this.setup.levels.flatMap((id) => this.played.get(id) ?? []),
      levelStartedAt: this.levelStartedAt,
      finishedAt: this.finishedAt?.toISOString() ?? null,
    });
  }

  /**
   * Goes on from wherever the run is: the check before play if it is still to take,
   * then the first level not yet played (a level left mid-way resumes through the
   * game's own resume store), or the end once every level is played. `onResultClosed`
   * runs when a result shown from here is closed.
   */
  async goOn(openLevel: (levelId: string) => void, onResultClosed?: () => void): Promise<void> {
    if (this.finishedAt) return this.finish(onResultClosed);
    const before: CheckPhase = this.setup.check === 'booster' ? 'booster' : 'pre';
    if (this.setup.check !== 'off' && !this.checks[before]) await this.takeCheck(before);
    const next = this.nextLevel(this.ctx.content.levels);
    if (next) return openLevel(next.id);
    return this.finish(onResultClosed);
  }

  private async takeCheck(phase: CheckPhase): Promise<void> {
    const { runCheck } = await import('./check');
    const answers: CheckAnswer[] = await runCheck(
      this.ctx.layer,
      this.ctx.translator,
      phase,
      seedFromText(`${this.setup.seed}:${phase}`),
    );
    this.checks[phase] = answers;
    this.save();
  }

  /** Called when a workshop level's feed starts, so its time is its own. */
  levelStarted(): void {
    this.levelStartedAt = Date.now();
    this.save();
  }

  private record(play: Play): void {
    if (this.played.has(play.level.id) || !play.state.finished) return;
    this.played.set(play.level.id, {
      levelId: play.level.id,
      // A clock set back between a reload and the end must not give negative time.
      seconds: Math.max(0, (Date.now() - this.levelStartedAt) / 1000),
      posts: play.state.order.flatMap((postId) => {
        const answer = play.state.answers[postId];
        const truth = play.truths.get(postId);
        return answer && truth ? [{ postId, answer, truth }] : [];
      }),
    });
    this.save();
  }

  private nextLevel(levels: readonly Level[]): Level | null {
    const id = this.setup.levels.find((levelId) => !this.played.has(levelId));
    return levels.find((level) => level.id === id) ?? null;
  }

  /** Fills the debrief's actions: the next workshop level, or the result. */
  debriefActions(actions: HTMLElement, play: Play, openLevel: (levelId: string) => void): void {
    this.record(play);
    const { t, text } = this.ctx.translator;
    const next = this.nextLevel(this.ctx.content.levels);
    actions.before(
      el(
        'p',
        t('workshop:run.progress', { done: this.played.size, total: this.setup.levels.length }),
      ),
    );
    if (next) {
      actions.append(
        button(
          t('workshop:run.next', { title: text(next.title) }),
          () => openLevel(next.id),
          'primary',
        ),
      );
    }
    actions.append(
      button(t('workshop:run.finish'), () => void this.finish(), next ? undefined : 'primary'),
    );
  }

  /** The built-in tactics and any a workshop level adds, each once. */
  private tacticIds(): string[] {
    const { content } = this.ctx;
    const levels = content.levels.filter((level) => this.setup.levels.includes(level.id));
    const ids = [
      ...content.taxonomy.tactics,
      ...levels.flatMap((level) => levelTactics(content, level)),
    ].map((tactic) => tactic.id);
    return [...new Set(ids)];
  }

  /**
   * The post-check first when the workshop has one, then the result, which stays saved
   * (a reload shows the same result and code) until the student starts again.
   */
  private async finish(onClose?: () => void): Promise<void> {
    if (this.setup.check === 'pre-post' && !this.checks.post) await this.takeCheck('post');
    if (!this.finishedAt) {
      this.finishedAt = new Date();
      this.save();
    }
    showResultPanel(this.ctx, this.buildResult(), onClose);
  }

  buildResult(): WorkshopResult {
    if (!this.result || this.result.levels.length !== this.played.size) {
      this.result = buildResult({
        nickname: this.nickname,
        setup: this.setup,
        tacticIds: this.tacticIds(),
        played: this.setup.levels.flatMap((id) => this.played.get(id) ?? []),
        finishedAt: this.finishedAt ?? new Date(),
        ...(Object.keys(this.checks).length > 0 ? { checks: this.checks } : {}),
      });
    }
    return this.result;
  }
}
