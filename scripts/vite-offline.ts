/**
 * Offline play and installation (vite-plugin-pwa, which supports Vite 8): a web
 * manifest, and a service worker generated at build time that precaches the game so
 * the whole campaign works with the network off after one visit. The page side is
 * src/services/offline.ts.
 *
 * Precached: index.html, every JS chunk (the other languages are chunks too), CSS,
 * the level files, levels/index.json and the taxonomy (emitted by the levels plugin),
 * the WebM sounds, the icons and the picture art (a JSON file per prop, the emoji
 * font a woff2). The MP3 sounds are only for browsers without WebM (Safari): they are
 * cached when first played instead of downloaded by everyone.
 * Level files have no hash in their names; the precache list revisions them by
 * content, so a changed level reaches players with the next version.
 */
import { VitePWA } from 'vite-plugin-pwa';

const BACKGROUND = '#14161f';

export function offlinePlay() {
  return VitePWA({
    // A new version waits until the player accepts it (see offline.ts).
    registerType: 'prompt',
    injectRegister: false,
    strategies: 'generateSW',
    devOptions: { enabled: false },
    // The icons are in the precache list already (globPatterns).
    includeManifestIcons: false,
    manifest: {
      name: 'Flag the Feed',
      short_name: 'Flag the Feed',
      description:
        'A game that trains you to spot propaganda tactics and recruitment lures in social media feeds.',
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: BACKGROUND,
      theme_color: BACKGROUND,
      categories: ['education', 'games'],
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        {
          src: 'icons/icon-maskable-512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,json,webm,svg,png,woff2}'],
      // The main chunk is mostly Phaser (about 1.5 MB before gzip).
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      // Any URL of the game (?level=, ?lang=, ?seed=) opens offline.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // The first worker takes charge at once, so the first visit's later requests
      // (a language, the sounds) are cached too. Updates still wait (registerType).
      clientsClaim: true,
      runtimeCaching: [
        {
          urlPattern: /\.mp3$/,
          handler: 'CacheFirst',
          options: { cacheName: 'flag-the-feed-mp3', expiration: { maxEntries: 8 } },
        },
      ],
    },
  });
}
