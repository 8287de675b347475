/**
 * The debrief: points with a count-up, and the numbers that matter
 * (hits, false alarms, d', per-tactic precision and recall) in plain words below.
 */
import type { Score } from '../core/scoring';
import { levelTactics } from '../services/content';
import { button, el } from '../ui/dialog';
import { reducedMotion } from '../ui/motion';
import { APP } from '../ui/theme';
import { BaseScene } from './base-scene';

const HEADER = 150;

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

    // The header is DOM, not canvas text: a canvas text updated every few frames (the
    // count-up) was drawn as a white box by the software WebGL renderer.
    const passed = score.percent >= level.passMark;
    const header = layer.adopt(el('header', null, 'debrief-header'));
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

    const panel = layer.adopt(el('section', null, 'overlay-panel'));
    panel.setAttribute('aria-labelledby', 'debrief-heading');
    Object.assign(panel.style, { top: `${HEADER}px`, bottom: '8px', overflowY: 'auto' });
    const heading = el('h1', t('debrief.title', { title: translator.text(level.title) }));
    heading.id = 'debrief-heading';
    heading.className = 'visually-hidden';
    panel.append(heading);
    this.renderNumbers(panel, score, passed);
    this.renderTactics(
      panel,
      score,
      levelTactics(content, level).map((tactic) => tactic.id),
    );

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
        this.ctx.play = null;
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
      t('debrief.spotted', { count: score.manipulative, hits: score.hits }),
      t('debrief.falseAlarms', { count: score.falseAlarms, genuine: score.genuine }),
      t('debrief.lures', { count: score.lures, found: score.luresFlagged }),
    ].join(' ');
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
}
