/**
 * What a scanned QR code holds: a student's result QR code is a link to the class
 * dashboard ending in `#add=<result code>`; a code copied into a QR code by hand is the
 * bare `r1.` code. Either way the dashboard checks the code itself, so anything else
 * (another site's link, a Wi-Fi code) is passed on as it is and refused there.
 */

/** A student's result QR code opens the class dashboard with `#add=<result code>`. */
export const ADD_RESULT_HASH = '#add=';

export function resultCodeInScan(text: string): string {
  const start = text.indexOf(ADD_RESULT_HASH);
  if (start < 0) return text.trim();
  const code = text.slice(start + ADD_RESULT_HASH.length).trim();
  try {
    // Codes are base64url, so only a link that went through an encoder has escapes.
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}
