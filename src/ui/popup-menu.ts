/**
 * A pop-up menu with menu semantics (WAI-ARIA menu pattern), for a messenger's
 * message menu: it opens at the pointer or at the thing it belongs to with its first
 * item focused; arrow keys, Home and End move, Enter or Space choose, and Escape
 * closes it with focus back where it was. Tab, a click elsewhere or focus leaving
 * close it too. While it is open the screen's single-key shortcuts wait.
 */
import type { AccessibleLayer } from '../a11y/layer';
import { el } from './dialog';
import { pushShortcuts } from './keyboard';

export interface MenuItem {
  label: string;
  onChoose: () => void;
}

export interface PopupMenuOptions {
  /** The menu's accessible name. */
  label: string;
  items: readonly MenuItem[];
  /** Where it opens, in viewport (CSS) pixels; it stays inside the window. */
  at: { x: number; y: number };
  /** Gets focus back when the menu closes by Escape or by choosing. */
  opener: HTMLElement;
}

/** Opens the menu; the returned function closes it (without moving focus). */
export function openPopupMenu(layer: AccessibleLayer, options: PopupMenuOptions): () => void {
  const menu = layer.adopt(el('div', null, 'popup-menu'));
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', options.label);
  const entries = options.items.map((item) => {
    const entry = el('button', item.label);
    entry.type = 'button';
    entry.setAttribute('role', 'menuitem');
    entry.tabIndex = -1;
    entry.addEventListener('click', () => {
      close(true);
      item.onChoose();
    });
    menu.append(entry);
    return entry;
  });
  const releaseKeys = pushShortcuts({}, menu);
  let open = true;

  function close(returnFocus: boolean): void {
    if (!open) return;
    open = false;
    releaseKeys();
    document.removeEventListener('pointerdown', onPointerDown, true);
    menu.remove();
    if (returnFocus && options.opener.isConnected) options.opener.focus();
  }
  function onPointerDown(event: PointerEvent): void {
    if (!menu.contains(event.target as Node)) close(false);
  }
  document.addEventListener('pointerdown', onPointerDown, true);

  menu.addEventListener('keydown', (event) => {
    const current = entries.indexOf(document.activeElement as HTMLButtonElement);
    const moveTo = (index: number) => entries.at(index % entries.length)?.focus();
    if (event.key === 'ArrowDown') moveTo(current + 1);
    else if (event.key === 'ArrowUp') moveTo(current - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(-1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(true);
    else return;
    event.preventDefault();
    event.stopPropagation();
  });
  menu.addEventListener('focusout', (event) => {
    if (!menu.contains(event.relatedTarget as Node | null)) close(false);
  });

  // Placed, then kept inside the window: a message near an edge opens it inward.
  const { innerWidth, innerHeight } = window;
  menu.style.left = `${options.at.x}px`;
  menu.style.top = `${options.at.y}px`;
  const box = menu.getBoundingClientRect();
  menu.style.left = `${Math.max(4, Math.min(options.at.x, innerWidth - box.width - 4))}px`;
  menu.style.top = `${Math.max(4, Math.min(options.at.y, innerHeight - box.height - 4))}px`;
  entries[0]?.focus();
  return () => close(false);
}
