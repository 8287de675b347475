/**
 * The time in a phone's status line: hours and minutes, no AM or PM, as phones show
 * it; 12-hour in English, 24-hour in the game's other languages. Made by hand rather
 * than with Intl.DateTimeFormat: making the first formatter loads the locale's date
 * data, about as long as drawing the whole status line, while the feed opens.
 */
export function statusClock(time: Date, language: string): string {
  const minutes = String(time.getMinutes()).padStart(2, '0');
  const hours = time.getHours();
  if (language.split('-')[0] === 'en') return `${hours % 12 || 12}:${minutes}`;
  return `${String(hours).padStart(2, '0')}:${minutes}`;
}
