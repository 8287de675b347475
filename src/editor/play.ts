/**
 * `?draft=<id>`: the game plays an editor draft in its own tab. The draft is read from
 * this browser's storage, checked like any trainer's file, and added to this tab's
 * levels only: the campaign and its files are not changed.
 */
import { exportLevel } from '../core/editor/normalise';
import { freshId } from '../core/editor/operations';
import type { GameContext } from '../scenes/context';
import type { SceneEntry } from '../scenes/navigation';
import type { Content } from '../services/content';
import { el } from '../ui/dialog';
import { addLevels, validateCustom } from '../workshop/custom-levels';
import { pageUrl } from '../workshop/share';
import { loadPageStrings, loadWorkshopStrings } from '../workshop/strings';
import { openDraftStore } from './draft-store';
import '../workshop/workshop.css';

export async function playDraft(
  ctx: GameContext,
  draftId: string,
  open: (entry: SceneEntry) => void,
): Promise<void> {
  await loadPageStrings(ctx.translator, 'editor');
  await loadWorkshopStrings(ctx.translator);
  const { t } = ctx.translator;
  const fail = (message: string, details: readonly string[] = []) => {
    ctx.layer.clear();
    const panel = ctx.layer.adopt(el('section', null, 'overlay-panel workshop-join'));
    const heading = el('h1', t('editor:playTitle'));
    heading.tabIndex = -1;
    panel.append(heading, el('p', message, 'notice'));
    if (details.length > 0) {
      const list = el('ul', null, 'broken-level');
      for (const detail of details) list.append(el('li', detail));
      panel.append(list);
    }
    const back = el('a', t('editor:backToEditor'));
    back.href = pageUrl({ editor: draftId });
    panel.append(back);
    heading.focus();
  };
  const draft = openDraftStore().load(draftId);
  if (!draft) return fail(t('editor:playMissing'));
  let content: Content;
  try {
    content = await ctx.contentReady;
  } catch (error) {
    return fail(t('common.loadFailed', { reason: (error as Error).message }));
  }
  const checked = validateCustom(
    ctx.translator,
    { ...content, levels: [] },
    { files: [{ name: draft.name, source: exportLevel(draft.level) }], problems: [] },
  );
  const [valid] = checked.levels;
  if (!valid) return fail(t('editor:playProblems'), checked.messages);
  // A copy of a campaign level keeps its own progress apart from the original's.
  const ids = content.levels.map((level) => level.id);
  const level = ids.includes(valid.id)
    ? { ...valid, id: freshId(`${valid.id}-draft`, ids) }
    : valid;
  addLevels(ctx.translator, content, [level]);
  ctx.allUnlocked = true;
  ctx.layer.clear();
  open({ scene: 'feed', data: { levelId: level.id } });
}
