/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Offline play. A service worker, generated at build time by vite-plugin-pwa (see
 * vite.config.ts), precaches the game, its levels, languages and sounds, so after one
 * visit the whole campaign works with the network off.
 *
 * A new version installs in the background and waits. The title and the level list
 * offer it ("A new version is ready — reload"); a level being played is never reloaded
 * under the player, so the offer hides while one is open.
 */

import { registerSW } from 'virtual:pwa-register';
import type Phaser from 'phaser';
import type { AccessibleLayer } from '../a11y/layer';
import type { Translator } from './i18n';

/** Scenes a reload loses nothing in. */
const SAFE_SCENES = new Set(['title', 'levels']);

export interface OfflineOptions {
  game: Phaser.Game;
  translator: Translator;
  layer: AccessibleLayer;
  /** Registration waits for this (the levels), so precaching never slows the first load. */
  after: Promise<unknown>;
}

export function registerOffline({ game, translator, layer, after }: OfflineOptions): void {
  // Under `npm start` the plugin's registerSW does nothing (devOptions.enabled is false),
  // so no worker serves stale files during development.
  if (!('serviceWorker' in navigator)) return;
  let update: (() => Promise<void>) | null = null;
  let offer: HTMLElement | null = null;

  const sync = () => {
    if (!update) return;
    const active = game.scene.getScenes(true).map((scene) => scene.sys.settings.key);
    const safe = active.length > 0 && active.every((key) => SAFE_SCENES.has(key));
    if (!offer) {
      offer = document.createElement('div');
      offer.className = 'update-offer';
      offer.setAttribute('role', 'status');
      const reload = document.createElement('button');
      reload.type = 'button';
      reload.addEventListener('click', () => {
        reload.disabled = true;
        // The waiting worker takes over; the page reloads when it is in control.
        void update?.();
      });
      offer.append(reload);
      document.body.append(offer);
    }
    const reload = offer.querySelector('button') as HTMLButtonElement;
    reload.textContent = translator.t('update.ready');
    offer.hidden = !safe;
  };
  const watchScenes = () => {
    for (const scene of game.scene.scenes) scene.events.on('create', sync);
  };
  if (game.isBooted) watchScenes();
  else game.events.once('ready', watchScenes);
  translator.i18n.on('languageChanged', sync);

  const register = () => {
    const updateServiceWorker = registerSW({
      onNeedRefresh() {
        update = updateServiceWorker;
        sync();
      },
      onOfflineReady() {
        layer.announce(translator.t('update.offlineReady'));
      },
      onRegisterError(error: unknown) {
        // Offline play is a bonus: the game runs on without it.
        console.warn('Flag the Feed: offline play is not available', error);
      },
    });
  };
  after.then(register, register);
}
