/**
 * `npm run levels:check [files or folders...]`: validates level files (default: all of
 * levels/, plus the taxonomy). One line per problem on stdout,
 * `FILE: JSON.PATH: message (line L, column C)`; a summary on stderr; exit 1 if any.
 */
import type { LevelFailure } from '../src/core/level/catalog';
import { formatProblem } from '../src/services/problems';
import {
  catalogOf,
  displayName,
  expandLevelPaths,
  readTaxonomy,
  shippedLevelPaths,
  shippedLocales,
  TAXONOMY_PATH,
} from './level-files';
import { englishT } from './node-i18n';

const args = process.argv.slice(2);
const checkingShipped = args.length === 0;
const t = await englishT();

function report(failures: readonly LevelFailure[], valid: number): never {
  for (const failure of failures) {
    for (const problem of failure.problems) console.log(formatProblem(t, failure.file, problem));
  }
  console.error(`${valid} valid, ${failures.length} with problems`);
  process.exit(failures.length > 0 ? 1 : 0);
}

const taxonomyFile = displayName(TAXONOMY_PATH);
// Levels are checked against the taxonomy's tactics, so a broken taxonomy stops here.
const taxonomy = readTaxonomy();
if (!taxonomy.ok) report([{ file: taxonomyFile, problems: taxonomy.problems }], 0);

const broken: LevelFailure[] = [];
// With the shipped levels, the taxonomy must have every shipped locale too; a trainer
// checking a draft is not held up by that.
if (checkingShipped) {
  const shipped = readTaxonomy(shippedLocales());
  if (!shipped.ok) broken.push({ file: taxonomyFile, problems: shipped.problems });
}
const { levels, failures, unreadable } = catalogOf(
  checkingShipped ? shippedLevelPaths() : expandLevelPaths(args),
);
broken.push(...unreadable, ...failures);
report(broken, levels.length);
