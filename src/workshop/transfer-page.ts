/**
 * `?progress`: take progress to another machine as a code or a file, and restore it
 * there. For school Chromebooks that wipe local data at sign-out.
 */
import { decodeProgressCode, encodeProgressCode } from '../core/workshop/transfer';
import type { Translator } from '../services/i18n';
import { openProgressStore } from '../services/progress-store';
import type { KeyValueStore } from '../services/storage';
import { button, el } from '../ui/dialog';
import { codeProblem } from './problems';
import { alertLine, copyText, download, field, pageUrl } from './share';

/** A progress file is the code in a text file; anything larger is not one. */
const MAX_PROGRESS_FILE_BYTES = 256 * 1024;

export function renderTransfer(main: HTMLElement, translator: Translator, store: KeyValueStore) {
  const { t } = translator;
  const progressStore = openProgressStore(store);
  main.append(el('h1', t('workshop:transfer.title')), el('p', t('workshop:transfer.intro')));

  const take = el('section', null, 'workshop-output');
  take.append(el('h2', t('workshop:transfer.takeTitle')));
  const code = el('textarea', null, 'code');
  code.readOnly = true;
  code.rows = 3;
  code.value = encodeProgressCode(progressStore.progress);
  const copied = el('p', null, 'meta');
  copied.setAttribute('role', 'status');
  const takeActions = el('div', null, 'row');
  takeActions.append(
    button(t('workshop:transfer.copy'), () => {
      void copyText(code).then((ok) => {
        copied.textContent = ok ? t('workshop:copied') : t('workshop:copyByHand');
      });
    }),
    button(t('workshop:transfer.download'), () =>
      download('flag-the-feed-progress.txt', `${code.value}\n`, 'text/plain'),
    ),
  );
  take.append(field(code, t('workshop:transfer.code')).wrapper, takeActions, copied);

  const restore = el('section', null, 'workshop-output');
  restore.append(el('h2', t('workshop:transfer.restoreTitle')));
  const pasted = el('textarea', null, 'code');
  pasted.rows = 3;
  const file = el('input');
  file.type = 'file';
  file.accept = '.txt,text/plain';
  const status = alertLine();
  const apply = (text: string) => {
    const read = decodeProgressCode(text);
    status.hidden = false;
    if (!read.ok) {
      status.textContent = t('workshop:transfer.failed', {
        reason:
          read.reason === 'unreadable-save'
            ? t('workshop:problem.garbled')
            : codeProblem(t, read.reason === 'checksum' ? { reason: 'checksum' } : read),
      });
      return;
    }
    const saved = progressStore.save(read.progress);
    status.textContent = saved
      ? t('workshop:transfer.restored', { levels: Object.keys(read.progress.levels).length })
      : t('workshop:transfer.notSaved');
    if (saved) code.value = encodeProgressCode(read.progress);
  };
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_PROGRESS_FILE_BYTES) {
      status.hidden = false;
      status.textContent = t('workshop:transfer.failed', {
        reason: codeProblem(t, { reason: 'too-big', limit: MAX_PROGRESS_FILE_BYTES }),
      });
      return;
    }
    void chosen.text().then(apply);
  });
  restore.append(
    el('p', t('workshop:transfer.restoreHelp'), 'hint'),
    field(pasted, t('workshop:transfer.paste')).wrapper,
    button(t('workshop:transfer.restore'), () => apply(pasted.value), 'primary'),
    field(file, t('workshop:transfer.file')).wrapper,
    status,
  );

  const back = el('a', t('workshop:transfer.back'));
  back.href = pageUrl({});
  const backLine = el('p');
  backLine.append(back);
  main.append(take, restore, backLine);
}
