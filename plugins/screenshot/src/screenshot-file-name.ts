const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * `<conference>-<YYYYMMDD-HHMMSS>.png`, in the user's local time (what they see on their clock).
 * The conference name is reduced to characters every file system accepts.
 */
export function screenshotFileName(conference: string, at: Date): string {
  const safe =
    conference
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '') // accents off: é → e
      .replace(/[^\w.-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '') || 'conference';
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${safe}-${date}-${time}.png`;
}
