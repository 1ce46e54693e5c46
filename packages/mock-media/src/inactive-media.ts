/** Splits an SDP into its session part and one string per m-section, lines kept. */
function sections(sdp: string): string[][] {
  const result: string[][] = [[]];
  for (const line of sdp.split(/\r?\n/)) {
    if (line.startsWith('m=')) result.push([]);
    result.at(-1)?.push(line);
  }
  return result;
}

function portOf(mLine: string | undefined): string | undefined {
  return mLine?.split(' ')[1];
}

/**
 * werift 0.24 answers an `inactive` m-line with port 0, which in SDP means "rejected"
 * (RFC 3264 §6), so Chromium stops that transceiver. `@pexip/infinity` offers its presentation
 * transceiver `inactive` and turns it on later by renegotiating: on a stopped transceiver that
 * fails ("The transceiver is stopped"). So every m-line the offer did not reject gets werift's
 * discard port 9 back; an inactive m-line stays inactive, it is just not rejected.
 */
export function keepInactiveMediaOpen(answerSdp: string, offerSdp: string): string {
  const offered = sections(offerSdp);
  return sections(answerSdp)
    .map((lines, index) => {
      const [mLine] = lines;
      if (index === 0 || portOf(mLine) !== '0' || mLine === undefined) return lines;
      if (portOf(offered[index]?.[0]) === '0') return lines; // the browser rejected it itself
      return [mLine.replace(/^(m=\S+) 0 /, '$1 9 '), ...lines.slice(1)];
    })
    .flat()
    .join('\r\n');
}
