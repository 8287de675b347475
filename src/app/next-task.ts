/**
 * Ends the current task and resolves in a new one; between the two the browser can
 * handle input and draw. A long startup cut in two blocks the page for less:
 * Lighthouse's total blocking time counts each task's time beyond 50 ms.
 */
export function nextTask(): Promise<void> {
  // scheduler.yield() (Chromium) resumes ahead of other queued tasks; elsewhere a timeout.
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
