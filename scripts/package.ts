/**
 * `npm run package -- scorm12|scorm2004|cmi5 [options]`: an upload-ready zip of the
 * built game for a learning platform, in dist/packages/. See docs/lms.md.
 *
 *   --levels a,b       level ids, one SCO / assignable unit each (default: every level)
 *   --mode exam        learn | challenge | exam (default: each level's own mode)
 *   --pass 70          pass mark in percent for every unit (default: each level's passMark)
 *   --level-file f     add a level file of your own to the package (repeatable)
 *   --headline-check pre,post   add the headline check before and/or after play as
 *                      units of their own (scored, never passed or failed)
 *   --id-base IRI      cmi5 course and AU ids (default: urn:flag-the-feed:cmi5)
 *   --dist dir         package this build instead of building dist/ first
 *   --out dir          where the zip goes (default: dist/packages)
 *
 * Problems (an unknown level id, a bad option) are printed one per line; exit code 1.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { build } from 'vite';
import { MODES, type Mode } from '../src/core/mode-names';
import type { LevelIndex } from '../src/services/content-validation';
import { ROOT } from './level-files';
import {
  LAUNCH_FILE,
  manifestFor,
  PACKAGE_FORMATS,
  type PackageFormat,
  type PackageUnit,
} from './lms-package';

function fail(problems: readonly string[]): never {
  for (const problem of problems) console.error(`package: ${problem}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    levels: { type: 'string' },
    mode: { type: 'string' },
    pass: { type: 'string' },
    'level-file': { type: 'string', multiple: true },
    'headline-check': { type: 'string' },
    'id-base': { type: 'string', default: 'urn:flag-the-feed:cmi5' },
    dist: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'dist', 'packages') },
  },
});

const problems: string[] = [];
const format = positionals[0] as PackageFormat;
if (!(PACKAGE_FORMATS as readonly string[]).includes(format))
  problems.push(
    `the format must be one of ${PACKAGE_FORMATS.join(', ')}, not "${positionals[0] ?? ''}"`,
  );
const mode = (values.mode ?? null) as Mode | null;
if (mode !== null && !(MODES as readonly string[]).includes(mode))
  problems.push(`--mode must be one of ${MODES.join(', ')}, not "${mode}"`);
const pass = values.pass === undefined ? null : Number(values.pass);
if (pass !== null && !(pass >= 0 && pass <= 100))
  problems.push(`--pass must be a percentage from 0 to 100, not "${values.pass}"`);
const checks = values['headline-check']?.split(',').map((phase) => phase.trim()) ?? [];
for (const phase of checks)
  if (phase !== 'pre' && phase !== 'post')
    problems.push(`--headline-check takes pre, post or both, not "${phase}"`);
if (problems.length > 0) fail(problems);

const distDir = values.dist ?? join(ROOT, 'dist');
if (!values.dist)
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });

/** Every file of the build, '/'-separated; earlier packages are not part of it. */
function filesIn(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const file = relative(dir, path).split(sep).join('/');
      if (file === 'packages') continue;
      if (statSync(path).isDirectory()) walk(path);
      else files.set(file, readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

const files = filesIn(distDir);
if (!files.has(LAUNCH_FILE)) fail([`${distDir} has no ${LAUNCH_FILE}: is it a build of the game?`]);

/** The few locale strings the manifests use. */
interface LocaleStrings {
  title?: { name?: string };
  check?: { title?: Record<string, string>; intro?: string };
}

interface LevelFile {
  id?: unknown;
  title?: Record<string, string>;
  briefing?: Record<string, string>;
  passMark?: number;
  mode?: Mode;
}

// Levels of the trainer's own join the build's levels/ and its index.
const index = JSON.parse(new TextDecoder().decode(files.get('levels/index.json'))) as LevelIndex;
for (const path of values['level-file'] ?? []) {
  const name = basename(path);
  const bytes = readFileSync(path);
  const id = (JSON.parse(bytes.toString('utf8')) as LevelFile).id;
  if (typeof id !== 'string') fail([`${path}: no level id`]);
  files.set(`levels/${name}`, bytes);
  if (!index.levels.includes(name)) index.levels.push(name);
  index.files = { ...index.files, [id]: name };
}
files.set('levels/index.json', new TextEncoder().encode(JSON.stringify(index)));

const levelsById = new Map<string, LevelFile>();
for (const [id, name] of Object.entries(index.files ?? {})) {
  const bytes = files.get(`levels/${name}`);
  if (bytes) levelsById.set(id, JSON.parse(new TextDecoder().decode(bytes)) as LevelFile);
}
const wanted = values.levels
  ? values.levels.split(',').map((id) => id.trim())
  : [...levelsById.keys()];
const unknown = wanted.filter((id) => !levelsById.has(id));
if (unknown.length > 0)
  fail(
    unknown.map((id) => `--levels: no level "${id}"; known: ${[...levelsById.keys()].join(', ')}`),
  );

/** One string per language from locales/<language>/<file>.json. */
function localeText(file: string, pick: (strings: LocaleStrings) => unknown) {
  const text: Record<string, string> = {};
  for (const language of readdirSync(join(ROOT, 'locales'))) {
    const path = join(ROOT, 'locales', language, `${file}.json`);
    const value = pick(JSON.parse(readFileSync(path, 'utf8')) as LocaleStrings);
    if (typeof value === 'string') text[language] = value;
  }
  return text;
}

const checkItemCount = (
  JSON.parse(readFileSync(join(ROOT, 'levels', 'headline-check', 'items.json'), 'utf8')) as {
    items: unknown[];
  }
).items.length;
const checkUnit = (phase: 'pre' | 'post'): PackageUnit => ({
  id: `headline-check-${phase}`,
  launch: { check: phase },
  title: localeText('workshop', (strings) => strings.check?.title?.[phase]),
  description: localeText('workshop', (strings) =>
    strings.check?.intro?.replace('{{count}}', String(checkItemCount)),
  ),
  passMark: null,
});

const units: PackageUnit[] = [
  ...(checks.includes('pre') ? [checkUnit('pre')] : []),
  ...wanted.map((levelId) => {
    const level = levelsById.get(levelId) as LevelFile;
    return {
      id: levelId,
      // The level's own mode unless --mode says otherwise: the player's saved choice never applies.
      launch: { level: levelId, mode: mode ?? level.mode ?? 'learn' },
      title: level.title ?? { en: levelId },
      description: level.briefing ?? level.title ?? { en: levelId },
      passMark: pass ?? level.passMark ?? 60,
    };
  }),
  ...(checks.includes('post') ? [checkUnit('post')] : []),
];

const manifest = manifestFor({
  format,
  title: localeText('common', (strings) => strings.title?.name),
  units,
  idBase: values['id-base'],
  files: [...files.keys()].sort(),
});
files.set(manifest.name, new TextEncoder().encode(manifest.text));

const zip = zipSync(Object.fromEntries(files), { level: 6 });
mkdirSync(values.out, { recursive: true });
const name = `flag-the-feed-${format}-${wanted.length === levelsById.size ? 'all-levels' : wanted.join('+')}${mode ? `-${mode}` : ''}${checks.length > 0 ? `-check-${checks.join('+')}` : ''}.zip`;
const out = join(values.out, name);
writeFileSync(out, zip);
console.log(
  `${relative(process.cwd(), out)}: ${units.length} unit(s), ${files.size} files, ${(zip.length / 1e6).toFixed(1)} MB`,
);
