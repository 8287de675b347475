/**
 * People drawn from shapes: the face seed picks skin, hair, eyes and the rest, so the
 * same seed is the same person in every picture (how AI-made "citizens" that share a
 * face give themselves away). Drawn in a 100 × 160 box, head at the top.
 */
import type { Outfit } from '../core/picture-catalog';
import { pick, seeded } from './random';

const SKIN = ['#f6d3b3', '#eec19a', '#d9a27a', '#b97c55', '#8d5a3b', '#f3c9a0'];
const HAIR = ['#2b1d14', '#4a2f1d', '#7a4b27', '#c9a15b', '#1c1c1c', '#8e8e8e', '#a0522d'];
const CLOTHES = ['#3a6ea5', '#d9534f', '#5cb85c', '#f0ad4e', '#6f42c1', '#20c997', '#e83e8c'];
const HAIRSTYLES = ['short', 'long', 'bun', 'buzz', 'side'] as const;

export interface Face {
  skin: string;
  hair: string;
  style: (typeof HAIRSTYLES)[number];
  clothes: string;
  glasses: boolean;
  beard: boolean;
}

export function faceFor(seed: string): Face {
  const random = seeded(`face:${seed}`);
  const style = pick(random, HAIRSTYLES);
  return {
    skin: pick(random, SKIN),
    hair: pick(random, HAIR),
    style,
    clothes: pick(random, CLOTHES),
    glasses: random() < 0.25,
    beard: style !== 'long' && style !== 'bun' && random() < 0.25,
  };
}

/** Where the mouth is in the person's 100 × 160 box, for a talking head. */
export const MOUTH = { x: 50, y: 58, width: 14 };

function outfit(kind: Outfit, face: Face): string {
  const torso = 'M14 160 C14 106 28 90 50 90 C72 90 86 106 86 160 Z';
  switch (kind) {
    case 'uniform':
      return `<path d="${torso}" fill="#556b2f"/><path d="M22 140 l10 -6 l8 8 z M62 128 l12 -4 l2 10 z M40 150 l10 -8 l6 10z" fill="#3d4f22" opacity=".7"/><path d="M40 90 L50 116 L60 90" fill="#3d4f22"/><rect x="60" y="118" width="12" height="8" rx="1" fill="#c9a227"/>`;
    case 'suit':
      return `<path d="${torso}" fill="#2f3542"/><path d="M42 90 L50 130 L58 90 Z" fill="#fff"/><path d="M48 100 L50 132 L52 100 Z" fill="#b02a37"/>`;
    case 'school':
      return `<path d="${torso}" fill="#fff"/><path d="M40 90 L50 108 L60 90" fill="#e9ecef"/><path d="M14 160 C14 130 20 118 30 112 L30 160Z M86 160 C86 130 80 118 70 112 L70 160Z" fill="#1d3557"/><path d="M47 104 L50 120 L53 104Z" fill="#c1121f"/>`;
    case 'hoodie':
      return `<path d="${torso}" fill="${face.clothes}"/><path d="M30 100 C36 112 64 112 70 100" stroke="#0003" stroke-width="4" fill="none"/><rect x="36" y="132" width="28" height="14" rx="4" fill="#0002"/>`;
    default:
      return `<path d="${torso}" fill="${face.clothes}"/><path d="M40 90 C44 100 56 100 60 90" fill="${face.skin}"/>`;
  }
}

function hairBack(face: Face): string {
  if (face.style === 'long')
    return `<path d="M24 40 C20 80 24 96 30 104 L70 104 C76 96 80 80 76 40 Z" fill="${face.hair}"/>`;
  if (face.style === 'bun') return `<circle cx="50" cy="14" r="11" fill="${face.hair}"/>`;
  return '';
}

function hairFront(face: Face): string {
  switch (face.style) {
    case 'buzz':
      return `<path d="M27 44 C27 24 38 18 50 18 C62 18 73 24 73 44 C66 34 34 34 27 44Z" fill="${face.hair}" opacity=".85"/>`;
    case 'side':
      return `<path d="M26 48 C24 22 40 16 52 16 C66 16 76 26 74 46 C66 34 48 30 34 36 C30 40 28 44 26 48Z" fill="${face.hair}"/>`;
    default:
      return `<path d="M26 46 C24 20 40 14 50 14 C60 14 76 20 74 46 C70 32 62 28 50 28 C38 28 30 32 26 46Z" fill="${face.hair}"/>`;
  }
}

/** One person, drawn in a 100 × 160 box; `talking` opens the mouth. */
export function personSvg(seed: string, kind: Outfit, talking = false): string {
  const face = faceFor(seed);
  const mouth = talking
    ? `<ellipse cx="${MOUTH.x}" cy="${MOUTH.y}" rx="6" ry="4" fill="#7a2e2e"/>`
    : `<path d="M43 ${MOUTH.y - 2} Q50 ${MOUTH.y + 4} 57 ${MOUTH.y - 2}" stroke="#7a2e2e" stroke-width="2.5" fill="none" stroke-linecap="round"/>`;
  const glasses = face.glasses
    ? '<g fill="none" stroke="#222" stroke-width="2"><circle cx="40" cy="46" r="7"/><circle cx="60" cy="46" r="7"/><path d="M47 46 H53"/></g>'
    : '';
  const beard = face.beard
    ? `<path d="M30 52 C32 74 42 80 50 80 C58 80 68 74 70 52 C64 64 36 64 30 52Z" fill="${face.hair}" opacity=".9"/>`
    : '';
  const cap =
    kind === 'uniform'
      ? '<path d="M24 38 C24 14 76 14 76 38 Z" fill="#556b2f"/><rect x="22" y="34" width="56" height="6" rx="3" fill="#3d4f22"/>'
      : '';
  return [
    hairBack(face),
    outfit(kind, face),
    `<rect x="43" y="74" width="14" height="18" fill="${face.skin}"/>`,
    `<ellipse cx="50" cy="48" rx="24" ry="30" fill="${face.skin}"/>`,
    `<ellipse cx="26" cy="50" rx="4" ry="6" fill="${face.skin}"/><ellipse cx="74" cy="50" rx="4" ry="6" fill="${face.skin}"/>`,
    cap || hairFront(face),
    `<path d="M34 38 Q40 35 45 38 M55 38 Q60 35 66 38" stroke="${face.hair}" stroke-width="2.5" fill="none" stroke-linecap="round"/>`,
    '<circle cx="40" cy="46" r="3" fill="#222"/><circle cx="60" cy="46" r="3" fill="#222"/>',
    '<circle cx="41" cy="45" r="1" fill="#fff"/><circle cx="61" cy="45" r="1" fill="#fff"/>',
    `<path d="M50 48 L47 56 L52 56" stroke="#0003" stroke-width="2" fill="none"/>`,
    '<ellipse cx="36" cy="58" rx="5" ry="3" fill="#e88" opacity=".25"/><ellipse cx="64" cy="58" rx="5" ry="3" fill="#e88" opacity=".25"/>',
    beard,
    mouth,
    glasses,
  ].join('');
}
