/**
 * The facilitator's page: choose levels and their order, mode, time limit, a name and
 * the feed-order seed, and get a workshop link and QR code that carry all of it.
 */

import type { Level } from '../core/level/schema';
import { encodeSetup, MAX_TIME_LIMIT_MINUTES, type WorkshopSetup } from '../core/workshop/setup';
import type { Content } from '../services/content';
import type { Translator } from '../services/i18n';
import { button, el } from '../ui/dialog';
import {
  addLevels,
  levelSourceInputs,
  loadPacks,
  readLevelFiles,
  validateCustom,
} from './custom-levels';
import { alertLine, copyText, field, pageUrl, qrImage } from './share';

export function renderFacilitator(main: HTMLElement, translator: Translator, content: Content) {
  const { t, text } = translator;
  main.append(el('h1', t('workshop:facilitator.title')), el('p', t('workshop:facilitator.intro')));
  const editor = el('a', t('workshop:facilitator.editor'));
  editor.href = pageUrl({ editor: '' });
  const editorLine = el('p');
  editorLine.append(editor);
  main.append(editorLine);
  const form = el('form', null, 'workshop-form');
  main.append(form);

  const name = el('input');
  name.type = 'text';
  name.maxLength = 80;
  form.append(field(name, t('workshop:facilitator.name')).wrapper);

  // Levels: tick to include; the chosen ones form an ordered list with move buttons.
  const chosen: string[] = [];
  const levelSet = el('fieldset');
  levelSet.append(el('legend', t('workshop:facilitator.levels')));
  levelSet.append(el('p', t('workshop:facilitator.levelsHelp'), 'hint'));
  const titleOf = (id: string) => {
    const level = content.levels.find((candidate) => candidate.id === id);
    return level ? text(level.title) : id;
  };
  const orderList = el('ol', null, 'workshop-order');
  const orderHeading = el('h2', t('workshop:facilitator.order'));
  const renderOrder = (focusId?: string, focusDirection?: 'up' | 'down') => {
    orderList.replaceChildren();
    chosen.forEach((id, index) => {
      const item = el('li');
      item.append(el('span', titleOf(id)));
      const up = button('↑', () => move(index, -1, id, 'up'));
      up.setAttribute('aria-label', t('workshop:facilitator.moveUp', { title: titleOf(id) }));
      up.disabled = index === 0;
      const down = button('↓', () => move(index, 1, id, 'down'));
      down.setAttribute('aria-label', t('workshop:facilitator.moveDown', { title: titleOf(id) }));
      down.disabled = index === chosen.length - 1;
      const guide = el('a', t('workshop:facilitator.guide'));
      guide.href = pageUrl({ guide: id });
      guide.target = '_blank';
      guide.rel = 'noopener';
      guide.setAttribute('aria-label', t('workshop:facilitator.guideFor', { title: titleOf(id) }));
      // A trainer's own level lives only in this page, so there is no guide page for it.
      if (!customSources.has(id)) item.append(guide);
      item.append(up, down);
      orderList.append(item);
      if (id === focusId) {
        const target = focusDirection === 'up' && !up.disabled ? up : down.disabled ? up : down;
        target.focus();
      }
    });
  };
  const move = (index: number, by: number, id: string, direction: 'up' | 'down') => {
    const [item] = chosen.splice(index, 1);
    chosen.splice(index + by, 0, item as string);
    renderOrder(id, direction);
  };
  const levelBoxes = el('div');
  const addCheckbox = (level: Level) => {
    const box = el('input');
    box.type = 'checkbox';
    box.value = level.id;
    const label = el('label', null, 'check');
    label.append(box, el('span', text(level.title)));
    box.addEventListener('change', () => {
      if (box.checked) chosen.push(level.id);
      else chosen.splice(chosen.indexOf(level.id), 1);
      renderOrder();
    });
    levelBoxes.append(label);
  };
  for (const level of content.levels) addCheckbox(level);
  // Where each custom level came from: a URL goes into the link, a file cannot.
  const customSources = new Map<string, string | null>();
  levelSet.append(
    levelBoxes,
    customLevelsSection(translator, content, (levels, url) => {
      for (const level of levels) {
        customSources.set(level.id, url);
        addCheckbox(level);
      }
    }),
  );
  form.append(levelSet, orderHeading, orderList);

  const radios = (name: string, legend: string, values: readonly string[]) => {
    const set = el('fieldset');
    set.append(el('legend', legend));
    for (const [index, value] of values.entries()) {
      const radio = el('input');
      radio.type = 'radio';
      radio.name = `workshop-${name}`;
      radio.value = value;
      radio.checked = index === 0;
      const label = el('label', null, 'check');
      label.append(radio, el('span', t(`workshop:${name}.${value}`)));
      set.append(label);
    }
    form.append(set);
    return () =>
      form.querySelector<HTMLInputElement>(`input[name="workshop-${name}"]:checked`)?.value;
  };
  const chosenMode = radios('mode', t('workshop:facilitator.mode'), ['learn', 'exam']);
  const chosenFeedback = radios('feedback', t('workshop:facilitator.feedback'), [
    'immediate',
    'end',
  ]);
  const chosenCheck = radios('check', t('workshop:facilitator.check'), [
    'off',
    'pre-post',
    'booster',
  ]);

  const minutes = el('input');
  minutes.type = 'number';
  minutes.min = '0';
  minutes.max = String(MAX_TIME_LIMIT_MINUTES);
  minutes.step = '1';
  minutes.value = '0';
  form.append(
    field(minutes, t('workshop:facilitator.timer'), t('workshop:facilitator.timerHelp')).wrapper,
  );

  const seed = el('input');
  seed.type = 'text';
  seed.maxLength = 40;
  seed.required = true;
  seed.value = Math.random().toString(36).slice(2, 8);
  form.append(
    field(seed, t('workshop:facilitator.seed'), t('workshop:facilitator.seedHelp')).wrapper,
  );

  const error = alertLine();
  const make = el('button', t('workshop:facilitator.make'), 'primary');
  make.type = 'submit';
  form.append(error, make);

  const output = el('section', null, 'workshop-output');
  output.hidden = true;
  main.append(output);
  const dashboard = el('a', t('workshop:facilitator.dashboard'));
  dashboard.href = pageUrl({ dashboard: '' });
  const dashboardLine = el('p');
  dashboardLine.append(dashboard);
  main.append(dashboardLine);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const limit = Number(minutes.value);
    const fromFile = chosen.find((id) => customSources.get(id) === null);
    const problem =
      fromFile !== undefined
        ? t('workshop:custom.fileNotShareable', { title: titleOf(fromFile) })
        : chosen.length === 0
          ? t('workshop:facilitator.noLevels')
          : !Number.isInteger(limit) || limit < 0 || limit > MAX_TIME_LIMIT_MINUTES
            ? t('workshop:facilitator.badTimer', { max: MAX_TIME_LIMIT_MINUTES })
            : seed.value.trim() === ''
              ? t('workshop:facilitator.noSeed')
              : null;
    if (problem) {
      error.hidden = false;
      error.textContent = problem;
      return;
    }
    error.hidden = true;
    const setup: WorkshopSetup = {
      levels: [...chosen],
      mode: (chosenMode() ?? 'learn') as WorkshopSetup['mode'],
      feedback: (chosenFeedback() ?? 'immediate') as WorkshopSetup['feedback'],
      timeLimitMinutes: limit === 0 ? null : limit,
      title: name.value.trim(),
      check: (chosenCheck() ?? 'off') as WorkshopSetup['check'],
      packs: [...new Set(chosen.flatMap((id) => customSources.get(id) ?? []))],
      seed: seed.value.trim(),
    };
    showLink(output, translator, pageUrl({ workshop: encodeSetup(setup) }));
  });
}

function showLink(output: HTMLElement, { t }: Translator, link: string): void {
  output.hidden = false;
  const heading = el('h2', t('workshop:facilitator.link'));
  heading.tabIndex = -1;
  const input = el('input');
  input.type = 'text';
  input.readOnly = true;
  input.value = link;
  const status = el('p', null, 'meta');
  status.setAttribute('role', 'status');
  const open = el('a', t('workshop:facilitator.tryIt'));
  open.href = link;
  open.target = '_blank';
  open.rel = 'noopener';
  output.replaceChildren(
    heading,
    el('p', t('workshop:facilitator.linkReady')),
    field(input, t('workshop:facilitator.link')).wrapper,
    button(t('workshop:facilitator.copy'), () => {
      void copyText(input).then((copied) => {
        status.textContent = copied ? t('workshop:copied') : t('workshop:copyByHand');
      });
    }),
    status,
    el('p'),
  );
  output.lastElementChild?.append(open);
  const qr = qrImage(link, t('workshop:facilitator.qr'));
  if (qr) output.append(qr);
  heading.focus();
}

/** Load a trainer's own levels from files, a folder or a URL; report problems like levels:check. */
function customLevelsSection(
  translator: Translator,
  content: Content,
  added: (levels: Level[], url: string | null) => void,
): HTMLElement {
  const { t, text } = translator;
  const section = el('details', null, 'workshop-custom');
  section.append(
    el('summary', t('workshop:custom.title')),
    el('p', t('workshop:custom.intro'), 'hint'),
  );
  const report = el('div');
  report.setAttribute('role', 'status');
  const show = (levels: Level[], messages: string[], url: string | null) => {
    added(levels, url);
    report.replaceChildren();
    if (levels.length > 0)
      report.append(
        el(
          'p',
          t('workshop:custom.added', { titles: levels.map((l) => text(l.title)).join(', ') }),
        ),
      );
    if (levels.length > 0 && url === null)
      report.append(el('p', t('workshop:custom.fileNote'), 'hint'));
    if (messages.length > 0) {
      const list = el('ul', null, 'broken-level');
      for (const message of messages) list.append(el('li', message));
      report.append(el('p', t('workshop:custom.problems')), list);
    }
  };
  const readLocal = async (files: File[]) => {
    const unpacked = await readLevelFiles(files);
    const result = validateCustom(translator, content, unpacked);
    addLevels(translator, content, result.levels);
    show(result.levels, result.messages, null);
  };
  section.append(
    ...levelSourceInputs(
      translator,
      (files) => void readLocal(files),
      (address) => {
        report.replaceChildren(el('p', t('common.loading')));
        void loadPacks(translator, content, [address]).then((result) =>
          show(result.levels, result.messages, new URL(address, location.href).toString()),
        );
      },
    ),
    report,
  );
  return section;
}
