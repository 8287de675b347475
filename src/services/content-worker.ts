/**
 * Loads and validates the levels in a worker: on a Chromebook's second core this runs
 * while the main thread boots Phaser, instead of after it. One request (the page's
 * base URL), one answer (plain data, which structured cloning copies as it is).
 */
import { type LoadResult, loadAndValidate } from './content-validation';

export type WorkerAnswer = { ok: true; result: LoadResult } | { ok: false; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<string>) => void) | null;
  postMessage(message: WorkerAnswer): void;
};

scope.onmessage = (event) => {
  loadAndValidate(event.data).then(
    (result) => scope.postMessage({ ok: true, result }),
    (error: unknown) => scope.postMessage({ ok: false, message: (error as Error).message }),
  );
};
