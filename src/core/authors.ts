/** Who wrote a post, as the level's accounts tell it: the one place an author id is resolved. */
import type { Account, Level, LocalizedText } from './level/schema';

type Accounts = Pick<Level, 'accounts'>;

/** The account an author id names, if the level defines it. */
export function accountOf(level: Accounts | undefined, authorId: string): Account | undefined {
  return level?.accounts.find((account) => account.id === authorId);
}

/**
 * The author's name in the reader's language (`text` picks it), with the handle when
 * asked; the raw id when the level defines no such account, so a post is never nameless.
 */
export function authorName(
  level: Accounts | undefined,
  authorId: string,
  text: (value: LocalizedText) => string,
  { withHandle = false } = {},
): string {
  const account = accountOf(level, authorId);
  if (!account) return authorId;
  return withHandle ? `${text(account.name)} ${account.handle}` : text(account.name);
}
