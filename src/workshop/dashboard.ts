/**
 * The class dashboard: the facilitator drops in result files or pastes result codes,
 * and sees the class's numbers, charts and hardest posts, and can export CSV. Nothing
 * is uploaded: files are read with the File API, codes are decoded here. This file
 * takes the results in; dashboard-store.ts keeps them, dashboard-report.ts shows them.
 */
import type { Chart } from 'chart.js';
import { AccessibleLayer } from '../a11y/layer';
import { summarizeClass, uniqueResults } from '../core/workshop/aggregate';
import {
  decodeResult,
  MAX_RESULT_FILE_BYTES,
  type ReadResult,
  readResultFile,
  type WorkshopResult,
} from '../core/workshop/result';
import { ADD_RESULT_HASH, resultCodeInScan } from '../core/workshop/scan';
import type { Content } from '../services/content';
import type { Translator } from '../services/i18n';
import type { KeyValueStore } from '../services/storage';
import { button, el } from '../ui/dialog';
import { renderReport } from './dashboard-report';
import { clearDashboard, loadDashboard, saveDashboard } from './dashboard-store';
import { codeProblem } from './problems';
import { field, pageUrl } from './share';

type Accepted =
  | { status: 'added'; result: WorkshopResult }
  | { status: 'duplicate'; result: WorkshopResult }
  | { status: 'problem'; reason: string };

export function renderDashboard(
  main: HTMLElement,
  translator: Translator,
  content: Content,
  store: KeyValueStore,
) {
  const { t } = translator;
  const results: WorkshopResult[] = [];
  const problems: string[] = [];
  let codeCount = 0;
  // The results stay in this browser until cleared: a closed tab loses none of them.
  let saveFailed = false;
  const save = () => {
    saveFailed = !saveDashboard(store, results);
  };

  main.append(el('h1', t('workshop:dashboard.title')), el('p', t('workshop:dashboard.intro')));
  const inputs = el('section', null, 'workshop-drop');
  const files = el('input');
  files.type = 'file';
  files.multiple = true;
  files.accept = '.json,application/json';
  inputs.append(
    field(files, t('workshop:dashboard.files'), t('workshop:dashboard.filesHelp')).wrapper,
  );
  const codes = el('textarea');
  codes.rows = 4;
  inputs.append(field(codes, t('workshop:dashboard.codes')).wrapper);
  const addCodes = button(t('workshop:dashboard.addCodes'), () => {
    for (const line of codes.value.split(/\n+/)) {
      if (line.trim() === '') continue;
      codeCount++;
      accept(t('workshop:dashboard.codeSource', { n: codeCount }), decodeResult(line));
    }
    codes.value = '';
    render();
  });
  const clear = button(t('workshop:dashboard.clear'), () => {
    results.length = 0;
    problems.length = 0;
    clearDashboard(store);
    render();
  });
  // Students' result QR codes held up to this computer's camera, one after another.
  let scannedCount = 0;
  const scanCode = (text: string) => {
    const source = t('workshop:dashboard.scannedSourceN', { n: ++scannedCount });
    const outcome = accept(source, decodeResult(resultCodeInScan(text)));
    render();
    if (outcome.status === 'added')
      return {
        message: t('workshop:scanner.added', {
          nickname: outcome.result.nickname,
          n: results.length,
        }),
        added: outcome.result.nickname,
      };
    if (outcome.status === 'duplicate')
      return { message: t('workshop:scanner.duplicate', { nickname: outcome.result.nickname }) };
    return { message: t('workshop:scanner.problem', { reason: outcome.reason }) };
  };
  const scan = button(t('workshop:dashboard.scan'), () => {
    scan.disabled = true;
    void import('./scanner')
      .then(({ openScanner }) =>
        openScanner({
          translator,
          layer: new AccessibleLayer(main, status),
          onScan: scanCode,
          onClose: () => {
            scan.disabled = false;
            scan.focus();
          },
        }),
      )
      .catch((error: Error) => {
        scan.disabled = false;
        problems.push(t('workshop:scanner.failed', { reason: error.message }));
        render();
      });
  });
  inputs.append(el('div', null, 'row'));
  inputs.lastElementChild?.append(addCodes, scan, clear);
  main.append(inputs);
  const status = el('div', null, 'workshop-status');
  status.setAttribute('role', 'status');
  const report = el('section', null, 'workshop-report');
  main.append(status, report);
  const back = el('a', t('workshop:dashboard.facilitator'));
  back.href = pageUrl({ facilitator: '' });
  const backLine = el('p');
  backLine.append(back);
  main.append(backLine);

  const accept = (source: string, read: ReadResult): Accepted => {
    if (!read.ok) {
      const reason = codeProblem(t, read);
      problems.push(t('workshop:dashboard.problem', { source, reason }));
      return { status: 'problem', reason };
    }
    if (results.some((result) => result.checksum === read.result.checksum)) {
      problems.push(t('workshop:dashboard.duplicate', { source }));
      return { status: 'duplicate', result: read.result };
    }
    results.push(read.result);
    save();
    return { status: 'added', result: read.result };
  };
  const readFiles = async (list: Iterable<File>) => {
    for (const file of list) {
      // Oversized files are refused before they are read into memory.
      if (file.size > MAX_RESULT_FILE_BYTES) {
        accept(file.name, { ok: false, reason: 'too-big', limit: MAX_RESULT_FILE_BYTES });
        continue;
      }
      accept(file.name, readResultFile(await file.text(), file.size));
    }
    render();
  };
  files.addEventListener('change', () => {
    void readFiles([...(files.files ?? [])]).then(() => {
      files.value = '';
    });
  });
  inputs.addEventListener('dragover', (event) => {
    event.preventDefault();
    inputs.classList.add('dragging');
  });
  inputs.addEventListener('dragleave', () => inputs.classList.remove('dragging'));
  inputs.addEventListener('drop', (event) => {
    event.preventDefault();
    inputs.classList.remove('dragging');
    void readFiles([...(event.dataTransfer?.files ?? [])]);
  });

  const charts: Chart[] = [];
  const render = () => {
    for (const chart of charts.splice(0)) chart.destroy();
    status.replaceChildren(el('p', t('workshop:dashboard.loaded', { n: results.length })));
    if (saveFailed) status.append(el('p', t('workshop:dashboard.notSaved'), 'notice'));
    if (problems.length > 0) {
      status.append(el('h2', t('workshop:dashboard.skipped')));
      const list = el('ul', null, 'notice');
      for (const problem of problems) list.append(el('li', problem));
      status.append(list);
    }
    report.replaceChildren();
    if (results.length === 0) return;
    const summary = summarizeClass(uniqueResults(results));
    renderReport(report, translator, content, summary, charts);
  };
  const saved = loadDashboard(store);
  if (saved.unreadable !== undefined)
    problems.push(t('workshop:dashboard.savedUnreadable', { reason: saved.unreadable }));
  saved.codes.forEach((code, index) => {
    accept(t('workshop:dashboard.savedSource', { n: index + 1 }), decodeResult(code));
  });
  // A result scanned from a student's QR code: added once, then the address is cleaned
  // so a reload does not offer it again.
  if (location.hash.startsWith(ADD_RESULT_HASH)) {
    const code = resultCodeInScan(location.hash);
    history.replaceState(history.state, '', location.pathname + location.search);
    accept(t('workshop:dashboard.scannedSource'), decodeResult(code));
  }
  render();
}
