/**
 * The class dashboard: the facilitator drops in result files or pastes result codes,
 * and sees the class's numbers, charts and hardest posts, and can export CSV. Nothing
 * is uploaded: files are read with the File API, codes are decoded here.
 */

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { AccessibleLayer } from '../a11y/layer';
import { authorName } from '../core/authors';
import {
  type ClassSummary,
  histogram,
  summarizeClass,
  uniqueResults,
} from '../core/workshop/aggregate';
import { type Cell, toCsv } from '../core/workshop/csv';
import {
  decodeResult,
  encodeResult,
  MAX_RESULT_FILE_BYTES,
  type ReadResult,
  readResultFile,
  type WorkshopResult,
} from '../core/workshop/result';
import { parseDashboard, serializeDashboard } from '../core/workshop/saved-dashboard';
import { ADD_RESULT_HASH, resultCodeInScan } from '../core/workshop/scan';
import type { Content } from '../services/content';
import type { Translator } from '../services/i18n';
import type { KeyValueStore } from '../services/storage';
import { button, el } from '../ui/dialog';
import { codeProblem } from './problems';
import { download, field, pageUrl } from './share';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const D_PRIME_BIN = 0.5;
const HARDEST_POSTS = 10;

type Accepted =
  | { status: 'added'; result: WorkshopResult }
  | { status: 'duplicate'; result: WorkshopResult }
  | { status: 'problem'; reason: string };

export const DASHBOARD_KEY = 'flag-the-feed:dashboard';
const UNREADABLE_DASHBOARD_KEY = 'flag-the-feed:dashboard:unreadable';

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
    saveFailed = !store.set(DASHBOARD_KEY, serializeDashboard(results.map(encodeResult)));
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
    store.remove(DASHBOARD_KEY);
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
  const saved = parseDashboard(store.get(DASHBOARD_KEY));
  if (saved.status === 'unreadable') {
    store.set(UNREADABLE_DASHBOARD_KEY, store.get(DASHBOARD_KEY) ?? '');
    problems.push(t('workshop:dashboard.savedUnreadable', { reason: saved.reason }));
  }
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

function renderReport(
  report: HTMLElement,
  translator: Translator,
  content: Content,
  summary: ClassSummary,
  charts: Chart[],
): void {
  const { t, number } = translator;
  const fixed = (value: number | null) =>
    value === null ? '–' : number(value, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const percent = (value: number | null) =>
    value === null ? '–' : number(value, { style: 'percent' });
  const minutes = (seconds: number | null) =>
    seconds === null ? '–' : t('workshop:dashboard.minutes', { value: fixed(seconds / 60) });

  if (summary.setups > 1)
    report.append(el('p', t('workshop:dashboard.mixedSetups', { n: summary.setups }), 'notice'));
  report.append(el('h2', t('workshop:dashboard.overview')));
  report.append(
    statTable(t('workshop:dashboard.overview'), [
      ['students', t('workshop:dashboard.students'), String(summary.students.length)],
      ['mean-d-prime', t('workshop:dashboard.meanDPrime'), fixed(summary.meanDPrime)],
      ['mean-bias', t('workshop:dashboard.meanBias'), fixed(summary.meanBias)],
      ['mean-time', t('workshop:dashboard.meanTime'), minutes(summary.meanSeconds)],
    ]),
  );
  report.append(el('p', t('workshop:dashboard.dPrimeHelp'), 'hint'));

  // Per tactic: a chart for the eye, the same numbers in a table for everyone.
  const tacticName = (id: string) => t(`tactics:${id}.name`);
  report.append(el('h2', t('workshop:dashboard.perTactic')));
  report.append(
    chartCanvas(charts, t('workshop:dashboard.perTacticChart'), {
      labels: summary.tactics.map((tactic) => tacticName(tactic.id)),
      datasets: [
        {
          label: t('workshop:dashboard.recall'),
          data: summary.tactics.map((tactic) => (tactic.recall ?? 0) * 100),
          backgroundColor: '#ffd43b',
        },
        {
          label: t('workshop:dashboard.precision'),
          data: summary.tactics.map((tactic) => (tactic.precision ?? 0) * 100),
          backgroundColor: '#74c0fc',
        },
      ],
      max: 100,
    }),
  );
  const tactics = el('table', null, 'stats');
  tactics.setAttribute('aria-label', t('workshop:dashboard.perTactic'));
  tactics.append(
    row('th', [
      t('workshop:dashboard.tactic'),
      t('workshop:dashboard.recall'),
      t('workshop:dashboard.precision'),
    ]),
  );
  for (const tactic of summary.tactics) {
    const line = row('td', [
      tacticName(tactic.id),
      percent(tactic.recall),
      percent(tactic.precision),
    ]);
    line.dataset.tactic = tactic.id;
    tactics.append(line);
  }
  report.append(tactics);

  const bins = histogram(
    summary.students.map((student) => student.dPrime),
    D_PRIME_BIN,
  );
  const binLabel = (bin: { from: number; to: number }) =>
    t('workshop:dashboard.dPrimeBin', { from: fixed(bin.from), to: fixed(bin.to) });
  report.append(el('h2', t('workshop:dashboard.dPrimeChart')));
  report.append(
    chartCanvas(charts, t('workshop:dashboard.dPrimeChart'), {
      labels: bins.map(binLabel),
      datasets: [
        {
          label: t('workshop:dashboard.students'),
          data: bins.map((bin) => bin.count),
          backgroundColor: '#69db7c',
        },
      ],
    }),
  );
  const binTable = el('table', null, 'stats');
  binTable.setAttribute('aria-label', t('workshop:dashboard.dPrimeChart'));
  binTable.append(row('th', [t('workshop:dashboard.dPrime'), t('workshop:dashboard.students')]));
  for (const bin of bins) binTable.append(row('td', [binLabel(bin), String(bin.count)]));
  report.append(binTable);

  report.append(el('h2', t('workshop:dashboard.hardest')));
  const hardest = summary.posts.filter((post) => post.errorRate > 0).slice(0, HARDEST_POSTS);
  if (hardest.length === 0) report.append(el('p', t('workshop:dashboard.noneWrong')));
  const hardList = el('ol', null, 'workshop-posts');
  for (const post of hardest) {
    const item = el('li');
    item.dataset.post = `${post.levelId}/${post.postId}`;
    const level = content.levels.find((candidate) => candidate.id === post.levelId);
    const shown = level?.posts.find((candidate) => candidate.id === post.postId);
    if (level && shown) {
      item.append(
        el(
          'p',
          `${translator.text(level.title)} · ${authorName(level, shown.author, translator.text)}`,
          'meta',
        ),
        el('blockquote', translator.text(shown.text)),
      );
    } else {
      item.append(
        el('p', t('workshop:dashboard.unknownPost', { post: post.postId, level: post.levelId })),
      );
    }
    item.append(
      el(
        'p',
        post.manipulative
          ? t('workshop:dashboard.missedBy', { n: post.missed, answered: post.answered })
          : t('workshop:dashboard.flaggedBy', {
              n: post.wronglyFlagged,
              answered: post.answered,
            }),
      ),
    );
    hardList.append(item);
  }
  report.append(hardList);

  if (summary.checks.length > 0) renderChecks(report, translator, summary);

  report.append(el('h2', t('workshop:dashboard.studentTable')));
  const students = el('table', null, 'stats');
  students.setAttribute('aria-label', t('workshop:dashboard.studentTable'));
  students.append(
    row('th', [
      t('workshop:dashboard.nickname'),
      t('workshop:dashboard.hits'),
      t('workshop:dashboard.falseAlarms'),
      t('workshop:dashboard.dPrime'),
      t('workshop:dashboard.bias'),
      t('workshop:dashboard.time'),
    ]),
  );
  for (const student of summary.students) {
    students.append(
      row('td', [
        student.nickname,
        `${student.hits} / ${student.hits + student.misses}`,
        `${student.falseAlarms} / ${student.falseAlarms + student.correctPasses}`,
        fixed(student.dPrime),
        fixed(student.bias),
        minutes(student.seconds),
      ]),
    );
  }
  report.append(students);

  const exports = el('div', null, 'row');
  exports.append(
    button(t('workshop:dashboard.exportStudents'), () =>
      download('class-students.csv', studentsCsv(summary), 'text/csv'),
    ),
    button(t('workshop:dashboard.exportPosts'), () =>
      download('class-posts.csv', postsCsv(summary), 'text/csv'),
    ),
  );
  report.append(exports);
}

export function studentsCsv(summary: ClassSummary): string {
  const tacticIds = summary.tactics.map((tactic) => tactic.id);
  const rows: Cell[][] = [
    [
      'nickname',
      'levels',
      'posts',
      'hits',
      'misses',
      'false_alarms',
      'correct_passes',
      'd_prime',
      'bias',
      'percent',
      'seconds',
      ...tacticIds.map((id) => `recall_${id}`),
      ...CHECK_COLUMNS.map(([phase, key]) => `check_${phase}_${key}`),
    ],
  ];
  for (const student of summary.students) {
    rows.push([
      student.nickname,
      student.levels.join(' '),
      student.posts,
      student.hits,
      student.misses,
      student.falseAlarms,
      student.correctPasses,
      round(student.dPrime),
      round(student.bias),
      round(student.percent),
      student.seconds,
      ...tacticIds.map((id) => {
        const recall = student.recall[id];
        return recall === null || recall === undefined ? null : round(recall);
      }),
      ...CHECK_COLUMNS.map(([phase, key]) => student.checks[phase]?.[key] ?? null),
    ]);
  }
  return toCsv(rows);
}

export function postsCsv(summary: ClassSummary): string {
  return toCsv([
    ['level', 'post', 'manipulative', 'answered', 'missed', 'wrongly_flagged', 'error_rate'],
    ...summary.posts.map((post) => [
      post.levelId,
      post.postId,
      post.manipulative ? 1 : 0,
      post.answered,
      post.missed,
      post.wronglyFlagged,
      round(post.errorRate),
    ]),
  ]);
}

const MIST_KEYS = ['veracity', 'realDetection', 'fakeDetection', 'distrust', 'naivety'] as const;
const CHECK_COLUMNS = (['pre', 'post', 'booster'] as const).flatMap((phase) =>
  MIST_KEYS.map((key) => [phase, key] as const),
);

/** The headline check: class means per phase and the change from pre to post. */
function renderChecks(report: HTMLElement, translator: Translator, summary: ClassSummary) {
  const { t, number } = translator;
  const fixed = (value: number) => number(value, { maximumFractionDigits: 1 });
  report.append(el('h2', t('workshop:dashboard.check.title')));
  report.append(el('p', t('workshop:dashboard.check.help'), 'hint'));
  const table = el('table', null, 'stats');
  table.setAttribute('aria-label', t('workshop:dashboard.check.title'));
  const change = summary.checkChange;
  table.append(
    row('th', [
      t('workshop:dashboard.check.score'),
      ...summary.checks.map((check) =>
        t('workshop:dashboard.check.phase', {
          phase: t(`workshop:dashboard.check.${check.phase}`),
          n: check.students,
        }),
      ),
      ...(change ? [t('workshop:dashboard.check.change', { n: change.students })] : []),
    ]),
  );
  for (const key of MIST_KEYS) {
    const line = row('td', [
      t(`workshop:dashboard.check.${key}`),
      ...summary.checks.map((check) => fixed(check.mean[key])),
      ...(change ? [`${change[key] > 0 ? '+' : ''}${fixed(change[key])}`] : []),
    ]);
    line.dataset.check = key;
    table.append(line);
  }
  report.append(table);
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function row(cell: 'th' | 'td', values: readonly string[]): HTMLTableRowElement {
  const line = el('tr');
  values.forEach((value, index) => {
    line.append(el(index === 0 && cell === 'td' ? 'th' : cell, value));
  });
  return line;
}

function statTable(label: string, rows: [string, string, string][]): HTMLTableElement {
  const table = el('table', null, 'stats');
  table.setAttribute('aria-label', label);
  for (const [key, name, value] of rows) {
    const line = el('tr');
    line.dataset.stat = key;
    line.append(el('th', name), el('td', value, 'num'));
    table.append(line);
  }
  return table;
}

/** A bar chart; the canvas is an image with a label, the table beside it has the numbers. */
function chartCanvas(
  charts: Chart[],
  label: string,
  data: {
    labels: string[];
    datasets: { label: string; data: number[]; backgroundColor: string }[];
    max?: number;
  },
): HTMLElement {
  const box = el('div', null, 'workshop-chart');
  const canvas = el('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  box.append(canvas);
  // Chart.js measures its parent, so it draws once the box is in the page.
  queueMicrotask(() => {
    charts.push(
      new Chart(canvas, {
        type: 'bar',
        data: { labels: data.labels, datasets: data.datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          color: '#f1f3f5',
          scales: {
            x: { ticks: { color: '#f1f3f5' }, grid: { color: '#2a2e40' } },
            y: {
              beginAtZero: true,
              ...(data.max === undefined ? { ticks: { precision: 0 } } : { max: data.max }),
              grid: { color: '#2a2e40' },
            },
          },
        },
      }),
    );
  });
  return box;
}
