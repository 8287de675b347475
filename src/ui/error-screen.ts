/**
 * The one error boundary's face: an unexpected error shows a friendly panel with a
 * way back to the menu and a report the player can copy for whoever runs the game.
 * Progress is saved as each level ends, so nothing saved is lost.
 */
import type { TFunction } from 'i18next';
import { button, el } from './dialog';

export interface ErrorReportContext {
  version: string;
  scenes: () => string[];
}

/** Plain text for a bug report: no player data, just what went wrong where. */
export function errorReport(error: unknown, context: ErrorReportContext): string {
  const err = error instanceof Error ? error : new Error(String(error));
  return [
    `Flag the Feed ${context.version}`,
    `time: ${new Date().toISOString()}`,
    `scenes: ${context.scenes().join(', ') || 'none'}`,
    `page: ${location.pathname}${location.search}`,
    `browser: ${navigator.userAgent}`,
    `error: ${err.name}: ${err.message}`,
    ...(err.stack ?? '').split('\n').slice(1, 12),
  ].join('\n');
}

export class ErrorScreen {
  private dialog: HTMLDialogElement | null = null;

  constructor(
    private readonly t: () => TFunction,
    private readonly context: ErrorReportContext,
    private readonly backToMenu: () => void,
  ) {}

  show(error: unknown): void {
    const t = this.t();
    const report = errorReport(error, this.context);
    // One screen at a time: a cascade of errors only updates the report.
    if (this.dialog?.open) {
      const area = this.dialog.querySelector('textarea');
      if (area) area.value = `${area.value}\n\n${report}`;
      return;
    }
    const dialog = el('dialog', null, 'panel');
    dialog.setAttribute('role', 'alertdialog');
    dialog.id = 'error-screen';
    const heading = el('h2', t('error.title'));
    heading.id = 'error-title';
    dialog.setAttribute('aria-labelledby', 'error-title');
    const reportLabel = el('label', t('error.reportLabel'));
    reportLabel.htmlFor = 'error-report';
    const area = el('textarea');
    area.id = 'error-report';
    area.readOnly = true;
    area.rows = 8;
    area.value = report;
    Object.assign(area.style, {
      width: '100%',
      fontFamily: 'ui-monospace, monospace',
      fontSize: '0.8rem',
    });
    const status = el('p', '', 'meta');
    status.setAttribute('role', 'status');
    const copy = button(t('error.copy'), () => {
      area.select();
      const done = () => {
        status.textContent = t('error.copied');
      };
      navigator.clipboard?.writeText(area.value).then(done, () => {
        status.textContent = t('error.copyManually');
      }) ?? done();
    });
    const menu = button(
      t('error.menu'),
      () => {
        dialog.close();
        dialog.remove();
        this.dialog = null;
        this.backToMenu();
      },
      'primary',
    );
    const actions = el('div', null, 'row');
    actions.append(menu, copy);
    dialog.append(heading, el('p', t('error.body')), reportLabel, area, actions, status);
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    document.body.append(dialog);
    dialog.showModal();
    menu.focus();
    this.dialog = dialog;
  }
}
