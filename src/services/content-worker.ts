/**
 * The level worker: on a Chromebook's second core it downloads and checks the levels
 * while the main thread boots Phaser. The protocol is answerLoadRequests
 * (content-validation.ts); the page's side is campaign.ts. Answers are plain data,
 * which structured cloning copies as it is.
 */
import { answerLoadRequests, type PageMessage, type WorkerAnswer } from './content-validation';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PageMessage>) => void) | null;
  postMessage(message: WorkerAnswer): void;
};

const handle = answerLoadRequests((answer) => scope.postMessage(answer));
scope.onmessage = (event) => handle(event.data);
