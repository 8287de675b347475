/**
 * The "Investigate" part of the open post: one button per check the post offers, the
 * checks left in the level, and the result of every check run on this post. It renders
 * session state and sends actions; the budget and what may run are the core's.
 */
import { accountOf } from '../core/authors';
import {
  accountsSharingText,
  type Check,
  checksFor,
  investigationBudget,
} from '../core/investigation';
import type { Account, Level, LocalizedText, Picture, Post } from '../core/level/schema';
import { pictureFor } from '../core/pictures';
import { checksRunOn, type SessionAction, type SessionState } from '../core/session';
import { panelSize, pictureImage } from '../pictures';
import type { Translator } from '../services/i18n';
import { button, el } from './dialog';

export interface InvestigationDeps {
  translator: Translator;
  level: Level;
  dispatch: (action: SessionAction) => string | null;
}

/** The core's refusals the player can cause, and what they are told. */
const REFUSALS: Record<string, string> = {
  'budget-spent': 'investigate.budgetSpent',
  'already-checked': 'investigate.alreadyChecked',
};

export class InvestigationView {
  readonly element: HTMLElement;
  private readonly budget: HTMLElement;
  private readonly status: HTMLElement;
  private readonly results: HTMLElement;
  private readonly buttons = new Map<Check, HTMLButtonElement>();
  /** How many results are on screen; null before the first update. */
  private shown: number | null = null;

  constructor(
    private readonly deps: InvestigationDeps,
    private readonly post: Post,
  ) {
    const { t } = deps.translator;
    this.element = el('section', null, 'investigate');
    this.element.setAttribute('aria-labelledby', 'investigate-title');
    const heading = el('h3', t('investigate.heading'));
    heading.id = 'investigate-title';
    this.budget = el('p', '', 'meta');
    this.budget.dataset.budget = '';
    this.status = el('p', '', 'meta');
    this.status.setAttribute('role', 'status');
    const row = el('div', null, 'row checks');
    for (const check of checksFor(post)) {
      const label =
        check === 'link' && !post.link
          ? t('investigate.check.linkQr')
          : t(`investigate.check.${check}`);
      const run = button(label, () => {
        const reason = deps.dispatch({ type: 'investigate', check });
        const refusal = reason ? REFUSALS[reason] : undefined;
        this.status.textContent = refusal ? t(refusal) : '';
      });
      run.dataset.check = check;
      const done = el('span', '', 'check');
      done.setAttribute('aria-hidden', 'true');
      run.append(done);
      this.buttons.set(check, run);
      row.append(run);
    }
    this.results = el('div', null, 'results');
    this.element.append(heading, el('p', t('investigate.hint'), 'meta'), this.budget, row);
    this.element.append(this.status, this.results);
  }

  /** Shows the checks left, which buttons still work, and any new result. */
  update(state: SessionState): void {
    const { t } = this.deps.translator;
    const total = investigationBudget(this.deps.level);
    this.budget.textContent =
      state.checksLeft > 0
        ? t('investigate.budget', { left: state.checksLeft, total })
        : t('investigate.budgetSpent');
    const run = checksRunOn(state, this.post.id);
    for (const [check, control] of this.buttons) {
      const done = run.includes(check);
      // aria-disabled, not disabled: the button stays focusable and says why it does nothing.
      control.setAttribute('aria-disabled', String(done || state.checksLeft === 0));
      const mark = control.querySelector('.check');
      if (mark) mark.textContent = done ? ' ✓' : '';
      if (done) control.setAttribute('aria-describedby', this.resultId(check));
    }
    const reopened = this.shown === null;
    const fresh = run.slice(this.shown ?? 0);
    this.shown = run.length;
    for (const check of fresh) this.results.append(this.result(check));
    // After a check the player wants its answer: move there, as a reader's eyes would.
    if (fresh.length > 0 && !reopened) {
      this.results.lastElementChild?.querySelector<HTMLElement>('h4')?.focus();
    }
  }

  private resultId(check: Check): string {
    return `result-${check}`;
  }

  private text(value: LocalizedText): string {
    return this.deps.translator.text(value);
  }

  private age(days: number): string {
    const { t } = this.deps.translator;
    return days >= 365
      ? t('investigate.years', { count: Math.floor(days / 365) })
      : t('investigate.days', { count: days });
  }

  private account(id: string): Account | undefined {
    return accountOf(this.deps.level, id);
  }

  private result(check: Check): HTMLElement {
    const { t } = this.deps.translator;
    const section = el('section', null, 'result');
    section.setAttribute('aria-labelledby', this.resultId(check));
    const heading = el('h4', t(`investigate.result.${check}`));
    heading.id = this.resultId(check);
    heading.tabIndex = -1;
    section.append(heading);
    if (check === 'profile') section.append(...this.profile());
    else if (check === 'sources') section.append(...this.sources());
    else if (check === 'link') section.append(...this.link());
    else section.append(...this.image());
    return section;
  }

  private profile(): HTMLElement[] {
    const { t, number, language } = this.deps.translator;
    const account = this.account(this.post.author);
    if (!account) return [];
    const parts: HTMLElement[] = [
      el('p', t('investigate.accountCreated', { age: this.age(account.accountAgeDays) })),
      el(
        'p',
        t('investigate.followPattern', {
          followers: number(account.followers),
          following: number(account.following),
        }),
      ),
      el('p', t('post.bio', { bio: this.text(account.bio) })),
      el('h5', t('investigate.history')),
    ];
    parts.push(
      account.history.length > 0
        ? list(account.history.map((item) => this.text(item)))
        : el('p', t('investigate.historyNone'), 'meta'),
    );
    parts.push(el('h5', t('investigate.sharing')));
    const sharing = accountsSharingText(this.deps.level, this.post.id, language()).flatMap((id) => {
      const other = this.account(id);
      if (!other) return [];
      return [
        t('investigate.sharingAccount', {
          name: this.text(other.name),
          handle: other.handle,
          age: this.age(other.accountAgeDays),
        }),
      ];
    });
    parts.push(sharing.length > 0 ? list(sharing) : el('p', t('investigate.sharingNone'), 'meta'));
    return parts;
  }

  private sources(): HTMLElement[] {
    const { t } = this.deps.translator;
    const sources = this.post.investigation?.sources ?? [];
    if (sources.length === 0) return [el('p', t('investigate.sourcesNone'))];
    return [
      list(
        sources.map((source) =>
          t('investigate.sourceLine', {
            outlet: this.text(source.outlet),
            verdict: t(`investigate.verdict.${source.verdict}`),
            summary: this.text(source.summary),
          }),
        ),
      ),
    ];
  }

  private link(): HTMLElement[] {
    const { t } = this.deps.translator;
    const shown = this.post.link
      ? t('investigate.linkShown', { url: this.post.link.url })
      : t('investigate.linkQr');
    const found = this.post.investigation?.link;
    if (!found) return [el('p', shown), el('p', t('investigate.linkNone'))];
    return [
      el('p', shown),
      el('p', t('investigate.linkDestination', { url: found.destination })),
      el('p', t('investigate.domainAge', { age: this.age(found.domainAgeDays) })),
      el('p', this.text(found.finding)),
    ];
  }

  private image(): HTMLElement[] {
    const { t } = this.deps.translator;
    const found = this.post.investigation?.image;
    if (!found) return [el('p', t('investigate.imageNone'))];
    const firstSeen = t('investigate.imageFirstSeen', {
      where: this.text(found.firstSeen),
      age: this.age(found.daysEarlier),
    });
    const parts: HTMLElement[] = [el('p', firstSeen)];
    const own = pictureFor(this.post);
    if (found.earlier && own) parts.push(this.sideBySide(found.earlier, own, firstSeen));
    parts.push(el('p', this.text(found.finding)));
    return parts;
  }

  /** The earlier picture the search found beside this post's, for the player to compare. */
  private sideBySide(earlier: Picture, own: Picture, firstSeen: string): HTMLElement {
    const { t, language } = this.deps.translator;
    const size = panelSize(this.post);
    const half = { width: Math.round(size.width / 2), height: Math.round(size.height / 2) };
    const row = el('div', null, 'side-by-side');
    const media = this.post.media ? this.text(this.post.media) : '';
    for (const [picture, caption, alt] of [
      [earlier, t('investigate.imageEarlier'), firstSeen],
      [own, t('investigate.imageThisPost'), media],
    ] as const) {
      const figure = el('figure');
      figure.append(pictureImage(picture, language(), half, alt), el('figcaption', caption));
      row.append(figure);
    }
    return row;
  }
}

function list(items: readonly string[]): HTMLUListElement {
  const element = el('ul');
  for (const item of items) element.append(el('li', item));
  return element;
}
