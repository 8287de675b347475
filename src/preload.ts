/**
 * Evaluated first (main.ts imports it before anything else): with ?level=, the levels
 * start loading in a worker before the bundle evaluates Phaser, not after it. The
 * title needs no levels and does not wait.
 */
import { preloadCampaign } from './services/campaign';

preloadCampaign(location.search);
