/**
 * HTML left in cells by converted documents: tags and character references.
 */

/** Tags that end a line or block: they become a space so words do not run together. */
const BREAKING = /^(br|p|div|li|tr|td|th|h[1-6]|ul|ol|table)$/i;
/** Only real HTML tag names are stripped: a placeholder like "<Ten don vi>" is text. */
const KNOWN = new Set(('p br b i u s em strong span div font a ul ol li table tbody thead tfoot tr td th ' +
  'h1 h2 h3 h4 h5 h6 sup sub small big center hr img del ins mark o:p').split(' '));
const TAG = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9:]*)(?:\s[^<>]*)?\/?>/g;

/** Remove HTML tags; <br>, </p> and other block tags become a space. "a < b" is left alone. */
export function stripTags(s: string): string {
  if (!s.includes('<')) return s;
  return s.replace(TAG, (m, name: string | undefined) => {
    if (name === undefined) return ''; // comment
    if (!KNOWN.has(name.toLowerCase())) return m;
    return BREAKING.test(name) ? ' ' : '';
  });
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', deg: '°',
};

function fromCodePoint(cp: number, raw: string): string {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : raw;
}

/** Decode &amp; &lt; &gt; &quot; &#39; &nbsp; (and a few more named ones), &#NNN; and &#xHH;. Unknown ones stay. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (raw, body: string) => {
    if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? raw;
    const hex = body[1] === 'x' || body[1] === 'X';
    return fromCodePoint(parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10), raw);
  });
}
