/**
 * A trainer's own levels from files, a folder or a URL: unpacked with limits
 * (core/workshop/pack.ts), validated by the same code and with the same messages as
 * `levels:check`, and added to the levels this page or this workshop can play. Level
 * text is only ever shown with textContent, and nothing fetched is executed.
 */
import { buildCatalog } from '../core/level/catalog';
import type { Level } from '../core/level/schema';
import {
  fromFiles,
  PACK_LIMITS,
  type PackProblem,
  type Unpacked,
  unpackLevels,
} from '../core/workshop/pack';
import { type Content, lureInfo } from '../services/content';
import { registerTactics, type Translator } from '../services/i18n';
import { formatProblem } from '../services/problems';
import { button, el } from '../ui/dialog';
import { field } from './share';

export interface CustomLevels {
  levels: Level[];
  /** One line per problem, `FILE: PATH: message (line, column)` as levels:check prints. */
  messages: string[];
}

/** Only https (or this site itself): a workshop link must not point students at plain http. */
export function packUrlProblem(text: string): 'bad-url' | null {
  try {
    const url = new URL(text, location.href);
    return url.protocol === 'https:' || url.origin === location.origin ? null : 'bad-url';
  } catch {
    return 'bad-url';
  }
}

/**
 * Files the trainer chose (JSON files, a zip, a folder's files) as level files;
 * oversized files are refused by their size, before they are read.
 */
export async function readLevelFiles(files: readonly File[]): Promise<Unpacked> {
  const tooBig = files.filter((file) => file.size > PACK_LIMITS.maxPackBytes);
  const list = await Promise.all(
    files
      .filter((file) => !tooBig.includes(file))
      .map(async (file) => ({
        name: file.webkitRelativePath || file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      })),
  );
  const unpacked =
    list.length === 1 && list[0] ? unpackLevels(list[0].name, list[0].bytes) : fromFiles(list);
  unpacked.problems.unshift(
    ...tooBig.map((file) => ({
      file: file.name,
      reason: 'too-big' as const,
      limit: PACK_LIMITS.maxPackBytes,
    })),
  );
  return unpacked;
}

/** Fetches at most the pack limit; a larger or failing download is a message, not a throw. */
export async function fetchPack(
  url: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  if (packUrlProblem(url)) return { ok: false, reason: 'bad-url' };
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', redirect: 'follow' });
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  if (!response.ok || !response.body) return { ok: false, reason: `HTTP ${response.status}` };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > PACK_LIMITS.maxPackBytes) {
      await reader.cancel();
      return { ok: false, reason: 'too-big' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes };
}

export function packMessage({ t }: Translator, problem: PackProblem): string {
  const limit = 'limit' in problem ? problem.limit : 0;
  return t(`workshop:custom.${problem.reason}`, {
    file: problem.file,
    limit,
    mib: Math.round(limit / (1024 * 1024)),
  });
}

/** Validates unpacked files against the game's taxonomy and levels, like levels:check. */
export function validateCustom(
  translator: Translator,
  content: Content,
  unpacked: Unpacked,
): CustomLevels {
  const messages = unpacked.problems.map((problem) => packMessage(translator, problem));
  const catalog = buildCatalog(unpacked.files, {
    builtInTactics: content.taxonomy.tactics.map((tactic) => tactic.id),
  });
  for (const failure of catalog.failures)
    for (const problem of failure.problems)
      messages.push(formatProblem(translator.t, failure.file, problem));
  const levels: Level[] = [];
  for (const { file, level } of catalog.levels) {
    if (content.levels.some((other) => other.id === level.id)) {
      messages.push(
        formatProblem(translator.t, file, {
          path: 'id',
          code: 'level.duplicate-level-id',
          params: { id: level.id, other: translator.t('workshop:custom.builtIn') },
        }),
      );
    } else levels.push(level);
  }
  return { levels, messages };
}

/** Makes the levels playable here: listed with the others, their own tactics translated. */
export function addLevels(translator: Translator, content: Content, levels: readonly Level[]) {
  for (const level of levels) {
    content.levels.push(level);
    registerTactics(translator, level.tactics, lureInfo(content.taxonomy));
  }
}

/** Why a pack could not be fetched, in words. */
function unreachableMessage(translator: Translator, url: string, reason: string): string {
  return translator.t('workshop:custom.unreachable', {
    url,
    reason:
      reason === 'too-big'
        ? packMessage(translator, { file: url, reason: 'too-big', limit: PACK_LIMITS.maxPackBytes })
        : reason === 'bad-url'
          ? translator.t('workshop:custom.bad-url')
          : reason,
  });
}

/** A pack fetched and unpacked, or why it could not be fetched, in words. */
export async function fetchLevels(translator: Translator, url: string): Promise<Unpacked | string> {
  const fetched = await fetchPack(url);
  if (!fetched.ok) return unreachableMessage(translator, url, fetched.reason);
  const name = new URL(url, location.href).pathname.split('/').pop() || url;
  return unpackLevels(name, fetched.bytes);
}

/** Fetches, unpacks and validates the packs a workshop link names. */
export async function loadPacks(
  translator: Translator,
  content: Content,
  urls: readonly string[],
): Promise<CustomLevels> {
  const all: CustomLevels = { levels: [], messages: [] };
  for (const url of urls) {
    const unpacked = await fetchLevels(translator, url);
    if (typeof unpacked === 'string') {
      all.messages.push(unpacked);
      continue;
    }
    const result = validateCustom(translator, content, unpacked);
    addLevels(translator, content, result.levels);
    all.levels.push(...result.levels);
    all.messages.push(...result.messages);
  }
  return all;
}

/**
 * The inputs a trainer's levels come from, on the facilitator page and in the editor:
 * files (JSON or zip), a folder, a URL.
 */
export function levelSourceInputs(
  { t }: Translator,
  readFiles: (files: File[]) => void,
  readUrl: (address: string) => void,
): HTMLElement[] {
  const files = el('input');
  files.type = 'file';
  files.multiple = true;
  files.accept = '.json,.zip,application/json,application/zip';
  files.addEventListener('change', () => readFiles([...(files.files ?? [])]));
  const folder = el('input');
  folder.type = 'file';
  folder.webkitdirectory = true;
  folder.addEventListener('change', () =>
    readFiles([...(folder.files ?? [])].filter((file) => file.name.endsWith('.json'))),
  );
  const url = el('input');
  url.type = 'url';
  url.placeholder = 'https://';
  const load = button(t('workshop:custom.load'), () => {
    const address = url.value.trim();
    if (address !== '') readUrl(address);
  });
  return [
    field(files, t('workshop:custom.files')).wrapper,
    field(folder, t('workshop:custom.folder')).wrapper,
    field(url, t('workshop:custom.url'), t('workshop:custom.urlHelp')).wrapper,
    load,
  ];
}
