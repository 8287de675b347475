/**
 * Text-heavy panels are DOM <dialog>s: they wrap and zoom like a page, screen readers
 * read them, and showModal() gives focus trapping, Escape and an inert background.
 */
import type { AccessibleLayer } from '../a11y/layer';
import { pushShortcuts } from './keyboard';

export interface Panel {
  dialog: HTMLDialogElement;
  heading: HTMLHeadingElement;
  body: HTMLElement;
  close(): void;
}

export interface PanelOptions {
  /**
   * Stay open when the scene under it rebuilds (a language change does that): the
   * panel is then not part of the scene's layer, and re-renders its own text.
   */
  keepOnRebuild?: boolean;
  /** Names the panel for `isDialogOpen(name)`, so one of a kind is not opened twice. */
  name?: string;
}

/**
 * Whether a modal dialog (or the named panel) is open: the one answer to that question.
 * It asks the page itself, so a panel removed with its scene is never counted as open.
 */
export function isDialogOpen(name?: string): boolean {
  const selector = name ? `dialog[open][data-panel="${CSS.escape(name)}"]` : 'dialog[open]';
  return document.querySelector(selector) !== null;
}

let panelCount = 0;

export function openPanel(
  layer: AccessibleLayer,
  title: string,
  onEscape: () => void,
  options: PanelOptions = {},
): Panel {
  const dialog = document.createElement('dialog');
  if (options.keepOnRebuild) layer.root.append(dialog);
  else layer.adopt(dialog);
  dialog.className = 'panel';
  if (options.name) dialog.dataset.panel = options.name;
  const heading = document.createElement('h2');
  heading.id = `panel-title-${++panelCount}`;
  heading.textContent = title;
  heading.tabIndex = -1;
  dialog.setAttribute('aria-labelledby', heading.id);
  const body = document.createElement('div');
  dialog.append(heading, body);
  dialog.addEventListener('cancel', (event) => {
    // Escape asks the owner, which may refuse (e.g. while feedback must be read).
    event.preventDefault();
    onEscape();
  });
  dialog.showModal();
  // The screen behind a modal dialog stops answering its shortcuts.
  const releaseKeys = pushShortcuts({}, dialog);
  return {
    dialog,
    heading,
    body,
    close() {
      releaseKeys();
      if (dialog.open) dialog.close();
      dialog.remove();
    },
  };
}

/** A DOM element with text content only: level and player text is never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string | null,
  className?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined && text !== null) element.textContent = text;
  if (className) element.className = className;
  return element;
}

export function button(label: string, onClick: () => void, className?: string): HTMLButtonElement {
  const element = el('button', label, className);
  element.type = 'button';
  element.addEventListener('click', onClick);
  return element;
}

/**
 * A labelled drop-down whose choice applies at once. The data-key lets a scene that
 * rebuilds after the change (language, text size) give focus back to it.
 */
export function labelledSelect(
  id: string,
  name: string,
  options: readonly { value: string; label: string }[],
  current: string,
  onChange: (value: string) => void,
  className?: string,
): HTMLLabelElement {
  const label = el('label', null, className);
  label.htmlFor = id;
  label.append(el('span', name), document.createTextNode(' '));
  const input = el('select');
  input.id = id;
  input.dataset.key = id;
  for (const option of options) {
    const entry = el('option', option.label);
    entry.value = option.value;
    entry.selected = option.value === current;
    input.append(entry);
  }
  input.addEventListener('change', () => onChange(input.value));
  label.append(input);
  return label;
}
