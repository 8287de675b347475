/**
 * `npm run levels:check [files...]`: validates level files (default: all of levels/).
 * One line per problem, `FILE: JSON.PATH: message (line, column)`; exit 1 if any.
 */
import { resolve } from 'node:path';
import { formatProblem } from '../src/services/problems';
import { catalogOf, shippedLevelPaths } from './level-files';
import { englishT } from './node-i18n';

const args = process.argv.slice(2);
const paths = args.length > 0 ? args.map((arg) => resolve(arg)) : shippedLevelPaths();
const t = await englishT();
const { levels, failures, unreadable } = catalogOf(paths);

for (const line of unreadable) console.log(line);
for (const failure of failures) {
  for (const problem of failure.problems) console.log(formatProblem(t, failure.file, problem));
}
const bad = failures.length + unreadable.length;
console.error(`${levels.length} valid, ${bad} with problems`);
process.exit(bad > 0 ? 1 : 0);
