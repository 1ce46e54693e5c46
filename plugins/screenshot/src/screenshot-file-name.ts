/**
 * `<conference>-<YYYYMMDD-HHMMSS>.png`, in the user's local time (what they see on their clock).
 * The conference name is reduced to characters every file system accepts.
 */
export function screenshotFileName(conference: string, at: Date): string {
  // Letters of any script stay (Müller café → Müller-café); what a file system may refuse goes.
  const safe =
    conference.replace(/[^\p{L}\p{N}_.-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '') || 'conference';
  // The local time written as if it were UTC, so toISOString gives its digits: without the
  // separators and the milliseconds, 2026-11-05T09:07:03.000Z becomes 20261105-090703.
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString();
  return `${safe}-${local.replace(/[-:]|\..*/g, '').replace('T', '-')}.png`;
}
