/**
 * Every keyboard shortcut in one place: the table below is both what the keys do and
 * what the help dialog lists, so the two cannot disagree. Screens say which actions
 * they offer by pushing a set of handlers; only the most recent set (the screen or
 * dialog on top) answers, plus the global keys, so a key never reaches a screen behind
 * an open dialog. Plain keys only: with Ctrl, Alt or Meta held, or while typing in a
 * field, the browser and assistive technology keep their own keys.
 */
export type ShortcutAction =
  | 'help'
  | 'mute'
  | 'settings'
  | 'nextPost'
  | 'previousPost'
  | 'pauseScroll'
  | 'comments'
  | 'tactic1'
  | 'tactic2'
  | 'tactic3'
  | 'tactic4'
  | 'tactic5'
  | 'lure'
  | 'flag'
  | 'genuine';

export interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.key values, lower case for letters. */
  keys: readonly string[];
  /**
   * KeyboardEvent.code of the same physical key, so letters work on Cyrillic and other
   * layouts too (J on a Russian keyboard sends key "о", code "KeyJ").
   */
  code?: string;
  /** How the help dialog shows the keys. */
  label: string;
  /** Where it works, for the help dialog's grouping: keys `keys.scope.<scope>`. */
  scope: 'anywhere' | 'feed' | 'post';
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'help', keys: ['?'], label: '?', scope: 'anywhere' },
  { action: 'mute', keys: ['m'], code: 'KeyM', label: 'M', scope: 'anywhere' },
  { action: 'settings', keys: ['s'], code: 'KeyS', label: 'S', scope: 'anywhere' },
  { action: 'nextPost', keys: ['j'], code: 'KeyJ', label: 'J', scope: 'feed' },
  { action: 'previousPost', keys: ['k'], code: 'KeyK', label: 'K', scope: 'feed' },
  { action: 'pauseScroll', keys: ['p'], code: 'KeyP', label: 'P', scope: 'feed' },
  { action: 'comments', keys: ['c'], code: 'KeyC', label: 'C', scope: 'feed' },
  { action: 'tactic1', keys: ['1'], code: 'Digit1', label: '1', scope: 'post' },
  { action: 'tactic2', keys: ['2'], code: 'Digit2', label: '2', scope: 'post' },
  { action: 'tactic3', keys: ['3'], code: 'Digit3', label: '3', scope: 'post' },
  { action: 'tactic4', keys: ['4'], code: 'Digit4', label: '4', scope: 'post' },
  { action: 'tactic5', keys: ['5'], code: 'Digit5', label: '5', scope: 'post' },
  { action: 'lure', keys: ['l'], code: 'KeyL', label: 'L', scope: 'post' },
  { action: 'flag', keys: ['f'], code: 'KeyF', label: 'F', scope: 'post' },
  { action: 'genuine', keys: ['g'], code: 'KeyG', label: 'G', scope: 'post' },
];

/** Keys the browser already gives meaning to, listed in help but handled natively. */
export const NATIVE_KEYS = ['tab', 'enter', 'space', 'escape', 'menu'] as const;

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

interface Layer {
  handlers: ShortcutHandlers;
  /** The screen or dialog element the handlers belong to; gone from the page, they stop. */
  owner: Element;
}

const stack: Layer[] = [];
let global: ShortcutHandlers = {};
let enabled = true;

/** Single-key shortcuts can be switched off (WCAG 2.1.4), e.g. for speech input. */
export function setShortcutsEnabled(on: boolean): void {
  enabled = on;
}

export function shortcutsEnabled(): boolean {
  return enabled;
}

/** Handlers that work on every screen and over every dialog (help, mute). */
export function setGlobalShortcuts(handlers: ShortcutHandlers): void {
  global = handlers;
}

/**
 * The current screen's or dialog's shortcuts, on top of (and hiding) those below it
 * until the returned function removes them. A dialog with no shortcuts of its own
 * pushes `{}` so the screen behind it stops answering.
 */
export function pushShortcuts(handlers: ShortcutHandlers, owner: Element): () => void {
  const layer = { handlers, owner };
  stack.push(layer);
  return () => {
    const index = stack.lastIndexOf(layer);
    if (index >= 0) stack.splice(index, 1);
  };
}

/** The action a key press asks for, or null when it is not a shortcut here. */
export function actionFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'> & { code?: string },
): ShortcutAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const byKey = SHORTCUTS.find((shortcut) => shortcut.keys.includes(key));
  // "?" is Shift plus a different key on every layout: it goes by its character only.
  const byCode = SHORTCUTS.find((shortcut) => shortcut.code && shortcut.code === event.code);
  return (byKey ?? byCode)?.action ?? null;
}

function handlerFor(action: ShortcutAction): (() => void) | undefined {
  // A scene that was cleared away without popping its layer must not answer.
  while (stack.length > 0 && !stack.at(-1)?.owner.isConnected) stack.pop();
  return stack.at(-1)?.handlers[action] ?? global[action];
}

/** Typing in a text field (or choosing in a list) keeps every letter for itself. */
function typing(target: EventTarget | null): boolean {
  return Boolean(
    (target as HTMLElement | null)?.closest?.(
      'input:not([type="range"]):not([type="checkbox"]), textarea, select, [contenteditable="true"]',
    ),
  );
}

/** Installs the one keydown listener; call once at start-up. */
export function listenForShortcuts(target: EventTarget = window): void {
  target.addEventListener('keydown', (event) => {
    const key = event as KeyboardEvent;
    if (!enabled || key.repeat || typing(key.target)) return;
    const action = actionFor(key);
    const handler = action ? handlerFor(action) : undefined;
    if (!handler) return;
    key.preventDefault();
    handler();
  });
}
