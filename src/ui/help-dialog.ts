/**
 * Keys and help: every shortcut from keyboard.ts's one table, grouped by where it
 * works, with the browser's own keys (Tab, Enter, Space, Escape) first. Opened with
 * "?", from the title and from the feed's header; focus goes back where it was.
 * Loaded on first use through help-panel.ts: the title does not need it.
 */
import type { AccessibleLayer } from '../a11y/layer';
import type { Translator } from '../services/i18n';
import { button, el, isDialogOpen, openPanel } from './dialog';
import { NATIVE_KEYS, SHORTCUTS, type Shortcut } from './keyboard';

export function openHelpDialog(layer: AccessibleLayer, translator: Translator): void {
  if (isDialogOpen('help')) return;
  const { t } = translator;
  const opener = document.activeElement as HTMLElement | null;
  const openerKey = opener?.dataset?.key;
  const close = () => {
    panel.close();
    // The opener may have been rebuilt (resize, language): find it again by its key.
    const again = openerKey
      ? layer.root.querySelector<HTMLElement>(`[data-key="${CSS.escape(openerKey)}"]`)
      : null;
    (again ?? (opener?.isConnected ? opener : null))?.focus();
  };
  const panel = openPanel(layer, t('a11y.help.title'), close, {
    keepOnRebuild: true,
    name: 'help',
  });
  panel.body.append(el('p', t('a11y.help.intro')));

  const table = (caption: string, rows: [string, string][]) => {
    const element = el('table', null, 'stats keys');
    element.append(el('caption', caption));
    for (const [keys, meaning] of rows) {
      const row = el('tr');
      const cell = el('th');
      cell.scope = 'row';
      cell.append(el('kbd', keys));
      row.append(cell, el('td', meaning));
      element.append(row);
    }
    return element;
  };
  panel.body.append(
    table(
      t('a11y.help.scope.everywhere'),
      NATIVE_KEYS.map((key) => [
        t(`a11y.help.native.${key}.keys`),
        t(`a11y.help.native.${key}.does`),
      ]),
    ),
  );
  for (const scope of ['anywhere', 'feed', 'post'] as const) {
    const rows = SHORTCUTS.filter((shortcut: Shortcut) => shortcut.scope === scope).map(
      (shortcut): [string, string] => [shortcut.label, t(`a11y.help.action.${shortcut.action}`)],
    );
    panel.body.append(table(t(`a11y.help.scope.${scope}`), rows));
  }
  const actions = el('div', null, 'row');
  const done = button(t('a11y.help.close'), close, 'primary');
  actions.append(done);
  panel.body.append(actions);
  panel.heading.focus();
}
