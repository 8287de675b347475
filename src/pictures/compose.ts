/**
 * Turns a picture spec into an SVG string: a background drawn from shapes, people
 * (src/pictures/faces.ts), Noto Emoji props, on-screen texts and a watermark. Pure:
 * no DOM, no Phaser, so it is tested in Node and used both as a Phaser texture and as
 * an <img> in the DOM panels.
 *
 * SVG shown as an image cannot load fonts or other files, so everything is inline and
 * texts use the system's sans-serif; emoji in picture texts are left out (they would
 * need the emoji web font), which docs/levels.md tells level writers.
 */
import type { Picture } from '../core/level/schema';
import { EMOJI, type Setting } from '../core/picture-catalog';
import { MOUTH, personSvg } from './faces';
import { pick, seeded } from './random';

export interface PropArt {
  body: string;
  width: number;
  height: number;
}

export interface ComposeOptions {
  width: number;
  height: number;
  /** The picture's words in the player's language. */
  text: (value: Record<string, string>) => string;
  /** Noto Emoji bodies by prop name (assets/art/props.json). */
  art: Readonly<Record<string, PropArt>>;
  /** Which layers to draw: the still picture, or one of its texts alone (for videos). */
  layer?: { scene: boolean; texts: 'all' | 'none' | number };
  /** Opens the talking head's mouth. */
  talking?: boolean;
  /** Device pixels per picture pixel, for a sharp texture on a dense screen. */
  pixelRatio?: number;
}

/** Where a talking head's mouth is, in picture pixels, so a video can move it. */
export interface Talker {
  x: number;
  y: number;
  width: number;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SKIES: Record<Setting, [string, string]> = {
  street: ['#8ec5ff', '#e0f0ff'],
  city: ['#7fb2f0', '#f8d9b0'],
  square: ['#9cc8f5', '#eef6ff'],
  parade: ['#88b8ee', '#ffffff'],
  office: ['#e9e4da', '#d8d1c4'],
  home: ['#f5e6cc', '#ecd9b8'],
  classroom: ['#f1ead2', '#e4dbc0'],
  countryside: ['#7cc0ff', '#fff3c4'],
  studio: ['#0d1b3d', '#1f3a7a'],
  night: ['#0b1026', '#2a2f5a'],
  stage: ['#2a0e2e', '#5a1846'],
  plain: ['#dfe7f2', '#f6f8fb'],
};

function buildings(
  random: () => number,
  w: number,
  h: number,
  base: number,
  night: boolean,
): string {
  const parts: string[] = [];
  const colours = night
    ? ['#1c2340', '#232b4f', '#2b3460']
    : ['#c9ced6', '#aeb7c4', '#d8c8b4', '#b9a58f', '#9fb0c2'];
  let x = -10;
  while (x < w) {
    const bw = w * (0.09 + random() * 0.1);
    const bh = h * (0.25 + random() * 0.45);
    const top = base - bh;
    parts.push(
      `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}" fill="${pick(random, colours)}"/>`,
    );
    const cols = Math.max(1, Math.floor(bw / 16));
    const rows = Math.max(1, Math.floor(bh / 22));
    for (let r = 0; r < rows - 1; r++)
      for (let c = 0; c < cols; c++) {
        const lit = night ? random() < 0.45 : random() < 0.9;
        if (!lit) continue;
        parts.push(
          `<rect x="${(x + 5 + c * ((bw - 6) / cols)).toFixed(1)}" y="${(top + 8 + r * 22).toFixed(1)}" width="${(((bw - 6) / cols) * 0.55).toFixed(1)}" height="10" fill="${night ? '#ffd36b' : '#eaf4ff'}" opacity="${night ? 0.9 : 0.8}"/>`,
        );
      }
    x += bw + 2 + random() * 6;
  }
  return parts.join('');
}

function crowd(random: () => number, w: number, y: number, size: number): string {
  const parts: string[] = [];
  const colours = ['#495057', '#6c757d', '#343a40', '#5c677d', '#7d5a50'];
  for (let x = 0; x < w + size; x += size * (0.7 + random() * 0.4)) {
    const c = pick(random, colours);
    const dy = random() * size * 0.3;
    parts.push(
      `<circle cx="${x.toFixed(1)}" cy="${(y + dy).toFixed(1)}" r="${(size * 0.28).toFixed(1)}" fill="${c}"/><rect x="${(x - size * 0.4).toFixed(1)}" y="${(y + dy + size * 0.25).toFixed(1)}" width="${(size * 0.8).toFixed(1)}" height="${size}" rx="${(size * 0.3).toFixed(1)}" fill="${c}"/>`,
    );
  }
  return parts.join('');
}

function background(setting: Setting, seed: string, w: number, h: number): string {
  const random = seeded(`bg:${setting}:${seed}`);
  const [top, bottom] = SKIES[setting];
  const sky = `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${w}" height="${h}" fill="url(#sky)"/>`;
  const ground = h * 0.78;
  switch (setting) {
    case 'street':
    case 'city':
    case 'night':
      return `${sky}${setting === 'night' ? `<circle cx="${w * 0.82}" cy="${h * 0.16}" r="${h * 0.07}" fill="#f4f1c9"/>` : ''}${buildings(random, w, h, ground, setting === 'night')}<rect y="${ground}" width="${w}" height="${h - ground}" fill="${setting === 'night' ? '#1a1d2e' : '#8d939c'}"/><rect y="${ground + (h - ground) * 0.45}" width="${w}" height="4" fill="#f8f9fa" stroke-dasharray="30 20" opacity=".6"/>`;
    case 'square':
      return `${sky}${buildings(random, w, h, ground - h * 0.05, false)}<rect y="${ground - h * 0.05}" width="${w}" height="${h}" fill="#b8a98f"/>${crowd(random, w, ground - h * 0.02, h * 0.12)}`;
    case 'parade': {
      const flags = Array.from({ length: 7 }, (_, i) => {
        const x = (w / 7) * (i + 0.5);
        const colour = pick(random, ['#c1121f', '#1d4ed8', '#ffffff', '#fcbf49']);
        return `<rect x="${x - 1.5}" y="${h * 0.18}" width="3" height="${h * 0.5}" fill="#555"/><path d="M${x + 1.5} ${h * 0.18} l${w * 0.06} ${h * 0.04} l-${w * 0.06} ${h * 0.04}z" fill="${colour}" stroke="#0002"/>`;
      }).join('');
      const troops = Array.from({ length: 12 }, (_, i) => {
        const x = (w / 12) * (i + 0.5);
        const y = ground - h * 0.02;
        return `<circle cx="${x}" cy="${y - h * 0.1}" r="${h * 0.035}" fill="#556b2f"/><rect x="${x - h * 0.035}" y="${y - h * 0.07}" width="${h * 0.07}" height="${h * 0.14}" rx="4" fill="#4b5d2a"/>`;
      }).join('');
      return `${sky}${buildings(random, w, h, ground - h * 0.1, false)}${flags}<rect y="${ground - h * 0.1}" width="${w}" height="${h}" fill="#9a9a9a"/>${troops}`;
    }
    case 'office':
      return `${sky}<rect x="${w * 0.6}" y="${h * 0.12}" width="${w * 0.32}" height="${h * 0.38}" fill="#bfe0ff" stroke="#fff" stroke-width="6"/><path d="M${w * 0.76} ${h * 0.12} v${h * 0.38}" stroke="#fff" stroke-width="4"/><rect y="${ground}" width="${w}" height="${h}" fill="#8a7560"/><rect x="${w * 0.05}" y="${ground - h * 0.12}" width="${w * 0.9}" height="${h * 0.06}" fill="#6b4f3a"/><rect x="${w * 0.08}" y="${h * 0.14}" width="${w * 0.2}" height="${h * 0.16}" fill="#fff" stroke="#bbb"/><path d="M${w * 0.1} ${h * 0.26} l${w * 0.04} -${h * 0.06} l${w * 0.04} ${h * 0.03} l${w * 0.06} -${h * 0.07}" stroke="#d9534f" stroke-width="3" fill="none"/>`;
    case 'home':
      return `${sky}<rect x="${w * 0.08}" y="${h * 0.12}" width="${w * 0.3}" height="${h * 0.34}" fill="#cfe8ff" stroke="#fff" stroke-width="6"/><rect x="${w * 0.04}" y="${h * 0.1}" width="${w * 0.08}" height="${h * 0.42}" fill="#e76f51" opacity=".8"/><rect x="${w * 0.34}" y="${h * 0.1}" width="${w * 0.08}" height="${h * 0.42}" fill="#e76f51" opacity=".8"/><rect x="${w * 0.62}" y="${h * 0.16}" width="${w * 0.16}" height="${h * 0.2}" fill="#f4a261" stroke="#7a4b27" stroke-width="4"/><rect y="${ground}" width="${w}" height="${h}" fill="#a98467"/><rect x="${w * 0.55}" y="${ground - h * 0.16}" width="${w * 0.4}" height="${h * 0.16}" rx="12" fill="#457b9d"/>`;
    case 'classroom':
      return `${sky}<rect x="${w * 0.15}" y="${h * 0.1}" width="${w * 0.7}" height="${h * 0.36}" fill="#2d6a4f" stroke="#8b5e34" stroke-width="8"/><path d="M${w * 0.22} ${h * 0.2} h${w * 0.3} M${w * 0.22} ${h * 0.28} h${w * 0.22}" stroke="#fff" stroke-width="3" opacity=".7"/><rect y="${ground}" width="${w}" height="${h}" fill="#c2a878"/>${Array.from({ length: 3 }, (_, i) => `<rect x="${w * (0.08 + i * 0.31)}" y="${ground - h * 0.08}" width="${w * 0.22}" height="${h * 0.05}" fill="#8b5e34"/>`).join('')}`;
    case 'countryside':
      return `${sky}<circle cx="${w * 0.8}" cy="${h * 0.22}" r="${h * 0.09}" fill="#ffd166"/><ellipse cx="${w * 0.25}" cy="${ground}" rx="${w * 0.5}" ry="${h * 0.2}" fill="#74c69d"/><ellipse cx="${w * 0.8}" cy="${ground + h * 0.02}" rx="${w * 0.5}" ry="${h * 0.18}" fill="#52b788"/><rect y="${ground}" width="${w}" height="${h}" fill="#95d5b2"/>${Array.from({ length: 6 }, (_, i) => `<path d="M0 ${ground + i * h * 0.04 + 6} Q${w / 2} ${ground + i * h * 0.04} ${w} ${ground + i * h * 0.04 + 6}" stroke="#6aa84f" stroke-width="3" fill="none"/>`).join('')}`;
    case 'studio':
      return `${sky}${Array.from({ length: 4 }, (_, i) => `<rect x="${w * (0.04 + i * 0.24)}" y="${h * 0.08}" width="${w * 0.2}" height="${h * 0.3}" fill="#2b4c9b" stroke="#6f8fd8" opacity=".8"/>`).join('')}<rect y="${ground - h * 0.05}" width="${w}" height="${h}" fill="#0a1430"/><rect x="${w * 0.1}" y="${ground - h * 0.08}" width="${w * 0.8}" height="${h * 0.3}" rx="6" fill="#13245a" stroke="#4c6fd1"/>`;
    case 'stage':
      return `${sky}<path d="M0 0 h${w * 0.15} q-${w * 0.02} ${h * 0.5} ${w * 0.02} ${h} h-${w * 0.17}z M${w} 0 h-${w * 0.15} q${w * 0.02} ${h * 0.5} -${w * 0.02} ${h} h${w * 0.17}z" fill="#9d0208"/><path d="M${w * 0.3} 0 L${w * 0.2} ${ground} L${w * 0.45} ${ground}Z M${w * 0.7} 0 L${w * 0.55} ${ground} L${w * 0.8} ${ground}Z" fill="#fff3b0" opacity=".25"/><rect y="${ground}" width="${w}" height="${h}" fill="#3c1f1a"/>`;
    default:
      return sky;
  }
}

function prop(
  name: string,
  art: ComposeOptions['art'],
  x: number,
  y: number,
  size: number,
  seed: string,
): string {
  if (name === 'qr-code') {
    const random = seeded(`qr:${seed}`);
    const cells = 21;
    const cell = size / cells;
    const left = x - size / 2;
    const top = y - size / 2;
    const squares: string[] = [];
    for (let r = 0; r < cells; r++)
      for (let c = 0; c < cells; c++) {
        const finder = (r < 7 || r >= cells - 7) && c < 7 ? true : r < 7 && c >= cells - 7;
        if (finder) continue;
        if (random() < 0.5) squares.push(`M${c} ${r}h1v1h-1z`);
      }
    const finder = (fx: number, fy: number) =>
      `<path d="M${fx} ${fy}h7v7h-7z M${fx + 1} ${fy + 1}v5h5v-5z" fill-rule="evenodd"/><rect x="${fx + 2}" y="${fy + 2}" width="3" height="3"/>`;
    return `<rect x="${left - cell * 2}" y="${top - cell * 2}" width="${size + cell * 4}" height="${size + cell * 4}" fill="#fff" rx="${cell}"/><g transform="translate(${left} ${top}) scale(${cell})" fill="#111"><path d="${squares.join('')}"/>${finder(0, 0)}${finder(cells - 7, 0)}${finder(0, cells - 7)}</g>`;
  }
  const icon = art[name];
  if (!icon) return '';
  const scale = size / Math.max(icon.width, icon.height);
  return `<g transform="translate(${(x - (icon.width * scale) / 2).toFixed(1)} ${(y - (icon.height * scale) / 2).toFixed(1)}) scale(${scale.toFixed(4)})">${icon.body}</g>`;
}

/** Rough width of bold text in px (wide enough for Cyrillic): an SVG image cannot measure. */
function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += /[\u2E80-\uFFEF]/.test(char) ? size : size * 0.64;
  return width;
}

export function wrapText(text: string, size: number, maxWidth: number, maxLines: number): string[] {
  const cjk = /[\u2E80-\uFFEF]/.test(text);
  const words = cjk ? [...text] : text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? (cjk ? line + word : `${line} ${word}`) : word;
    if (line && textWidth(next, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines;
}

const TEXT_LOOK = {
  caption: { fill: '#fff', box: '#000000b3', weight: 700, scale: 0.06 },
  headline: { fill: '#fff', box: '#c1121fe6', weight: 800, scale: 0.075 },
  sign: { fill: '#1b1b1b', box: '#fffdf2', weight: 800, scale: 0.065 },
  banner: { fill: '#ffd60a', box: '#9d0208e6', weight: 900, scale: 0.07 },
} as const;

function pictureText(entry: Picture['texts'][number], words: string, w: number, h: number): string {
  const look = TEXT_LOOK[entry.style];
  const size = Math.max(12, Math.round(Math.min(w, h * 1.4) * look.scale));
  const lines = wrapText(words.replace(EMOJI, '').trim(), size, w * 0.84, 3);
  if (lines.length === 0) return '';
  const lineHeight = size * 1.25;
  const boxHeight = lines.length * lineHeight + size * 0.6;
  const boxWidth = Math.min(
    w * 0.92,
    Math.max(...lines.map((line) => textWidth(line, size))) + size * 1.2,
  );
  const top =
    entry.at === 'top'
      ? h * 0.05
      : entry.at === 'middle'
        ? (h - boxHeight) / 2
        : h * 0.95 - boxHeight;
  const left = (w - boxWidth) / 2;
  const rotate =
    entry.style === 'sign' ? ` transform="rotate(-3 ${w / 2} ${top + boxHeight / 2})"` : '';
  const tspans = lines
    .map(
      (line, i) =>
        `<tspan x="${w / 2}" y="${(top + size * 0.3 + lineHeight * i + size).toFixed(1)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<g${rotate}><rect x="${left.toFixed(1)}" y="${top.toFixed(1)}" width="${boxWidth.toFixed(1)}" height="${boxHeight.toFixed(1)}" rx="${(size * 0.3).toFixed(1)}" fill="${look.box}"/><text text-anchor="middle" font-family="system-ui, 'Noto Sans', 'Noto Sans CJK SC', sans-serif" font-size="${size}" font-weight="${look.weight}" fill="${look.fill}">${tspans}</text></g>`;
}

function watermark(words: string, w: number, h: number): string {
  const size = Math.max(11, Math.round(Math.min(w, h) * 0.045));
  return `<text x="${w - size * 0.6}" y="${h - size * 0.7}" text-anchor="end" font-family="system-ui, 'Noto Sans', 'Noto Sans CJK SC', sans-serif" font-size="${size}" font-weight="700" fill="#fff" fill-opacity=".8" stroke="#000" stroke-opacity=".35" stroke-width="${size * 0.08}" paint-order="stroke">${escapeXml(words.replace(EMOJI, '').trim())}</text>`;
}

/** Each person's box in picture pixels: spread across the picture unless placed. */
function peopleBoxes(picture: Picture, w: number, h: number) {
  const count = picture.people.length;
  return picture.people.map((person, index) => {
    const height = (h * (person.size ?? (count > 2 ? 55 : 70))) / 100;
    const width = height * (100 / 160);
    const centre = ((person.x ?? ((index + 1) * 100) / (count + 1)) * w) / 100;
    return { person, x: centre - width / 2, y: h - height, scale: height / 160 };
  });
}

/** The talking head's mouth (the first person's), or null when the picture has no talker. */
export function talkerOf(picture: Picture, w: number, h: number): Talker | null {
  if (!picture.motion?.talkingHead) return null;
  const box = peopleBoxes(picture, w, h)[0];
  if (!box) return null;
  return {
    x: box.x + MOUTH.x * box.scale,
    y: box.y + MOUTH.y * box.scale,
    width: MOUTH.width * box.scale,
  };
}

/** The picture as an SVG document of width × height pixels. */
export function composePicture(picture: Picture, options: ComposeOptions): string {
  const { width: w, height: h, art } = options;
  const layer = options.layer ?? { scene: true, texts: 'all' };
  const parts: string[] = [];
  const seed = picture.backgroundSeed ?? picture.setting;
  if (layer.scene) {
    parts.push(background(picture.setting, seed, w, h));
    for (const item of picture.props.filter((entry) => entry.y < 60))
      parts.push(
        prop(item.icon, art, (item.x * w) / 100, (item.y * h) / 100, (item.size * w) / 100, seed),
      );
    for (const box of peopleBoxes(picture, w, h))
      parts.push(
        `<g transform="translate(${box.x.toFixed(1)} ${box.y.toFixed(1)}) scale(${box.scale.toFixed(4)})">${personSvg(box.person.face, box.person.outfit, options.talking && box.person === picture.people[0])}</g>`,
      );
    for (const item of picture.props.filter((entry) => entry.y >= 60))
      parts.push(
        prop(item.icon, art, (item.x * w) / 100, (item.y * h) / 100, (item.size * w) / 100, seed),
      );
  }
  picture.texts.forEach((entry, index) => {
    if (layer.texts === 'all' || layer.texts === index)
      parts.push(pictureText(entry, options.text(entry.text), w, h));
  });
  if (picture.watermark && layer.texts === 'all')
    parts.push(watermark(options.text(picture.watermark), w, h));
  const ratio = options.pixelRatio ?? 1;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(w * ratio)}" height="${Math.round(h * ratio)}" viewBox="0 0 ${w} ${h}">${parts.join('')}</svg>`;
}
