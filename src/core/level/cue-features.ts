/**
 * Surface features of a post that need no understanding of what it says: the cues a
 * player could learn as shortcuts ("young account = flag"). Computed per language,
 * since numbers, punctuation, length and words differ between translations.
 * Pure (no DOM, Phaser or Node), so the facilitator page and an editor can use it.
 */
import { accountOf, authorName } from '../authors';
import type { Account, Level, Post } from './schema';

/** account, engagement, link, form and investigation are non-lexical; lexical are words. */
export type CueCategory = 'account' | 'engagement' | 'link' | 'form' | 'investigation' | 'lexical';
/** card: on the post as the feed shows it; profile: behind the Profile check and the other checks. */
export type CueVisibility = 'card' | 'profile';

export interface CueDefinition {
  /** Also the i18n key cues.cue.<id> of its name. */
  id: string;
  category: CueCategory;
  visibility: CueVisibility;
  /** Yes/no cues hold 0 or 1; counts and sizes are log-scaled for the regression. */
  binary: boolean;
}

/** What one post shows in one language. */
export interface PostView {
  post: Post;
  account: Account | undefined;
  text: string;
  /** The comments' texts and authors in this language. */
  comments: { author: string; text: string }[];
  accountName: string;
  language: string;
}

export function postView(level: Level, post: Post, language: string): PostView {
  const local = (text: Readonly<Record<string, string>>) => text[language] ?? '';
  const account = accountOf(level, post.author);
  return {
    post,
    account,
    language,
    text: local(post.text),
    comments: post.comments.map((comment) => ({
      author: local(comment.author),
      text: local(comment.text),
    })),
    accountName: authorName(level, post.author, local),
  };
}

/**
 * The shortcut words, per language: a fixed list of what a player might learn as
 * "this word means flag". Written to match the word's forms, not every synonym
 * (Ukrainian "брати" is also the verb "to take"; counted, as a skimming player would).
 */
const L = '(?<!\\p{L})';
const R = '(?!\\p{L})';
const words = (patterns: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(patterns).map(([language, pattern]) => [language, new RegExp(pattern, 'iu')]),
  );
export const SHORTCUT_WORDS: Record<string, Record<string, RegExp>> = {
  brothers: words({
    en: `${L}(brothers?|brotherhood|bros?)${R}`,
    ru: `${L}(брат(а|у|ом|е|ья|ьев|ьям|ьями|ишк\\p{L}*|ск\\p{L}*|ств\\p{L}*)?|собрат\\p{L}*)${R}`,
    uk: `${L}(брат(а|у|ом|е|и|ів|ам|ами|ик\\p{L}*|ськ\\p{L}*|ерств\\p{L}*)?|браття|побратим\\p{L}*)${R}`,
    'zh-Hans': '兄弟|弟兄|同胞|手足',
  }),
  west: words({
    en: `${L}(the west|western)${R}`,
    ru: `${L}запад\\p{L}*`,
    uk: `${L}(захід|заходу|західн\\p{L}*)${R}`,
    'zh-Hans': '西方',
  }),
  bonus: words({
    en: `${L}bonus(es)?${R}`,
    ru: `${L}(бонус\\p{L}*|преми[яиюей]\\p{L}*)`,
    uk: `${L}(бонус\\p{L}*|премі[яїюєй]\\p{L}*)`,
    'zh-Hans': '奖金|补贴|红包',
  }),
  dm: words({
    en: `${L}(dm|dms|pm me|message me|inbox me|write to me|direct message)${R}`,
    ru: `(в личк|личку|в лс${R}|пиши мне|напиши мне)`,
    uk: `(в особист|особисті${R}|пиши мені|напиши мені)`,
    'zh-Hans': '私信|私聊|加微信|联系我',
  }),
  contract: words({
    en: `${L}contracts?${R}`,
    ru: `${L}контракт\\p{L}*`,
    uk: `${L}контракт\\p{L}*`,
    'zh-Hans': '合同|合约|签约',
  }),
  hero: words({
    en: `${L}(hero|heroes|heroic)${R}`,
    ru: `${L}геро[йияею]\\p{L}*`,
    uk: `${L}геро[йїяєю]\\p{L}*`,
    'zh-Hans': '英雄',
  }),
  duty: words({
    en: `${L}duty${R}`,
    ru: `${L}(долг|долга|долгу|долгом)${R}`,
    uk: `${L}(обов['’]яз(ок|ку|ком))${R}`,
    'zh-Hans': '使命|义务|职责',
  }),
  signUp: words({
    en: `${L}(sign(ing)?[ -]?up|enlist\\p{L}*|join up)${R}`,
    ru: `${L}(запиш\\p{L}*|записыва\\p{L}*)`,
    uk: `${L}(запиш\\p{L}*|записуй\\p{L}*)`,
    'zh-Hans': '报名|入伍|参军',
  }),
  limited: words({
    en: `${L}(limited|last (places|spots|chance)|only \\d+ (places|spots|seats))${R}`,
    ru: `${L}(ограничен\\p{L}*|последн\\p{L}* (мест|шанс)\\p{L}*|осталось)${R}`,
    uk: `${L}(обмежен\\p{L}*|останн\\p{L}* (місц|шанс)\\p{L}*|залишил\\p{L}*)${R}`,
    'zh-Hans': '名额有限|仅剩|最后机会|最后.个名额',
  }),
  homeland: words({
    en: `${L}(motherland|homeland|fatherland)${R}`,
    ru: `${L}родин[аыеуой]${R}`,
    uk: `${L}батьківщин\\p{L}*`,
    'zh-Hans': '祖国',
  }),
  realMen: words({
    en: `${L}real (men|man|guys)${R}`,
    ru: `${L}настоящ\\p{L}* (мужик|мужчин|парн)\\p{L}*`,
    uk: `${L}справжн\\p{L}* (чолов|хлоп|мужик)\\p{L}*`,
    'zh-Hans': '真男人|男子汉|真爷们',
  }),
  urgent: words({
    en: `${L}(urgent(ly)?|hurry|today only|this week only)${R}`,
    ru: `${L}(срочно|торопись|спеши|только сегодня|только на этой неделе)${R}`,
    uk: `${L}(терміново|поспішай|лише сьогодні|тільки сьогодні|лише цього тижня)${R}`,
    'zh-Hans': '紧急|抓紧|速来|仅限今天|仅限本周|马上',
  }),
};

/** Phone numbers in levels use the reserved 000- prefix (docs/content.md). */
const PHONE = /(?<!\d)000[-\s]?\d/u;

/** A comment that questions the post: a question mark or a word of doubt. */
const DOUBT: Record<string, RegExp> = {
  en: /[?？]|\b(scam|fake|source|legit|sure about|proof|who pays)\b/iu,
  ru: /[?？]|(развод|фейк|источник|правда ли|доказательств|лохотрон)/iu,
  uk: /[?？]|(розвод|фейк|джерел|чи правда|доказ|шахра)/iu,
  'zh-Hans': /[?？]|(骗|假的|来源|真的吗|靠谱吗|证据)/u,
};

/** Multipliers written after a number: 18万, 95 тыс., 1.5 million. */
const MULTIPLIERS: [RegExp, number][] = [
  [/^\s*(万)/u, 1e4],
  [/^\s*(亿)/u, 1e8],
  [/^\s*(тыс|тис)/iu, 1e3],
  [/^\s*(млн|мільйон|миллион)/iu, 1e6],
  [/^\s*(million)\b/iu, 1e6],
  [/^\s*(thousand|k\b)/iu, 1e3],
];

/**
 * The numbers a text mentions, as values: "180,000", "180 000", "1,5", "18万",
 * "95 тыс.". A comma followed by exactly three digits groups thousands; otherwise it
 * is a decimal comma.
 */
export function numbersIn(text: string): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(/\d+(?:[ \u00a0\u202f,]\d{3}(?!\d))*(?:[.,]\d+)?/gu)) {
    const raw = match[0];
    const grouped = raw.replace(/[ \u00a0\u202f]/gu, '').replace(/,(?=\d{3}(?!\d))/gu, '');
    let value = Number.parseFloat(grouped.replace(',', '.'));
    const after = text.slice((match.index ?? 0) + raw.length);
    for (const [pattern, factor] of MULTIPLIERS) {
      if (pattern.test(after)) {
        value *= factor;
        break;
      }
    }
    if (Number.isFinite(value)) found.push(value);
  }
  return found;
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const yes = (condition: boolean) => (condition ? 1 : 0);
/** The last label of the host name: "com" for https://shop.example.com/x. */
const domainEnding = (url: string | undefined) =>
  url?.match(/^[a-z]+:\/\/[^/?#:]*\.([a-z]+)(?=[/?#:]|$)/iu)?.[1]?.toLowerCase() ?? '';
const verdicts = (view: PostView, verdict: string) =>
  (view.post.investigation?.sources ?? []).filter((source) => source.verdict === verdict).length;

export const isDoubting = (language: string, text: string) =>
  (DOUBT[language] ?? DOUBT.en)?.test(text) ?? false;

interface Cue extends CueDefinition {
  /** NaN when the post does not have it (no link check, say): never flagged, imputed. */
  value: (view: PostView) => number;
}

const cue = (
  id: string,
  category: CueCategory,
  visibility: CueVisibility,
  binary: boolean,
  value: (view: PostView) => number,
): Cue => ({ id, category, visibility, binary, value });

export const CUES: readonly Cue[] = [
  ...(['text', 'image', 'video', 'chat'] as const).map((kind) =>
    cue(`kind-${kind}`, 'form', 'card', true, (view) => yes(view.post.kind === kind)),
  ),
  cue('sponsored', 'form', 'card', true, (view) => yes(view.post.kind === 'ad')),
  cue('media', 'form', 'card', true, (view) => yes(view.post.media !== undefined)),
  cue('numbers', 'form', 'card', false, (view) => numbersIn(view.text).length),
  cue('biggest-number', 'form', 'card', false, (view) => Math.max(0, ...numbersIn(view.text))),
  cue('exclamations', 'form', 'card', false, (view) => count(view.text, /[!！]/gu)),
  cue('questions', 'form', 'card', false, (view) => count(view.text, /[?？]/gu)),
  cue('emoji', 'form', 'card', false, (view) => count(view.text, /\p{Extended_Pictographic}/gu)),
  cue('caps-words', 'form', 'card', false, (view) =>
    count(view.text, /(?<!\p{L})\p{Lu}{2,}(?!\p{L})/gu),
  ),
  cue('text-length', 'form', 'card', false, (view) => [...view.text].length),
  cue('handle-digits', 'form', 'card', false, (view) => count(view.account?.handle ?? '', /\d/gu)),
  cue('handle-separators', 'form', 'card', false, (view) =>
    count(view.account?.handle.slice(1) ?? '', /[_.-]/gu),
  ),
  cue('handle-length', 'form', 'card', false, (view) => view.account?.handle.length ?? 0),
  cue('minutes-ago', 'form', 'card', false, (view) => view.post.minutesAgo),
  cue('link', 'link', 'card', true, (view) => yes(view.post.link !== undefined)),
  ...['com', 'org', 'net'].map((ending) =>
    cue(`link-${ending}`, 'link', 'card', true, (view) =>
      yes(domainEnding(view.post.link?.url) === ending),
    ),
  ),
  cue('verified', 'account', 'card', true, (view) => yes(view.account?.verified ?? false)),
  cue('likes', 'engagement', 'card', false, (view) => view.post.likes),
  cue('shares', 'engagement', 'card', false, (view) => view.post.shares),
  cue('comments', 'engagement', 'card', false, (view) => view.comments.length),
  cue('shares-per-like', 'engagement', 'card', false, (view) =>
    view.post.likes === 0 ? Number.NaN : view.post.shares / view.post.likes,
  ),
  cue('comments-per-like', 'engagement', 'card', false, (view) =>
    view.post.likes === 0 ? Number.NaN : view.comments.length / view.post.likes,
  ),
  cue(
    'doubting-comments',
    'engagement',
    'card',
    false,
    (view) => view.comments.filter((comment) => isDoubting(view.language, comment.text)).length,
  ),
  cue(
    'author-replies',
    'engagement',
    'card',
    false,
    (view) => view.comments.filter((comment) => comment.author === view.accountName).length,
  ),
  cue('account-age', 'account', 'profile', false, (view) =>
    view.account ? view.account.accountAgeDays : Number.NaN,
  ),
  cue('followers', 'account', 'profile', false, (view) => view.account?.followers ?? Number.NaN),
  cue('following', 'account', 'profile', false, (view) => view.account?.following ?? Number.NaN),
  cue('history', 'account', 'profile', false, (view) => view.account?.history.length ?? 0),
  ...['confirms', 'contradicts', 'no-coverage'].map((verdict) =>
    cue(`sources-${verdict}`, 'investigation', 'profile', false, (view) => verdicts(view, verdict)),
  ),
  cue(
    'link-domain-age',
    'investigation',
    'profile',
    false,
    (view) => view.post.investigation?.link?.domainAgeDays ?? Number.NaN,
  ),
  cue('image-reused', 'investigation', 'profile', true, (view) =>
    yes(view.post.investigation?.image !== undefined),
  ),
  cue('phone-number', 'lexical', 'card', true, (view) => yes(PHONE.test(view.text))),
  ...Object.entries(SHORTCUT_WORDS).map(([word, patterns]) =>
    cue(`word-${word}`, 'lexical', 'card', true, (view) =>
      yes(patterns[view.language]?.test(view.text) ?? false),
    ),
  ),
];

export const isLexical = (definition: CueDefinition) => definition.category === 'lexical';
