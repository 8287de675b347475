/** The debrief's posts worth another look (every post after an Exam), each with its feedback. */
import { authorName } from '../../core/authors';
import { lookedLike, postsToReview } from '../../core/debrief';
import type { Post } from '../../core/level/schema';
import { type Answer, isFlagged, outcomeOf, type Score } from '../../core/scoring';
import { feedbackFor } from '../../core/session';
import type { Translator } from '../../services/i18n';
import type { Play } from '../../services/play';
import { el } from '../../ui/dialog';
import { markedText } from '../../ui/post-content';

/** After an Exam every post with its feedback; otherwise the few worth another look. */
export function renderPostReviews(
  panel: HTMLElement,
  translator: Translator,
  play: Play,
  score: Score,
): void {
  const { t } = translator;
  const everyPost = play.state.rules.feedback === 'end';
  panel.append(el('h2', t(everyPost ? 'modes.debrief.allPosts' : 'modes.debrief.lookAgain')));
  const ids = everyPost ? play.state.order : postsToReview(score).map((post) => post.postId);
  if (ids.length === 0) {
    panel.append(el('p', t('modes.debrief.lookAgainNone')));
    return;
  }
  const list = el('ol', null, 'post-reviews');
  for (const postId of ids) {
    const post = play.post(postId);
    if (!post) continue;
    const answer = Object.hasOwn(play.state.answers, postId)
      ? play.state.answers[postId]
      : undefined;
    list.append(postReview(translator, play, post, answer));
  }
  panel.append(list);
}

/** One post: its text with the tells marked, the player's call, and each facet explained. */
function postReview(
  translator: Translator,
  play: Play,
  post: Post,
  answer: Answer | undefined,
): HTMLElement {
  const { t } = translator;
  const item = el('li', null, 'post-review');
  item.dataset.post = post.id;
  item.append(el('p', authorName(play.level, post.author, translator.text), 'meta'));
  item.append(markedText(translator, post));
  if (!answer) {
    item.append(el('p', t('modes.debrief.yourCall.undecided')));
    return item;
  }
  const flagged = isFlagged(answer);
  item.append(
    el(
      'p',
      `${t(flagged ? 'modes.debrief.yourCall.flagged' : 'modes.debrief.yourCall.passed')} ${t(`feedback.${outcomeOf(answer, post.truth)}`)}`,
    ),
  );
  const verdicts = el('ul');
  verdicts.setAttribute('aria-label', t('feedback.tactics'));
  for (const { id, verdict } of feedbackFor(answer, post.truth).items) {
    const explanation = post.truth.explanations[id];
    const why =
      verdict === 'wrong'
        ? t('feedback.notThisTactic')
        : explanation
          ? translator.text(explanation)
          : '';
    const line = el('li', null, `verdict-${verdict}`);
    line.append(
      el(
        'strong',
        t('feedback.verdictLine', {
          verdict: t(`feedback.verdict.${verdict}`),
          tactic: t(`tactics:${id}.name`),
        }),
      ),
      why ? ` – ${why}` : '',
    );
    verdicts.append(line);
  }
  if (verdicts.childElementCount > 0) item.append(verdicts);
  if (post.truth.whyGenuine) {
    // A flagged look-alike: say what it looked like, so its "why genuine" reads as the contrast.
    const facets = lookedLike(answer, post.truth).map((id) => t(`tactics:${id}.name`));
    const lead =
      facets.length > 0
        ? t('modes.debrief.lookAlike', {
            facets: new Intl.ListFormat(translator.language()).format(facets),
          })
        : `${t('modes.debrief.genuine')}:`;
    item.append(el('p', `${lead} ${translator.text(post.truth.whyGenuine)}`));
  }
  return item;
}
