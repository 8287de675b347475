/**
 * Adds the Content-Security-Policy to the built index.html. Only in builds: the dev
 * server injects inline styles and scripts for hot reload, which this policy forbids.
 *
 * Everything comes from the game's own origin: no inline script, no eval, no foreign
 * hosts, except that data may be fetched over https (trainers' custom level packs). data:/blob: images and media are Phaser's built-in textures and Howler's
 * unlock sound. Level text is never parsed as HTML, so even a hostile level file has
 * no way to run script; this policy is the second wall.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self'",
  // https: lets a trainer load their own level pack from a URL (a workshop link can
  // name one); what is fetched is only ever parsed as JSON and shown as text.
  "connect-src 'self' https:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'flag-the-feed-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          '<meta charset="UTF-8" />',
          `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
        ),
    },
  };
}
