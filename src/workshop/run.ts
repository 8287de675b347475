/**
 * A student's way through a workshop: the setup from the link, their nickname, and
 * each level's answers as it finishes. The game's scenes know it only through the
 * small WorkshopRun interface in scenes/context.ts; this code arrives in the lazily
 * loaded workshop chunk when a `?workshop=` link is opened.
 */
import type { Level } from '../core/level/schema';
import type { SessionSetup } from '../core/modes';
import { seedFromText } from '../core/random';
import type { PlayedLevel, WorkshopResult } from '../core/workshop/result';
import { buildResult, type Checks } from '../core/workshop/result';
import { sessionSetupFor, type WorkshopSetup } from '../core/workshop/setup';
import type { GameContext, WorkshopRun } from '../scenes/context';
import { levelTactics } from '../services/content';
import type { Play } from '../services/play';
import { button, el } from '../ui/dialog';
import { showResultPanel } from './result-panel';

export class StudentRun implements WorkshopRun {
  private readonly played = new Map<string, PlayedLevel>();
  private levelStartedAt = Date.now();
  private result: WorkshopResult | null = null;
  /** The headline check's answers, by phase. */
  readonly checks: Checks = {};
  readonly sessionSetup: SessionSetup;

  constructor(
    readonly setup: WorkshopSetup,
    readonly nickname: string,
    private readonly ctx: GameContext,
  ) {
    this.sessionSetup = sessionSetupFor(setup);
  }

  /** Called when a workshop level's feed starts, so its time is its own. */
  levelStarted(): void {
    this.levelStartedAt = Date.now();
  }

  private record(play: Play): void {
    if (this.played.has(play.level.id) || !play.state.finished) return;
    this.played.set(play.level.id, {
      levelId: play.level.id,
      seconds: (Date.now() - this.levelStartedAt) / 1000,
      posts: play.state.order.flatMap((postId) => {
        const answer = play.state.answers[postId];
        const truth = play.truths.get(postId);
        return answer && truth ? [{ postId, answer, truth }] : [];
      }),
    });
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

  /** The post-check first when the workshop has one, then the result. */
  private async finish(): Promise<void> {
    if (this.setup.check === 'pre-post' && !this.checks.post) {
      const { runCheck } = await import('./check');
      this.checks.post = await runCheck(
        this.ctx.layer,
        this.ctx.translator,
        'post',
        seedFromText(`${this.setup.seed}:post`),
      );
    }
    showResultPanel(this.ctx, this.buildResult());
  }

  buildResult(): WorkshopResult {
    if (!this.result || this.result.levels.length !== this.played.size) {
      this.result = buildResult({
        nickname: this.nickname,
        setup: this.setup,
        tacticIds: this.tacticIds(),
        played: this.setup.levels.flatMap((id) => this.played.get(id) ?? []),
        finishedAt: new Date(),
        ...(Object.keys(this.checks).length > 0 ? { checks: this.checks } : {}),
      });
    }
    return this.result;
  }
}
