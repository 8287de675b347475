/**
 * `npm run levels:stats [-- --json]`: what the shipped levels contain. With --json, one
 * JSON object on stdout (see docs/levels.md); without, a short table.
 *
 * Levels count when they pass levels:check apart from the shipped-locale rule, so a
 * level that is still being translated shows up in the `locales` fractions instead of
 * dropping out. Files with other problems are skipped and named on stderr.
 */
import { levelStats } from '../src/core/level/stats';
import { catalogOf, loadTaxonomy, shippedLevelPaths, shippedLocales } from './level-files';

const taxonomy = loadTaxonomy();
const { levels, failures, unreadable } = catalogOf(shippedLevelPaths(), {
  requireShippedLocales: false,
});
const stats = levelStats(
  levels.map((entry) => entry.level),
  { builtInTactics: taxonomy.tactics.map((tactic) => tactic.id), locales: shippedLocales() },
);

const skipped = [...unreadable, ...failures].map((failure) => failure.file);
if (skipped.length > 0) {
  console.error(
    `skipped ${skipped.length} file(s) with problems (run npm run levels:check): ${skipped.join(', ')}`,
  );
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(stats));
} else {
  const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
  const rows: [string, string][] = [
    ['levels', String(stats.levels)],
    ['posts', String(stats.posts)],
    [
      'genuine',
      `${stats.genuine} (${percent(stats.posts === 0 ? 0 : stats.genuine / stats.posts)})`,
    ],
    ['lures', String(stats.lures)],
    ['investigated', String(stats.investigated)],
    ['platforms', stats.platforms.join(', ') || '-'],
    ['posts per tactic', ''],
    ...Object.entries(stats.facets).map(([id, posts]): [string, string] => [
      `  ${id}`,
      String(posts),
    ]),
    ['texts translated', ''],
    ...Object.entries(stats.locales).map(([lng, fraction]): [string, string] => [
      `  ${lng}`,
      percent(fraction),
    ]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
}
