import { mulberry32, seedFromText } from '../core/random';

/** The same seed draws the same picture: backgrounds, faces and QR codes. */
export function seeded(seed: string): () => number {
  return mulberry32(seedFromText(seed));
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}
