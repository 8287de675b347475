// The audio files, as Vite URLs (hashed in the build). The only place with Vite-specific
// `?url` imports; createHowlerAudio uses these by default and accepts any others.
// The files are made by scripts/generate-audio.sh.
import musicMp3 from '../../assets/audio/music.mp3?url';
import musicWebm from '../../assets/audio/music.webm?url';
import sfxSprite from '../../assets/audio/sfx.json';
import sfxMp3 from '../../assets/audio/sfx.mp3?url';
import sfxWebm from '../../assets/audio/sfx.webm?url';
import type { AudioAssets } from './audio';

/** WebM/Opus first (smaller), MP3 for browsers without it (Safari). */
export const AUDIO_ASSETS: AudioAssets = {
  effects: { src: [sfxWebm, sfxMp3], format: ['webm', 'mp3'], sprite: sfxSprite },
  music: { src: [musicWebm, musicMp3], format: ['webm', 'mp3'] },
};
