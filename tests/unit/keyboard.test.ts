/**
 * The keyboard shortcuts: which key means what, that the screen on top (an open post,
 * a dialog) hides the shortcuts of the screen behind it, and that the help dialog has
 * words for every shortcut in every language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { PREFERENCES } from '../../src/services/preferences';
import {
  actionFor,
  listenForShortcuts,
  NATIVE_KEYS,
  pushShortcuts,
  SHORTCUTS,
  setGlobalShortcuts,
  setShortcutsEnabled,
} from '../../src/ui/keyboard';

/** A stand-in for a screen's or dialog's element: on the page until removed. */
const owner = () => ({ isConnected: true }) as unknown as Element;

function press(target: EventTarget, key: string, modifiers: Partial<KeyboardEvent> = {}) {
  const event = Object.assign(new Event('keydown', { cancelable: true }), {
    key,
    repeat: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    ...modifiers,
  });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('shortcut keys', () => {
  it('maps letters in either case, and leaves keys with Ctrl, Alt or Meta to the browser', () => {
    const plain = { ctrlKey: false, altKey: false, metaKey: false };
    expect(actionFor({ key: 'j', ...plain })).toBe('nextPost');
    expect(actionFor({ key: 'J', ...plain })).toBe('nextPost');
    expect(actionFor({ key: '?', ...plain })).toBe('help');
    expect(actionFor({ key: '3', ...plain })).toBe('tactic3');
    expect(actionFor({ key: 'f', ...plain, ctrlKey: true })).toBeNull();
    expect(actionFor({ key: 'l', ...plain, metaKey: true })).toBeNull();
    expect(actionFor({ key: 'Enter', ...plain })).toBeNull();
    // A Russian or Ukrainian layout: the same physical keys.
    expect(actionFor({ key: 'о', code: 'KeyJ', ...plain })).toBe('nextPost');
    expect(actionFor({ key: 'а', code: 'KeyF', ...plain })).toBe('flag');
    expect(actionFor({ key: 'ь', code: 'KeyM', ...plain })).toBe('mute');
    expect(actionFor({ key: 'p', ...plain })).toBe('pauseScroll');
    expect(actionFor({ key: 'з', code: 'KeyP', ...plain })).toBe('pauseScroll');
    expect(actionFor({ key: 'х', code: 'BracketLeft', ...plain })).toBeNull();
  });

  it('gives each key one meaning', () => {
    const keys = SHORTCUTS.flatMap((shortcut) => shortcut.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lets only the screen on top answer, with the global keys underneath', () => {
    const target = new EventTarget();
    listenForShortcuts(target);
    const help = vi.fn();
    const nextPost = vi.fn();
    const flag = vi.fn();
    setGlobalShortcuts({ help });
    const feed = owner();
    const releaseFeed = pushShortcuts({ nextPost }, feed);
    expect(press(target, 'j')).toBe(true);
    expect(nextPost).toHaveBeenCalledTimes(1);

    // An open post: its keys work, the feed's J does not reach the list behind the dialog.
    const post = owner();
    const releasePost = pushShortcuts({ flag }, post);
    expect(press(target, 'j')).toBe(false);
    expect(press(target, 'f')).toBe(true);
    expect(press(target, '?')).toBe(true);
    expect([nextPost.mock.calls.length, flag.mock.calls.length, help.mock.calls.length]).toEqual([
      1, 1, 1,
    ]);

    // Closed: the feed answers again. A held key repeating does not fire again.
    releasePost();
    expect(press(target, 'j', { repeat: true })).toBe(false);
    expect(press(target, 'j')).toBe(true);
    expect(nextPost).toHaveBeenCalledTimes(2);

    // A screen cleared away without releasing (its element left the page) stops answering.
    pushShortcuts({ flag }, post);
    (post as unknown as { isConnected: boolean }).isConnected = false;
    expect(press(target, 'f')).toBe(false);
    expect(press(target, 'j')).toBe(true);
    releaseFeed();
    expect(press(target, 'j')).toBe(false);
    expect(press(target, 'x')).toBe(false);
  });

  it('does nothing at all while switched off in the settings, and is on unless saved off', () => {
    const target = new EventTarget();
    listenForShortcuts(target);
    const help = vi.fn();
    setGlobalShortcuts({ help });
    setShortcutsEnabled(PREFERENCES.shortcuts.parse('off'));
    expect(press(target, '?')).toBe(false);
    setShortcutsEnabled(PREFERENCES.shortcuts.parse(null));
    expect(press(target, '?')).toBe(true);
    expect(help).toHaveBeenCalledTimes(1);
    expect(PREFERENCES.shortcuts.parse('on')).toBe(true);
    expect(PREFERENCES.shortcuts.parse('garbage')).toBe(true);
  });

  it('has help text for every shortcut, key and group in every language', () => {
    for (const language of readdirSync('locales')) {
      const help = (
        JSON.parse(readFileSync(`locales/${language}/common.json`, 'utf8')) as {
          a11y: { help: Record<string, Record<string, unknown>> };
        }
      ).a11y.help;
      for (const shortcut of SHORTCUTS) {
        expect(help.action?.[shortcut.action], `${language}: ${shortcut.action}`).toBeTruthy();
        expect(help.scope?.[shortcut.scope], `${language}: ${shortcut.scope}`).toBeTruthy();
      }
      for (const key of NATIVE_KEYS) expect(help.native?.[key], `${language}: ${key}`).toBeTruthy();
    }
  });
});
