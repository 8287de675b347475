/**
 * `npm run art`: extracts the picture art the game uses into assets/art/, so a fresh
 * clone needs none of these tools (the outputs are committed; run it again after
 * adding a prop to src/core/picture-catalog.ts or emoji to a level or translation).
 *
 * - props/<name>.json: each Noto Emoji picture (Apache-2.0, @iconify-json/noto) named
 *   in PROPS, as an SVG body for the picture composer (src/pictures/compose.ts); one
 *   file each, so a level loads only the props its pictures show.
 * - emoji.woff2: Noto Color Emoji (OFL-1.1, @fontsource/noto-color-emoji) cut down to
 *   the emoji in levels/ and locales/ plus a common set, so emoji in post text draw
 *   from the same art on machines without an emoji font (no missing-glyph boxes).
 *   Cut with fontTools (Debian: apt-get install python3-fonttools python3-brotli), which
 *   keeps the COLRv1 colour tables Chromium draws; harfbuzz's wasm build drops them.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { EMOJI, PROPS } from '../src/core/picture-catalog';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'assets', 'art');
const require = createRequire(import.meta.url);

/** Props drawn from shapes by the composer rather than taken from the icon set. */
const DRAWN: readonly string[] = ['qr-code'];

/**
 * Emoji common in posts and chats, kept even when no level uses them yet. Debian 12's
 * fontTools (4.38) fails on some emoji's clip boxes ("ClipList"): add a few at a time.
 */
const COMMON =
  '😀😂🤣😊😍😘😎🤔😢😭😡😱🙏👍👎👏💪🙌👉👇🔥💯❤️💔💰💵💸🎉🎁⭐✨✅❌⚠️🚨📢📣📱💻📺📰📷🎥🎬🎵🎶🏆🥇🎖️🪖🛡️⚔️🇷🇺🇨🇳🇺🇦🕊️🌍🌟☀️🌙⛄❄️🍵☕🍜🎓📚✈️🚗🏠🏢🏫🏥💼📝📌🔗👀🤝🙋👋💬🗣️😉😅🥰🤩😮😤🤡🤖👻💀' +
  '🎂🎈🎮💙💛💚🙂😁';

function props(): void {
  const set = require('@iconify-json/noto/icons.json') as {
    icons: Record<string, { body: string; width?: number; height?: number }>;
    width?: number;
    height?: number;
  };
  rmSync(join(OUT, 'props'), { recursive: true, force: true });
  mkdirSync(join(OUT, 'props'), { recursive: true });
  for (const name of PROPS) {
    if (DRAWN.includes(name)) continue;
    const icon = set.icons[name];
    if (!icon) throw new Error(`${name}: not in @iconify-json/noto; pick another name`);
    const art = {
      body: icon.body,
      width: icon.width ?? set.width ?? 128,
      height: icon.height ?? set.height ?? 128,
    };
    writeFileSync(join(OUT, 'props', `${name}.json`), `${JSON.stringify(art)}\n`);
  }
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return name.endsWith('.json') && name !== 'level.schema.json' ? [path] : [];
  });
}

/** Every emoji sequence in the game's texts, with the common set. */
function emojiInTexts(): string {
  const found = new Set<string>(COMMON.match(EMOJI) ?? []);
  for (const file of [...filesUnder(join(ROOT, 'levels')), ...filesUnder(join(ROOT, 'locales'))])
    for (const emoji of readFileSync(file, 'utf8').match(EMOJI) ?? []) found.add(emoji);
  return [...found].sort().join('');
}

function emojiFont(): void {
  const source = require.resolve(
    '@fontsource/noto-color-emoji/files/noto-color-emoji-emoji-400-normal.woff2',
  );
  const text = emojiInTexts();
  writeFileSync(join(OUT, 'emoji.txt'), `${text}\n`);
  // Debian's python3 has the fontTools package; a python3 earlier on PATH may not.
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const cut = spawnSync(
    python,
    [
      '-m',
      'fontTools.subset',
      source,
      `--text-file=${join(OUT, 'emoji.txt')}`,
      '--layout-features=*',
      '--drop-tables+=SVG',
      '--flavor=woff2',
      `--output-file=${join(OUT, 'emoji.woff2')}`,
    ],
    { stdio: 'inherit' },
  );
  if (cut.status !== 0)
    throw new Error(
      'fontTools could not cut the emoji font (apt-get install python3-fonttools python3-brotli)',
    );
  const size = statSync(join(OUT, 'emoji.woff2')).size;
  const count = [...new Intl.Segmenter().segment(text)].length;
  console.log(`emoji.woff2: ${count} emoji, ${size} bytes`);
  // Only the emoji's own code points (not digits, # or *, which keycaps share), so the
  // font is fetched only for text that holds an emoji, and never for other letters.
  const points = [...new Set([...text].map((char) => char.codePointAt(0) ?? 0))]
    .filter((point) => point > 0xff)
    .sort((a, b) => a - b)
    .map((point) => `U+${point.toString(16)}`);
  writeFileSync(
    join(OUT, 'emoji.css'),
    `/* Written by scripts/build-art.ts: Noto Color Emoji (OFL-1.1), cut to the game's emoji. */\n@font-face {\n  font-family: 'Feed Emoji';\n  font-display: swap;\n  src: url('./emoji.woff2') format('woff2');\n  unicode-range: ${points.join(', ')};\n}\n`,
  );
}

props();
emojiFont();
