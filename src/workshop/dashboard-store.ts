/**
 * The dashboard's results stay in this browser until cleared, so a closed tab loses
 * none of them: saved as result codes under one key; an unreadable save is kept aside.
 */
import { encodeResult, type WorkshopResult } from '../core/workshop/result';
import { parseDashboard, serializeDashboard } from '../core/workshop/saved-dashboard';
import type { KeyValueStore } from '../services/storage';

export const DASHBOARD_KEY = 'flag-the-feed:dashboard';
const UNREADABLE_DASHBOARD_KEY = 'flag-the-feed:dashboard:unreadable';

/** Saves every result; false when storage refused it. */
export function saveDashboard(store: KeyValueStore, results: readonly WorkshopResult[]): boolean {
  return store.set(DASHBOARD_KEY, serializeDashboard(results.map(encodeResult)));
}

export function clearDashboard(store: KeyValueStore): void {
  store.remove(DASHBOARD_KEY);
}

/** The saved result codes; an unreadable save is kept aside and its reason returned. */
export function loadDashboard(store: KeyValueStore): { codes: string[]; unreadable?: string } {
  const saved = parseDashboard(store.get(DASHBOARD_KEY));
  if (saved.status !== 'unreadable') return { codes: saved.codes };
  store.set(UNREADABLE_DASHBOARD_KEY, store.get(DASHBOARD_KEY) ?? '');
  return { codes: saved.codes, unreadable: saved.reason };
}
