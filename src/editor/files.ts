/** Levels in and out: the facilitator's loaders, a zip of levels, playing and exporting a draft. */
import { zipSync } from 'fflate';
import { exportLevel } from '../core/editor/normalise';
import type { Level } from '../core/level/schema';
import type { Content } from '../services/content';
import type { Translator } from '../services/i18n';
import { button, el } from '../ui/dialog';
import {
  fetchLevels,
  levelSourceInputs,
  readLevelFiles,
  validateCustom,
} from '../workshop/custom-levels';
import { download, pageUrl } from '../workshop/share';
import type { DraftSaver } from './saving';

/** Files, a folder, a zip or a URL: the facilitator's loaders, with the same messages. */
export function openFilesSection(
  translator: Translator,
  content: Content,
  opened: (levels: Level[]) => void,
): HTMLElement {
  const { t } = translator;
  const section = el('section');
  section.append(el('h2', t('editor:start.openFile')), el('p', t('editor:start.openHelp'), 'hint'));
  const report = el('div');
  report.setAttribute('role', 'status');
  // A trainer's file may carry a campaign level's id: here that is an edit, not a clash.
  const check = (unpacked: Parameters<typeof validateCustom>[2]) =>
    validateCustom(translator, { ...content, levels: [] }, unpacked);
  const show = (result: { levels: Level[]; messages: string[] }) => {
    report.replaceChildren();
    if (result.messages.length > 0) {
      const list = el('ul', null, 'broken-level');
      for (const message of result.messages) list.append(el('li', message));
      report.append(el('p', t('editor:start.problems')), list);
    }
    if (result.levels.length > 0) opened(result.levels);
  };
  section.append(
    ...levelSourceInputs(
      translator,
      (files) => void readLevelFiles(files).then((unpacked) => show(check(unpacked))),
      (address) => {
        report.replaceChildren(el('p', t('common.loading')));
        void fetchLevels(translator, address).then((unpacked) =>
          show(
            typeof unpacked === 'string' ? { levels: [], messages: [unpacked] } : check(unpacked),
          ),
        );
      },
    ),
    report,
  );
  return section;
}

export function exportPack(levels: readonly Level[]): void {
  const files = Object.fromEntries(
    levels.map((level, index) => [
      `${String(index + 1).padStart(2, '0')}-${level.id}.json`,
      new TextEncoder().encode(exportLevel(level)),
    ]),
  );
  download('levels-pack.zip', zipSync(files), 'application/zip');
}

/** Playing the draft in a new tab and exporting it. */
export function shareSection(
  translator: Translator,
  level: () => Level,
  playLink: HTMLAnchorElement,
  saver: DraftSaver,
): HTMLElement {
  const { t } = translator;
  const section = el('section', null, 'editor-actions');
  section.append(el('h2', t('editor:share.title')));
  const play = playLink;
  play.textContent = t('editor:play');
  play.href = pageUrl({ draft: saver.draft.id });
  play.target = '_blank';
  play.rel = 'noopener';
  // The game reads the draft from storage: what is typed must be there first.
  play.addEventListener('click', () => saver.flush());
  section.append(
    el('p', null),
    button(t('editor:export.json'), () =>
      download(`${level().id}.json`, exportLevel(level()), 'application/json'),
    ),
    button(t('editor:export.pack'), () => exportPack([level()])),
    el('p', t('editor:share.help'), 'hint'),
  );
  section.firstElementChild?.nextElementSibling?.append(play);
  return section;
}
