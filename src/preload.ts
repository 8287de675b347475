/**
 * Evaluated before the game's other modules (main.ts imports it first): with ?level=,
 * the levels start loading in a worker before the game starts and Phaser boots, not
 * after. Phaser's own module, a chunk the entry imports, has evaluated by then. The
 * title needs no levels and does not wait.
 */
import { preloadCampaign } from './services/campaign';

preloadCampaign(location.search);
