/**
 * The headline check as a form: each headline is a labelled pair of radio buttons
 * (real / fake or manipulative). It resolves with the answers once every headline
 * is answered; the scoring is the core's (core/workshop/assessment.ts).
 */
import * as v from 'valibot';
import itemsFile from '../../levels/headline-check/items.json';
import type { AccessibleLayer } from '../a11y/layer';
import { AssessmentSchema, type CheckAnswer, checkOrder } from '../core/workshop/assessment';
import type { CheckPhase } from '../core/workshop/result';
import type { Translator } from '../services/i18n';
import { el, openPanel, type PanelOptions } from '../ui/dialog';
import { alertLine } from './share';

const assessment = v.parse(AssessmentSchema, itemsFile);

export function runCheck(
  layer: AccessibleLayer,
  translator: Translator,
  phase: CheckPhase,
  seed: number,
  panelOptions: PanelOptions = {},
): Promise<CheckAnswer[]> {
  const { t, text } = translator;
  const items = checkOrder(assessment, seed);
  return new Promise((resolve) => {
    // Escape does not skip the check: it is short, and the result needs it.
    const panel = openPanel(layer, t(`workshop:check.title.${phase}`), () => {}, panelOptions);
    panel.dialog.classList.add('workshop-check');
    const form = el('form');
    form.append(el('p', t('workshop:check.intro', { count: items.length })));
    items.forEach((item, index) => {
      const set = el('fieldset');
      set.append(el('legend', `${index + 1}. ${text(item.text)}`));
      for (const real of [true, false]) {
        const radio = el('input');
        radio.type = 'radio';
        radio.name = `check-${item.id}`;
        radio.value = real ? 'real' : 'fake';
        const label = el('label', null, 'check');
        label.append(radio, el('span', t(real ? 'workshop:check.real' : 'workshop:check.fake')));
        set.append(label);
      }
      form.append(set);
    });
    const error = alertLine();
    const done = el('button', t('workshop:check.done'), 'primary');
    done.type = 'submit';
    form.append(error, done);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = (id: string) =>
        form.querySelector<HTMLInputElement>(`input[name="check-${id}"]:checked`)?.value;
      const missing = items.filter((item) => chosen(item.id) === undefined);
      if (missing.length > 0) {
        error.hidden = false;
        error.textContent = t('workshop:check.missing', { left: missing.length });
        form.querySelector<HTMLInputElement>(`input[name="check-${missing[0]?.id}"]`)?.focus();
        return;
      }
      panel.close();
      resolve(
        items.map((item) => ({
          itemId: item.id,
          genuine: item.genuine,
          judgedReal: chosen(item.id) === 'real',
        })),
      );
    });
    panel.body.append(form);
    panel.heading.focus();
  });
}
