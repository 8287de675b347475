/**
 * Evaluated before the game's other modules (main.ts imports it first): with ?level=,
 * the levels start loading in a worker before Phaser evaluates and boots, not after;
 * in a built page, the worker its head script started (scripts/vite-early-worker.ts).
 * The title needs no levels and does not wait.
 */
import { preloadCampaign } from './services/campaign';

preloadCampaign(location.search);
