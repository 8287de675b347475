/**
 * `npm run levels:cues [files or folders...] [-- --json] [-- --check]`: can surface cues
 * that need no understanding (account age, numbers, links, comments...) tell
 * manipulative from genuine posts? Leave-one-level-out over the given levels (default:
 * levels/); see src/core/level/cues.ts and docs/levels.md.
 *
 * --json prints the figures as one JSON object. --check exits 1 when the targets
 * (CUE_TARGETS) are exceeded.
 */
import { findingText } from '../src/core/level/cue-findings';
import { type CueReport, cueReport, type Detection } from '../src/core/level/cues';
import { catalogOf, expandLevelPaths, shippedLevelPaths } from './level-files';
import { englishT } from './node-i18n';

const args = process.argv.slice(2);
const paths = args.filter((arg) => !arg.startsWith('--'));
const json = args.includes('--json');
const check = args.includes('--check');

const { levels, failures, unreadable } = catalogOf(
  paths.length === 0 ? shippedLevelPaths() : expandLevelPaths(paths),
  { requireShippedLocales: false },
);
const skipped = [...unreadable, ...failures].map((failure) => failure.file);
if (skipped.length > 0)
  console.error(
    `skipped ${skipped.length} file(s) with problems (run npm run levels:check): ${skipped.join(', ')}`,
  );
if (levels.length === 0) {
  console.error('no valid level to check');
  process.exit(1);
}

const report = cueReport(levels.map((entry) => entry.level));
if (json) console.log(JSON.stringify(report, null, 2));
else print(report, await englishT('workshop'));

const failed = skipped.length > 0 || !report.passes;
if (check) {
  if (report.summary === null) console.error('the cue check needs two or more valid levels');
  process.exit(failed ? 1 : 0);
}

function print(report: CueReport, t: Awaited<ReturnType<typeof englishT>>): void {
  const d = (value: number) => value.toFixed(2);
  const rates = (figure: Detection) =>
    `d′ ${d(figure.dPrime)} (hits ${figure.hits}/${figure.manipulative}, false alarms ${figure.falseAlarms}/${figure.genuine})`;
  console.log(`${report.levels.length} level(s), languages: ${report.languages.join(', ')}`);
  if (report.summary) {
    console.log('\nLeave-one-level-out, worst language (target in brackets):');
    const { bestNonLexicalCue, cardModel, fullModel } = report.summary;
    const line = (label: string, figure: typeof cardModel) =>
      console.log(
        `  ${figure.passes ? 'ok  ' : 'OVER'} ${label}: d′ ${d(figure.dPrime)} [≤ ${figure.target}] (${figure.language})`,
      );
    line(`best non-lexical cue (${bestNonLexicalCue.cue ?? '-'})`, bestNonLexicalCue);
    line('card-visible regression', cardModel);
    line('card + profile regression', fullModel);
  } else console.log('(one level: no held-out figures, only the level breakdown)');

  console.log(
    '\nShortcut players (worst language; each must stay below the pass mark and under d′ 1):',
  );
  for (const result of report.shortcuts)
    console.log(
      `  ${result.fails ? 'ok  ' : 'OVER'} ${result.level}, ${result.shortcut}: ${result.percent.toFixed(0)}% (pass mark ${result.passMark}%), d′ ${d(result.dPrime)}, flags ${result.flagged}/${result.posts}`,
    );

  for (const language of report.perLanguage) {
    console.log(`\n== ${language.language}`);
    if (report.summary) {
      console.log(`  card-visible regression: ${rates(language.cardModel)}`);
      console.log(`  card + profile regression: ${rates(language.fullModel)}`);
      console.log('  strongest single cues (held out):');
      for (const cue of language.cues.slice(0, 6))
        console.log(`    ${cue.cue} [${cue.category}]: ${rates(cue.heldOut)}`);
      if (language.bestLexicalCue)
        console.log(
          `  strongest shortcut word: ${language.bestLexicalCue.cue}: ${rates(language.bestLexicalCue.heldOut)}`,
        );
      console.log('  per tactic, its best single cue (held out):');
      for (const tactic of language.tactics)
        console.log(
          `    ${tactic.tactic} (${tactic.posts} posts): ${tactic.cue}, recall ${Math.round(tactic.recall * 100)}%, precision ${tactic.precision === null ? '-' : `${Math.round(tactic.precision * 100)}%`}, d′ ${d(tactic.dPrime)}`,
        );
      for (const finding of language.findings) console.log(`  • ${findingText(t, finding)}`);
    }
    console.log(
      '  per level (held out: best non-lexical cue / card / card+profile d′; cues that separate it on its own):',
    );
    for (const level of language.levels) {
      const held = level.heldOut;
      const figures = report.summary
        ? `${held.bestNonLexicalCue ? d(held.bestNonLexicalCue.dPrime) : '-'} / ${d(held.cardModel.dPrime)} / ${d(held.fullModel.dPrime)}`
        : '';
      const separating = level.separatingCues
        .map(
          (cue) =>
            `${cue.cue} ${cue.rule.flagAtLeast ? '≥' : '<'} ${Number(cue.rule.threshold.toFixed(2))} (d′ ${d(cue.dPrime)})`,
        )
        .join('; ');
      console.log(
        `    ${level.level} (${level.posts} posts, ${level.genuine} genuine): ${figures}${separating ? `\n      separates it: ${separating}` : ''}`,
      );
    }
  }
}
