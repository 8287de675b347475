/**
 * The debrief: points with a count-up, and the numbers that matter (hits, false alarms,
 * d', per-tactic precision and recall) in plain words below; stars, a per-facet chart,
 * the posts worth another look (every post after an Exam, debrief/post-reviews.ts) and
 * progress across attempts.
 */
import { comparedWithLast, type FacetBar, facetBars } from '../core/debrief';
import { levelProgress, starsFor } from '../core/progress';
import type { Score } from '../core/scoring';
import { LURE_ID } from '../core/taxonomy';
import { levelTactics } from '../services/content';
import type { Play } from '../services/play';
import { button, el } from '../ui/dialog';
import { reducedMotion } from '../ui/motion';
import { APP } from '../ui/theme';
import { BaseScene } from './base-scene';
import { renderPostReviews } from './debrief/post-reviews';

export class DebriefScene extends BaseScene {
  constructor() {
    super('debrief');
  }

  protected build(): void {
    const play = this.ctx.play;
    if (!play?.state.finished) {
      this.goTo('levels', undefined, true);
      return;
    }
    const { layer, translator, content } = this.ctx;
    const { t } = this;
    const level = play.level;
    const score = play.score();
    this.setBackground(APP.background);

    // Header and numbers scroll together in one full-screen page: a scrolling panel
    // placed below a fixed header left a transparent hole between them over the WebGL
    // canvas (seen in software rendering), and a phone gets the header's room back.
    // The header is DOM, not canvas text: canvas text updated every few frames (the
    // count-up) was drawn as a white box by the software WebGL renderer.
    const passed = score.percent >= level.passMark;
    const page = layer.adopt(el('div', null, 'debrief-page'));
    const header = el('header', null, 'debrief-header');
    header.setAttribute('aria-hidden', 'true'); // the panel below says all of it to screen readers
    const points = el('p', translator.number(0), 'debrief-points');
    header.append(
      el('p', t('debrief.title', { title: translator.text(level.title) }), 'debrief-title'),
      points,
      el(
        'p',
        `${t('debrief.pointsLine', {
          percent: Math.round(score.percent),
          max: translator.number(score.maxPoints),
        })} · ${passed ? t('debrief.passed') : t('debrief.notPassed', { mark: level.passMark })}`,
        passed ? 'debrief-line passed' : 'debrief-line',
      ),
    );
    this.countUp(points, score.points);
    const bonusLine = this.bonusLine(play, score);

    const panel = el('section', null, 'overlay-panel');
    panel.setAttribute('aria-labelledby', 'debrief-heading');
    page.append(header, panel);
    const heading = el('h1', t('debrief.title', { title: translator.text(level.title) }));
    heading.id = 'debrief-heading';
    heading.className = 'visually-hidden';
    panel.append(heading);
    const tacticIds = levelTactics(content, level).map((tactic) => tactic.id);
    panel.append(
      el('p', t('modes.debrief.mode', { mode: t(`modes.mode.${play.state.mode}`) }), 'meta'),
    );
    if (bonusLine) {
      const bonus = el('p', bonusLine, 'debrief-bonus');
      bonus.dataset.stat = 'challenge';
      panel.append(bonus);
    }
    this.renderNumbers(panel, score, passed);
    this.renderStars(panel, play, score);
    this.renderProgress(panel, play, score);
    this.renderChart(panel, facetBars(score, tacticIds));
    this.renderTactics(panel, score, tacticIds);
    renderPostReviews(panel, this.ctx.translator, play, score);

    panel.append(el('h2', t('debrief.whatItMeans')), el('p', translator.text(level.debrief)));
    panel.append(el('h2', t('debrief.discuss')));
    const questions = el('ul');
    for (const question of level.discussion) questions.append(el('li', translator.text(question)));
    panel.append(questions);
    if (play.saveFailed) panel.append(el('p', t('debrief.saveFailed'), 'notice'));

    const actions = el('div', null, 'row');
    Object.assign(actions.style, {
      display: 'flex',
      flexWrap: 'wrap',
      gap: '8px',
      margin: '12px 0',
    });
    const again = button(
      t('debrief.again'),
      () => {
        this.ctx.sessions.endPlay();
        this.goTo('feed', { levelId: level.id });
      },
      'primary',
    );
    const next =
      content.levels[content.levels.findIndex((candidate) => candidate.id === level.id) + 1];
    actions.append(again);
    if (next) {
      actions.append(
        button(t('debrief.next', { title: translator.text(next.title) }), () =>
          this.goTo('feed', { levelId: next.id }),
        ),
      );
    }
    actions.append(button(t('debrief.levels'), () => this.goTo('levels')));
    panel.append(actions);
    if (this.ctx.workshop) {
      // A workshop decides what comes next (its next level, or the result), not the campaign.
      actions.replaceChildren();
      this.ctx.workshop.debriefActions(actions, play, (id) => this.goTo('feed', { levelId: id }));
    }
    layer.announce(
      t('debrief.announce', {
        points: translator.number(score.points),
        percent: Math.round(score.percent),
      }),
    );
    heading.tabIndex = -1;
    actions.querySelector('button')?.focus({ preventScroll: true });
  }

  /** Counts the points up in a few steps (none with reduced motion). */
  private countUp(target: HTMLElement, points: number): void {
    const { number } = this.ctx.translator;
    if (reducedMotion()) {
      target.textContent = number(points);
      return;
    }
    const steps = 12;
    let step = 0;
    this.time.addEvent({
      delay: 60,
      repeat: steps - 1,
      callback: () => {
        step++;
        const eased = 1 - (1 - step / steps) ** 3;
        target.textContent = number(Math.round(points * eased));
      },
    });
  }

  private renderNumbers(panel: HTMLElement, score: Score, passed: boolean): void {
    const { t } = this;
    const { number } = this.ctx.translator;
    panel.append(el('h2', t('debrief.summary')));
    const summary = el('p');
    summary.textContent = [
      score.unreached > 0 ? t('modes.debrief.timedOut', { count: score.unreached }) : '',
      t('debrief.spotted', { count: score.manipulative, hits: score.hits }),
      t('debrief.falseAlarms', { count: score.falseAlarms, genuine: score.genuine }),
      t('debrief.lures', { count: score.lures, found: score.luresFlagged }),
    ]
      .filter(Boolean)
      .join(' ');
    panel.append(summary);
    const table = el('table', null, 'stats');
    table.setAttribute('aria-label', t('debrief.numbers'));
    const rows: [string, string, string][] = [
      ['points', t('debrief.row.points'), `${number(score.points)} / ${number(score.maxPoints)}`],
      ['hits', t('debrief.row.hits'), `${score.hits} / ${score.manipulative}`],
      ['false-alarms', t('debrief.row.falseAlarms'), `${score.falseAlarms} / ${score.genuine}`],
      [
        'd-prime',
        t('debrief.row.dPrime'),
        number(score.dPrime, { maximumFractionDigits: 2, minimumFractionDigits: 2 }),
      ],
      [
        'bias',
        t('debrief.row.bias'),
        number(score.bias, { maximumFractionDigits: 2, minimumFractionDigits: 2 }),
      ],
      [
        'lure-accuracy',
        t('debrief.row.lureAccuracy'),
        number(score.lureAccuracy, { style: 'percent' }),
      ],
    ];
    for (const [key, label, value] of rows) {
      const row = el('tr');
      row.dataset.stat = key;
      row.append(el('th', label), el('td', value, 'num'));
      table.append(row);
    }
    panel.append(table);
    const meaning = score.dPrime >= 1.5 ? 'strong' : score.dPrime >= 0.5 ? 'some' : 'none';
    const lean = score.bias < -0.25 ? 'suspicious' : score.bias > 0.25 ? 'trusting' : 'balanced';
    panel.append(el('p', `${t(`debrief.discernment.${meaning}`)} ${t(`debrief.bias.${lean}`)}`));
    panel.append(
      el(
        'p',
        t('modes.debrief.dPrimeWords', {
          value: number(score.dPrime, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
        }),
      ),
    );
    if (!passed) panel.append(el('p', t('debrief.tryAgainHint')));
  }

  private renderTactics(panel: HTMLElement, score: Score, tacticIds: readonly string[]): void {
    const { t } = this;
    const { number } = this.ctx.translator;
    panel.append(el('h2', t('debrief.perTactic')));
    const table = el('table', null, 'stats');
    const head = el('tr');
    head.append(
      el('th', t('debrief.tactic')),
      el('th', t('debrief.precision')),
      el('th', t('debrief.recall')),
    );
    table.append(head);
    const percent = (value: number | null) =>
      value === null ? t('debrief.notApplicable') : number(value, { style: 'percent' });
    for (const id of tacticIds) {
      const stats = score.tactics.find((entry) => entry.id === id);
      if (!stats) continue;
      const row = el('tr');
      row.dataset.tactic = id;
      row.append(
        el('th', t(`tactics:${id}.name`)),
        el('td', percent(stats.precision), 'num'),
        el('td', percent(stats.recall), 'num'),
      );
      table.append(row);
    }
    panel.append(table);
    panel.append(el('p', t('debrief.precisionRecallHelp'), 'meta'));
  }

  /** Challenge: points + streak bonus + time bonus, and whether that is a new best. */
  private bonusLine(play: Play, score: Score): string | null {
    if (!play.state.rules.bonuses) return null;
    const { t } = this;
    const { number } = this.ctx.translator;
    const bonuses = play.bonuses();
    const total = score.points + bonuses.streak + bonuses.time;
    const previousBest = play.before?.bestChallengeScore ?? null;
    const line = t('modes.debrief.bonusLine', {
      points: number(score.points),
      streak: number(bonuses.streak),
      time: number(bonuses.time),
      total: number(total),
    });
    return previousBest === null || total > previousBest
      ? `${line} · ${t('modes.debrief.newBest')}`
      : `${line} · ${t('modes.debrief.bestChallenge', { score: number(previousBest) })}`;
  }

  /** The three stars of this attempt, each with its name and "earned" or "not yet". */
  private renderStars(panel: HTMLElement, play: Play, score: Score): void {
    const { t } = this;
    const stars = starsFor(score, play.level.passMark);
    panel.append(el('h2', t('modes.debrief.stars')));
    const list = el('ul', null, 'star-list');
    for (const key of ['pass', 'discernment', 'allLures'] as const) {
      const item = el('li');
      item.dataset.star = key;
      item.dataset.earned = String(stars[key]);
      const mark = el('span', stars[key] ? '★' : '☆', 'star-mark');
      mark.setAttribute('aria-hidden', 'true');
      item.append(
        mark,
        el('strong', `${t(stars[key] ? 'modes.debrief.earned' : 'modes.debrief.notEarned')}: `),
        t(`modes.star.${key}`),
      );
      list.append(item);
    }
    panel.append(list);
  }

  /** Attempts, best and last time, and whether this one was better. */
  private renderProgress(panel: HTMLElement, play: Play, score: Score): void {
    const { t } = this;
    const { number } = this.ctx.translator;
    const saved = levelProgress(this.ctx.progress.progress, play.level.id);
    const last = play.before?.last ?? null;
    const twoDigits = { maximumFractionDigits: 2, minimumFractionDigits: 2 };
    panel.append(el('h2', t('modes.debrief.progress')));
    const lines: string[] = [];
    if (saved) {
      lines.push(t('modes.debrief.attempts', { count: saved.attempts }));
      lines.push(
        t('modes.debrief.best', {
          percent: Math.round(saved.bestPercent),
          dPrime: number(saved.bestDPrime, twoDigits),
        }),
      );
    }
    if (last)
      lines.push(
        t('modes.debrief.last', {
          percent: Math.round(last.percent),
          dPrime: number(last.dPrime, twoDigits),
          mode: t(`modes.mode.${last.mode}`),
        }),
      );
    const change = comparedWithLast(last, score);
    lines.push(t(change === 'first' ? 'modes.debrief.firstTime' : `modes.debrief.${change}`));
    const paragraph = el('p', lines.join(' '));
    paragraph.dataset.progress = change;
    panel.append(paragraph);
  }

  /**
   * One bar per facet: the share of its posts the player named it on. The numbers are
   * written next to each bar, so nothing rests on the bar's length or colour.
   */
  private renderChart(panel: HTMLElement, bars: readonly FacetBar[]): void {
    const { t } = this;
    panel.append(el('h2', t('modes.debrief.chart')));
    panel.append(el('p', t('modes.debrief.chartHelp'), 'meta'));
    const chart = el('ul', null, 'facet-chart');
    chart.setAttribute('aria-label', t('modes.debrief.chart'));
    for (const bar of bars) {
      const row = el('li');
      row.dataset.facet = bar.id;
      const name = bar.id === LURE_ID ? t(`tactics:${LURE_ID}.name`) : t(`tactics:${bar.id}.name`);
      const words = [
        bar.total === 0
          ? t('modes.debrief.chartNone')
          : t('modes.debrief.chartValue', { found: bar.found, total: bar.total }),
        bar.wrongly > 0 ? t('modes.debrief.wrongly', { count: bar.wrongly }) : '',
      ]
        .filter(Boolean)
        .join(' · ');
      const track = el('span', null, 'facet-track');
      track.setAttribute('aria-hidden', 'true');
      const fill = el('span', null, 'facet-fill');
      fill.style.width = `${bar.total === 0 ? 0 : Math.round((bar.found / bar.total) * 100)}%`;
      track.append(fill);
      row.append(el('span', name, 'facet-name'), track, el('span', words, 'facet-value'));
      chart.append(row);
    }
    panel.append(chart);
  }
}
