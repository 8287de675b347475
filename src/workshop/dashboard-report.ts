/**
 * The class report on the dashboard: overview, per-tactic chart and table, the d'
 * histogram, the hardest posts, the headline check, the student table and the CSV
 * exports. Each chart has a table with the same numbers beside it.
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
import { authorName } from '../core/authors';
import { type ClassSummary, histogram, MIST_KEYS } from '../core/workshop/aggregate';
import { postsCsv, studentsCsv } from '../core/workshop/csv';
import type { Content } from '../services/content';
import type { Translator } from '../services/i18n';
import { button, el } from '../ui/dialog';
import { download } from './share';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const D_PRIME_BIN = 0.5;
const HARDEST_POSTS = 10;

export function renderReport(
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
