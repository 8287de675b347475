/**
 * The open post: everything about it, the author's profile, the tactic picker and
 * the decision, then (in Learn mode) the feedback that teaches. It renders session
 * state and sends actions; whether an answer is right comes from the core.
 */

import type { AccessibleLayer } from '../a11y/layer';
import { authorName } from '../core/authors';
import { type Sentence, splitSentences, truthsFor } from '../core/investigation';
import type { Level, LocalizedText, Post } from '../core/level/schema';
import { markableText } from '../core/picture-words';
import { type Answer, evidenceBonus, outcomeOf } from '../core/scoring';
import { feedbackFor, type SessionAction, type SessionState } from '../core/session';
import { LURE_ID, type TacticInfo } from '../core/taxonomy';
import type { Translator } from '../services/i18n';
import { inkOn } from './colour';
import { button, el, openPanel, type Panel } from './dialog';
import { hintDetails } from './hint';
import { InvestigationView } from './investigation-view';
import { pushShortcuts } from './keyboard';
import { appendMarked, renderPostContent } from './post-content';

/** A part of the open post that focus can be taken to. */
export type PanelPart = 'start' | 'comments';

export interface PostPanelDeps {
  layer: AccessibleLayer;
  translator: Translator;
  level: Level;
  tactics: readonly TacticInfo[];
  lure: TacticInfo;
  dispatch: (action: SessionAction) => string | null;
}

export class PostPanel {
  private panel: Panel | null = null;
  private shownFor: string | null = null;
  private mode: 'decide' | 'feedback' | null = null;
  private investigation: InvestigationView | null = null;

  constructor(private readonly deps: PostPanelDeps) {}

  /** Shows, updates or closes the panel to match the session state. */
  sync(state: SessionState): void {
    const postId = state.feedbackPostId ?? state.openPostId;
    const mode = state.feedbackPostId ? 'feedback' : state.openPostId ? 'decide' : null;
    if (!postId || !mode) {
      this.close();
      return;
    }
    const post = this.deps.level.posts.find((candidate) => candidate.id === postId);
    if (!post) return;
    if (this.shownFor !== postId || this.mode !== mode || !this.panel) {
      this.close();
      this.shownFor = postId;
      this.mode = mode;
      this.panel = openPanel(this.deps.layer, this.title(post, mode, state), () =>
        this.deps.dispatch(mode === 'feedback' ? { type: 'continue' } : { type: 'close' }),
      );
      if (mode === 'decide') this.renderDecide(post, state);
      else this.renderFeedback(post, state);
    } else if (mode === 'decide') {
      this.updateChoices(state);
    }
  }

  /**
   * Moves focus to a part of the open post: its start (the heading, to read it from the
   * top) or its comments (the list, or the line that counts none), scrolled into view.
   */
  reveal(part: PanelPart): void {
    const panel = this.panel;
    if (!panel) return;
    const comments = [...panel.body.querySelectorAll<HTMLElement>('[data-part="comments"]')];
    const target = part === 'start' ? panel.heading : comments.at(-1);
    if (!target) return;
    target.tabIndex = -1;
    target.focus();
    // The count above the comments at the top, so a long list is read from its start.
    (part === 'start' ? target : comments[0])?.scrollIntoView({ block: 'start' });
  }

  close(): void {
    this.panel?.close();
    this.panel = null;
    this.investigation = null;
    this.shownFor = null;
    this.mode = null;
  }

  private text(value: LocalizedText): string {
    return this.deps.translator.text(value);
  }

  private title(post: Post, mode: 'decide' | 'feedback', state: SessionState): string {
    const { t } = this.deps.translator;
    if (mode === 'decide') {
      return t('post.title', {
        name: authorName(this.deps.level, post.author, this.deps.translator.text),
      });
    }
    const answer = state.answers[post.id];
    const feedback = answer ? feedbackFor(answer, post.truth) : null;
    return feedback?.correct ? t('feedback.rightCall') : t('feedback.wrongCall');
  }

  /**
   * The post as the player reads it. Deciding, each sentence of the text is a toggle
   * button the player marks as evidence; in the feedback the tells are highlighted.
   */
  private renderPost(post: Post, mode: 'decide' | 'feedback'): HTMLElement {
    const { t, language } = this.deps.translator;
    const { text, pictureStart } = markableText(post, (value) => this.text(value));
    const sentences = splitSentences(text, language());
    const inText = sentences.filter((sentence) => sentence.start < pictureStart);
    const inPicture = sentences.filter((sentence) => sentence.start >= pictureStart);
    const evidence = post.truth.evidence.map((phrase) => this.text(phrase));
    const marked = (words: string, className: string) => {
      const body = el('p', null, className);
      appendMarked(body, words, evidence);
      return body;
    };
    const body =
      mode === 'decide'
        ? this.renderSentences(inText, 0)
        : marked(text.slice(0, pictureStart).trimEnd(), 'post-text');
    const afterPicture: HTMLElement[] = [];
    if (inPicture.length > 0) {
      // Said on screen too, so a sighted player knows these words came from the picture.
      afterPicture.push(
        el('p', t('investigate.pictureWords'), 'meta'),
        mode === 'decide'
          ? this.renderSentences(inPicture, inText.length)
          : marked(text.slice(pictureStart), 'post-text picture-words'),
      );
    }
    if (mode === 'decide') {
      const hint = el('p', t('investigate.evidenceHint'), 'meta');
      hint.id = 'evidence-hint';
      afterPicture.push(hint);
    }
    return renderPostContent(
      this.deps.translator,
      this.deps.level,
      post,
      [body],
      afterPicture,
      language(),
    );
  }

  /**
   * Sentences as toggle buttons, in a group that says what they are for: the post
   * text's, or the words in its picture (numbered on from the text's).
   */
  private renderSentences(sentences: readonly Sentence[], first: number): HTMLElement {
    const { t } = this.deps.translator;
    const inPicture = first > 0;
    const body = el(
      'p',
      null,
      inPicture ? 'post-text sentences picture-words' : 'post-text sentences',
    );
    body.setAttribute('role', 'group');
    body.setAttribute(
      'aria-label',
      inPicture ? t('investigate.pictureWords') : t('investigate.evidenceHeading'),
    );
    body.setAttribute('aria-describedby', 'evidence-hint');
    sentences.forEach((sentence, offset) => {
      const index = first + offset;
      const toggle = button(sentence.text, () =>
        this.deps.dispatch({ type: 'toggleEvidence', sentence: index }),
      );
      toggle.className = 'sentence';
      toggle.dataset.sentence = String(index);
      toggle.setAttribute('aria-pressed', 'false');
      body.append(toggle, document.createTextNode(' '));
    });
    return body;
  }

  private renderDecide(post: Post, state: SessionState): void {
    const panel = this.panel as Panel;
    const { t } = this.deps.translator;
    panel.body.append(this.renderPost(post, 'decide'));
    this.investigation = new InvestigationView(
      {
        translator: this.deps.translator,
        level: this.deps.level,
        dispatch: this.deps.dispatch,
      },
      post,
    );
    panel.body.append(this.investigation.element);

    const fieldset = el('section');
    fieldset.setAttribute('aria-labelledby', 'tactic-choice-title');
    const heading = el('h3', t('post.chooseTactics'));
    heading.id = 'tactic-choice-title';
    fieldset.append(heading, el('p', t('post.chooseHint'), 'meta'));
    const grid = el('div', null, 'tactic-choices');
    for (const tactic of [...this.deps.tactics, this.deps.lure]) {
      const choice = button('', () => {
        this.deps.dispatch(
          tactic.id === LURE_ID
            ? { type: 'toggleLure' }
            : { type: 'toggleTactic', tacticId: tactic.id },
        );
      });
      choice.dataset.tactic = tactic.id;
      const swatch = el('span', tactic.icon, 'swatch');
      swatch.style.background = tactic.colour;
      swatch.style.color = inkOn(tactic.colour);
      swatch.setAttribute('aria-hidden', 'true');
      const words = el('span');
      words.append(
        el('strong', t(`tactics:${tactic.id}.name`)),
        el('small', t(`tactics:${tactic.id}.short`)),
      );
      const check = el('span', '', 'check');
      check.setAttribute('aria-hidden', 'true');
      choice.append(swatch, words, check);
      grid.append(choice);
    }
    fieldset.append(grid);
    panel.body.append(fieldset);
    if (state.rules.hints) panel.body.append(hintDetails(post, this.deps.translator));

    const status = el('p', '', 'meta');
    status.id = 'flag-status';
    status.setAttribute('role', 'status');
    const actions = el('div', null, 'row');
    const flag = button(
      t('post.flag'),
      () => {
        if (this.deps.dispatch({ type: 'flag' }) === 'empty-flag')
          status.textContent = t('post.flagNeedsChoice');
      },
      'danger',
    );
    flag.dataset.action = 'flag';
    const pass = button(t('post.pass'), () => this.deps.dispatch({ type: 'pass' }), 'ok');
    const close = button(t('post.close'), () => this.deps.dispatch({ type: 'close' }));
    actions.append(flag, pass, close);
    panel.body.append(actions, status);
    this.updateChoices(state);
    grid.querySelector('button')?.focus();
    // 1-5, L, F and G press the same buttons (ui/keyboard.ts lists them in the help).
    const choices = [...grid.querySelectorAll<HTMLButtonElement>('[data-tactic]')];
    const tactic = (index: number) => () =>
      choices.filter((choice) => choice.dataset.tactic !== LURE_ID)[index]?.click();
    pushShortcuts(
      {
        tactic1: tactic(0),
        tactic2: tactic(1),
        tactic3: tactic(2),
        tactic4: tactic(3),
        tactic5: tactic(4),
        lure: () => choices.find((choice) => choice.dataset.tactic === LURE_ID)?.click(),
        flag: () => flag.click(),
        genuine: () => pass.click(),
      },
      panel.dialog,
    );
  }

  private updateChoices(state: SessionState): void {
    const panel = this.panel;
    if (!panel) return;
    const { t } = this.deps.translator;
    for (const choice of panel.body.querySelectorAll<HTMLButtonElement>('[data-tactic]')) {
      const id = choice.dataset.tactic as string;
      const pressed = id === LURE_ID ? state.draft.lure : state.draft.tactics.includes(id);
      choice.setAttribute('aria-pressed', String(pressed));
      const check = choice.querySelector('.check');
      if (check) check.textContent = pressed ? '✓' : '';
    }
    const chosen = state.draft.tactics.length + (state.draft.lure ? 1 : 0);
    const flag = panel.body.querySelector<HTMLButtonElement>('[data-action="flag"]');
    if (flag)
      flag.textContent = chosen > 0 ? t('post.flagCount', { count: chosen }) : t('post.flag');
    const status = panel.body.querySelector('#flag-status');
    if (status && chosen > 0) status.textContent = '';
    const marked = state.draft.evidence ?? [];
    for (const toggle of panel.body.querySelectorAll<HTMLButtonElement>('[data-sentence]'))
      toggle.setAttribute('aria-pressed', String(marked.includes(Number(toggle.dataset.sentence))));
    this.investigation?.update(state);
  }

  /** What the marked sentences earned, and each mark: did it hold a tell? */
  private renderEvidenceFeedback(post: Post, answer: Answer): HTMLElement[] {
    const { t, language } = this.deps.translator;
    const truth = truthsFor({ posts: [post] }, language()).get(post.id);
    const marked = answer.evidence ?? [];
    if (!truth) return [];
    if (marked.length === 0) return [el('p', t('investigate.evidenceNone'))];
    const tells = new Set(truth.tellSentences ?? []);
    const matched = marked.filter((index) => tells.has(index)).length;
    const summary = el(
      'p',
      t('investigate.evidenceBonus', {
        points: evidenceBonus(answer, truth),
        matched,
        marked: marked.length,
      }),
    );
    summary.dataset.evidenceBonus = String(evidenceBonus(answer, truth));
    const sentences = splitSentences(
      markableText(post, (value) => this.text(value)).text,
      language(),
    );
    const list = el('ul');
    list.setAttribute('aria-label', t('investigate.yourMarks'));
    for (const index of marked) {
      const sentence = sentences[index];
      if (!sentence) continue;
      const tell = tells.has(index);
      list.append(
        el(
          'li',
          t(tell ? 'investigate.markTell' : 'investigate.markNoTell', { sentence: sentence.text }),
          tell ? 'verdict-right' : 'verdict-wrong',
        ),
      );
    }
    return [summary, list];
  }

  private renderFeedback(post: Post, state: SessionState): void {
    const panel = this.panel as Panel;
    const { t } = this.deps.translator;
    const answer = state.answers[post.id];
    if (!answer) return;
    const feedback = feedbackFor(answer, post.truth);
    const outcome = outcomeOf(answer, post.truth);
    panel.body.append(el('p', t(`feedback.${outcome}`)));

    if (feedback.items.length > 0) {
      const list = el('ul');
      list.setAttribute('aria-label', t('feedback.tactics'));
      for (const item of feedback.items) {
        const li = el('li', null, `verdict-${item.verdict}`);
        li.append(
          el(
            'strong',
            t('feedback.verdictLine', {
              verdict: t(`feedback.verdict.${item.verdict}`),
              tactic: t(`tactics:${item.id}.name`),
            }),
          ),
        );
        const explanation = post.truth.explanations[item.id];
        if (explanation && item.verdict !== 'wrong')
          li.append(el('span', ` – ${this.text(explanation)}`));
        if (item.verdict === 'wrong') li.append(el('span', ` – ${t('feedback.notThisTactic')}`));
        list.append(li);
      }
      panel.body.append(list);
    }
    if (post.truth.whyGenuine) panel.body.append(el('p', this.text(post.truth.whyGenuine)));
    if (outcome === 'hit') panel.body.append(...this.renderEvidenceFeedback(post, answer));
    if (post.truth.evidence.length > 0) panel.body.append(el('h3', t('feedback.tells')));
    panel.body.append(this.renderPost(post, 'feedback'));

    const actions = el('div', null, 'row');
    const next = button(
      t('feedback.continue'),
      () => this.deps.dispatch({ type: 'continue' }),
      'primary',
    );
    actions.append(next);
    panel.body.append(actions);
    next.focus();
  }
}
