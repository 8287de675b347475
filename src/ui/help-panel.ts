/**
 * Opens Keys and help. The dialog's code (help-dialog.ts) is loaded on first use, so it
 * stays out of the bundle the title waits for.
 */
import type { AccessibleLayer } from '../a11y/layer';
import type { Translator } from '../services/i18n';

export function openHelp(layer: AccessibleLayer, translator: Translator): void {
  void import('./help-dialog').then(({ openHelpDialog }) => openHelpDialog(layer, translator));
}
