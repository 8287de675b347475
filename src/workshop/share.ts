/** Small helpers the workshop pages share: links, copy, download, QR code, labelled fields. */
import encodeQR from 'qr';
import { el } from '../ui/dialog';

/** The link to another page of this site, keeping the language. */
export function pageUrl(query: Record<string, string>): string {
  const url = new URL(location.pathname, location.origin);
  const lang = new URLSearchParams(location.search).get('lang');
  if (lang) url.searchParams.set('lang', lang);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  // `?facilitator` reads better than `?facilitator=`.
  return url.toString().replace(/=(&|$)/g, '$1');
}

/** Byte-mode capacity of the largest QR code at low error correction. */
const QR_MAX_CHARS = 2900;

/**
 * A QR code as an <img> of an SVG data URL (the CSP allows data: images), or null when
 * the text is too long for a QR code. `qr`, the library the dashboard's scanner reads
 * with, draws the SVG from the text; no markup of ours is parsed.
 */
export function qrImage(text: string, label: string): HTMLImageElement | null {
  if (text.length > QR_MAX_CHARS) return null;
  const image = el('img', null, 'qr');
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
    encodeQR(text, 'svg', { ecc: 'low', border: 2 }),
  )}`;
  image.alt = label;
  return image;
}

export function download(fileName: string, data: string | Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const link = el('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text; where the Clipboard API is refused, selects the field so Ctrl+C works. */
export async function copyText(field: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    field.focus();
    field.select();
    return false;
  }
}

let fieldCount = 0;

/** A form control with a real <label> (and optional help text tied by aria-describedby). */
export function field<T extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
  control: T,
  label: string,
  help?: string,
): { wrapper: HTMLElement; control: T } {
  const id = `workshop-field-${++fieldCount}`;
  control.id = id;
  const wrapper = el('div', null, 'field');
  const labelElement = el('label', label);
  labelElement.htmlFor = id;
  wrapper.append(labelElement, control);
  if (help) {
    const hint = el('p', help, 'hint');
    hint.id = `${id}-help`;
    control.setAttribute('aria-describedby', hint.id);
    wrapper.append(hint);
  }
  return { wrapper, control };
}

/** A hidden message line that screen readers announce when it is filled in. */
export function alertLine(): HTMLParagraphElement {
  const line = el('p', null, 'notice');
  line.setAttribute('role', 'alert');
  line.hidden = true;
  return line;
}
