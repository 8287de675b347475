/**
 * A trainer's own levels arrive as one JSON file or a pack: a zip or a folder of JSON
 * files. This turns the bytes into level files for the same validator as
 * `levels:check`, refusing what is too big or too many before inflating or parsing it.
 * Nothing here renders or runs what it reads: level text only ever reaches textContent.
 */
import { unzipSync } from 'fflate';
import type { LevelFile } from '../level/catalog';

export const PACK_LIMITS = {
  /** Per JSON file (the level validator has its own, lower, limits inside). */
  maxFileBytes: 1024 * 1024,
  maxFiles: 50,
  maxPackBytes: 10 * 1024 * 1024,
};

/** Why a pack or one of its entries was refused, as a key of the workshop namespace. */
export type PackProblem =
  | { file: string; reason: 'too-big'; limit: number }
  | { file: string; reason: 'too-many'; limit: number }
  | { file: string; reason: 'not-a-zip' }
  | { file: string; reason: 'no-levels' };

export interface Unpacked {
  files: LevelFile[];
  problems: PackProblem[];
}

const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 &&
  bytes[0] === 0x50 &&
  bytes[1] === 0x4b &&
  bytes[2] === 0x03 &&
  bytes[3] === 0x04;

/** Level files from one file's bytes: a zip pack, or a single JSON level. */
export function unpackLevels(name: string, bytes: Uint8Array): Unpacked {
  if (bytes.length > PACK_LIMITS.maxPackBytes)
    return {
      files: [],
      problems: [{ file: name, reason: 'too-big', limit: PACK_LIMITS.maxPackBytes }],
    };
  if (!isZip(bytes)) return fromFiles([{ name, bytes }]);
  const problems: PackProblem[] = [];
  let entries: Record<string, Uint8Array>;
  let count = 0;
  let total = 0;
  try {
    entries = unzipSync(bytes, {
      // Decides from the zip's directory, before anything is inflated.
      filter: (entry) => {
        const wanted = entry.name.toLowerCase().endsWith('.json') && !entry.name.endsWith('/');
        if (!wanted || /(^|\/)(level\.schema|taxonomy|index)\.json$/.test(entry.name)) return false;
        const file = `${name}/${entry.name}`;
        if (entry.originalSize > PACK_LIMITS.maxFileBytes) {
          problems.push({ file, reason: 'too-big', limit: PACK_LIMITS.maxFileBytes });
          return false;
        }
        count++;
        total += entry.originalSize;
        if (count > PACK_LIMITS.maxFiles) {
          if (count === PACK_LIMITS.maxFiles + 1)
            problems.push({ file: name, reason: 'too-many', limit: PACK_LIMITS.maxFiles });
          return false;
        }
        if (total > PACK_LIMITS.maxPackBytes) {
          problems.push({ file, reason: 'too-big', limit: PACK_LIMITS.maxPackBytes });
          return false;
        }
        return true;
      },
    });
  } catch {
    return { files: [], problems: [{ file: name, reason: 'not-a-zip' }] };
  }
  const unpacked = fromFiles(
    Object.entries(entries).map(([entry, data]) => ({ name: `${name}/${entry}`, bytes: data })),
    name,
  );
  return { files: unpacked.files, problems: [...problems, ...unpacked.problems] };
}

/** Level files from a folder's (or a file picker's) files, with the same limits. */
export function fromFiles(
  list: readonly { name: string; bytes: Uint8Array }[],
  packName = list[0]?.name ?? '',
): Unpacked {
  const problems: PackProblem[] = [];
  const files: LevelFile[] = [];
  let total = 0;
  for (const { name, bytes } of list) {
    if (bytes.length > PACK_LIMITS.maxFileBytes) {
      problems.push({ file: name, reason: 'too-big', limit: PACK_LIMITS.maxFileBytes });
      continue;
    }
    total += bytes.length;
    if (files.length >= PACK_LIMITS.maxFiles || total > PACK_LIMITS.maxPackBytes) {
      problems.push({ file: name, reason: 'too-many', limit: PACK_LIMITS.maxFiles });
      break;
    }
    files.push({ name, source: bytes });
  }
  files.sort((a, b) => a.name.localeCompare(b.name));
  if (files.length === 0 && problems.length === 0)
    problems.push({ file: packName, reason: 'no-levels' });
  return { files, problems };
}
