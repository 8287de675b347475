/**
 * How the game looks for players who need it bigger or sharper: a text scale (100-200%)
 * and a high-contrast theme (on, off, or following the system's `prefers-contrast:
 * more`). Both are saved; the DOM panels follow through the root font size and a class
 * on <html>, the canvas through `fontPx()` and the palettes in theme.ts, rebuilt by
 * every scene when `onDisplayChange` fires.
 */
import { type ContrastPreference, parseTextScale } from '../services/preferences';

let textScale = 100;
let contrast: ContrastPreference = 'system';
const listeners = new Set<() => void>();

/** The text scale as a factor, 1 to 2. */
export function textScaleFactor(): number {
  return textScale / 100;
}

export function textScalePercent(): number {
  return textScale;
}

/** A canvas font size for a design size at 100%. */
export function fontPx(size: number): string {
  return `${Math.round(size * textScaleFactor())}px`;
}

/** A length that holds text, grown with the text scale. */
export function scaled(length: number): number {
  return Math.round(length * textScaleFactor());
}

export function contrastPreference(): ContrastPreference {
  return contrast;
}

export function highContrast(): boolean {
  if (contrast !== 'system') return contrast === 'more';
  return typeof matchMedia === 'function' && matchMedia('(prefers-contrast: more)').matches;
}

export function setDisplayPreferences(next: {
  textScale?: number;
  contrast?: ContrastPreference;
}): void {
  if (next.textScale !== undefined) textScale = parseTextScale(String(next.textScale));
  if (next.contrast !== undefined) contrast = next.contrast;
  applyToDocument();
  for (const listener of listeners) listener();
}

/** Called after a change, once the document has been updated; returns the unsubscriber. */
export function onDisplayChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The DOM panels are sized in rem: the root font size scales them all. */
function applyToDocument(): void {
  if (typeof document === 'undefined') return;
  document.documentElement.style.fontSize = `${textScale}%`;
  document.documentElement.classList.toggle('high-contrast', highContrast());
}

/** Follows the system's contrast setting while the preference is "system". */
export function watchSystemContrast(): void {
  if (typeof matchMedia !== 'function') return;
  matchMedia('(prefers-contrast: more)').addEventListener('change', () => {
    if (contrast === 'system') setDisplayPreferences({});
  });
}
