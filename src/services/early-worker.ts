/**
 * The hand-over between the built page's head script, which starts the level worker
 * for ?level= before the bundle runs (scripts/vite-early-worker.ts), and the game,
 * which takes that worker (services/campaign.ts).
 */

/** The global the head script leaves the worker in; null once the game has taken it. */
export const EARLY_WORKER_GLOBAL = 'flagTheFeedLevelWorker';

/** What the head script leaves there. */
export interface EarlyWorker {
  worker: Worker;
  /** The request in the worker's name. */
  request: string;
  /** The answers that came before the game took the worker; it keeps no more. */
  take(): unknown[];
}
