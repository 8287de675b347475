/**
 * The Phaser floor for `npm run bench`: Phaser 4 with the game's renderer settings (its
 * choice of renderer included) and one scene that draws a text. Its "Play" button tells
 * the bench the page is ready, the same signal the game's title gives, so the two times
 * compare like for like.
 */
import Phaser from 'phaser';
import { rendererFor } from '../../src/ui/software-rendering';

class FloorScene extends Phaser.Scene {
  create(): void {
    this.add
      .text(this.scale.width / 2, this.scale.height / 3, 'Flag the Feed', {
        fontFamily: 'system-ui, sans-serif',
        fontSize: '64px',
        fontStyle: 'bold',
        color: '#ffd43b',
      })
      .setOrigin(0.5);
    const play = document.createElement('button');
    play.type = 'button';
    play.textContent = 'Play';
    document.body.append(play);
  }
}

new Phaser.Game({
  // The game's choice: its canvas renderer where WebGL would run on the CPU.
  type: rendererFor(new URLSearchParams(location.search).get('renderer')),
  parent: 'game',
  backgroundColor: '#14161f',
  antialiasGL: false,
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  audio: { noAudio: true },
  input: { keyboard: false, mouse: false, touch: false, gamepad: false },
  banner: false,
  scene: [FloorScene],
});
