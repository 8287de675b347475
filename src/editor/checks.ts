/** The checks panel: the validator's problems, the cue check and missing translations. */
import { exportLevel } from '../core/editor/normalise';
import { missingTranslations } from '../core/editor/operations';
import type { Problem } from '../core/level/problem';
import type { Level } from '../core/level/schema';
import { shortcutResults } from '../core/level/shortcuts';
import { validateLevelSource } from '../core/level/validate';
import type { Content } from '../services/content';
import type { Translator } from '../services/i18n';
import { button, el } from '../ui/dialog';

/** Lists what is wrong with the level; each problem is a button going to its field. */
export function renderChecks(
  area: HTMLElement,
  translator: Translator,
  content: Content,
  level: Level,
  languageName: (language: string) => string,
  goTo: (path: string) => void,
): void {
  const { t } = translator;
  const result = validateLevelSource(exportLevel(level), {
    builtInTactics: content.taxonomy.tactics.map((tactic) => tactic.id),
  });
  area.replaceChildren();
  const heading = el('h2', t('editor:checks.title'));
  area.append(heading);

  const problems: Problem[] = result.ok ? [] : result.problems;
  const problemHeading = el('h3', t('editor:checks.problems', { count: problems.length }));
  area.append(problemHeading);
  if (problems.length === 0) area.append(el('p', t('editor:checks.noProblems'), 'ok'));
  const list = el('ul', null, 'editor-problems');
  for (const problem of problems) {
    const message = t(`validation:${problem.code}`, {
      ...problem.params,
      defaultValue: problem.code,
    });
    const where = problem.path === '' ? t('validation:whole-file') : problem.path;
    const item = el('li');
    // A missing language names its text; the box of that language is the place to go.
    const lang = problem.params.lang;
    const place =
      typeof lang === 'string' && problem.path !== '' ? `${problem.path}.${lang}` : problem.path;
    const go = button(`${where}: ${message}`, () => goTo(place));
    go.className = 'link-button';
    item.append(go);
    list.append(item);
  }
  area.append(list);

  // The cue check: a shortcut that passes the level means surface cues give it away.
  area.append(el('h3', t('editor:checks.cues')));
  if (!result.ok) area.append(el('p', t('editor:checks.cuesWait'), 'hint'));
  else {
    const passing = shortcutResults(result.value, result.value.languages).filter(
      (shortcut) => !shortcut.fails,
    );
    if (passing.length === 0) area.append(el('p', t('editor:checks.noCues'), 'ok'));
    const cues = el('ul', null, 'editor-cues');
    for (const shortcut of passing)
      cues.append(
        el(
          'li',
          t(`editor:cues.${shortcut.shortcut}`, {
            percent: Math.round(shortcut.percent),
            passMark: shortcut.passMark,
            flagged: shortcut.flagged,
            posts: shortcut.posts,
          }),
        ),
      );
    area.append(cues);
  }

  // Translations: how many texts each language still lacks.
  const missing = missingTranslations(level);
  area.append(el('h3', t('editor:checks.translations', { count: missing.length })));
  const counts = el('ul', null, 'editor-translations');
  for (const language of level.languages) {
    const count = missing.filter((entry) => entry.language === language).length;
    counts.append(
      el('li', t('editor:checks.missingIn', { language: languageName(language), count })),
    );
  }
  area.append(counts);
}

/** Focuses the control of a path, or the first control inside it, or the nearest one around it. */
export function focusPath(root: HTMLElement, formArea: HTMLElement, path: string): void {
  let key = path;
  for (;;) {
    const quoted = CSS.escape(key);
    const target = root.querySelector<HTMLElement>(
      `[data-path="${quoted}"], [data-path^="${quoted}."], [data-path^="${quoted}["]`,
    );
    if (target) {
      target.focus();
      return;
    }
    const shorter = key.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
    if (shorter === key || shorter === '') break;
    key = shorter;
  }
  formArea.querySelector<HTMLElement>('h2')?.focus();
}
