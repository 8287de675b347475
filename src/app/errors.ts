/**
 * Unexpected errors: until the error screen exists they reach the console only; then
 * the screen shows them with a report to copy and a way back to the title.
 */
let report = (error: unknown) => console.error('Flag the Feed: unexpected error', error);

export function reportUnexpectedError(error: unknown): void {
  report(error);
}

export function showUnexpectedErrorsWith(show: (error: unknown) => void): void {
  report = show;
}

export function listenForUnexpectedErrors(): void {
  window.addEventListener('error', (event) => {
    // The browser's own benign resize notice carries no error object.
    if (!event.error && /ResizeObserver/.test(event.message)) return;
    reportUnexpectedError(event.error ?? event.message);
  });
  window.addEventListener('unhandledrejection', (event) => reportUnexpectedError(event.reason));
}
