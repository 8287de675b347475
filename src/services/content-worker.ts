/**
 * The level validator in a worker: on a Chromebook's second core it runs while the main
 * thread boots Phaser, instead of after it. One request, one answer (plain data, which
 * structured cloning copies back as it is).
 */
import { type ValidationRequest, validateContent } from './content-validation';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ValidationRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => scope.postMessage(validateContent(event.data));
