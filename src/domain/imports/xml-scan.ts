// Just enough XML for the parts of a workbook an import reads (SpreadsheetML as Excel, LibreOffice
// and the like write it): elements by local name, their attributes and their inner text. No DTDs
// and no entities beyond the five predefined and numeric ones, so no entity expansion to abuse;
// every scan is linear in the part's size.

export interface XmlElement {
  attrs: Record<string, string>;
  /** The element's content as written; undefined for an empty element (<c r="A1"/>). */
  inner?: string;
}

/** Element names without their namespace prefix (<x:row> → <row>), as one linear pass. */
export function withoutPrefixes(xml: string): string {
  return xml.replace(/<(\/?)[A-Za-z_][\w.-]*:/g, '<$1');
}

const isBoundary = (ch: string | undefined) =>
  ch === undefined || ch === '>' || ch === '/' || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const a of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const value = decodeXml(a[2] ?? a[3] ?? '');
    attrs[a[1]!] = value;
    const local = a[1]!.split(':').pop()!;
    if (!(local in attrs)) attrs[local] = value;
  }
  return attrs;
}

/** Where `</name>` closes, from `from`; -1 if it never does. */
function closing(xml: string, name: string, from: number): number {
  const close = `</${name}`;
  for (let at = xml.indexOf(close, from); at !== -1; at = xml.indexOf(close, at + close.length)) {
    if (isBoundary(xml[at + close.length])) return at;
  }
  return -1;
}

/**
 * Every element named `name` in `xml` (prefixes removed first by withoutPrefixes), in order; an
 * element may not hold another of its own name. Scanned with indexOf, never by a backtracking
 * pattern, so a crafted part (thousands of unclosed tags) costs one pass, not one per tag.
 */
export function elements(xml: string, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const open = `<${name}`;
  let i = xml.indexOf(open);
  while (i !== -1) {
    if (!isBoundary(xml[i + open.length])) {
      i = xml.indexOf(open, i + open.length);
      continue;
    }
    const tagEnd = xml.indexOf('>', i);
    if (tagEnd === -1) break;
    const selfClosing = xml[tagEnd - 1] === '/';
    const attrs = parseAttrs(xml.slice(i + open.length, selfClosing ? tagEnd - 1 : tagEnd));
    if (selfClosing) {
      out.push({ attrs });
      i = xml.indexOf(open, tagEnd + 1);
      continue;
    }
    const end = closing(xml, name, tagEnd + 1);
    if (end === -1) break; // never closed: there is nothing more to read
    out.push({ attrs, inner: xml.slice(tagEnd + 1, end) });
    i = xml.indexOf(open, end);
  }
  return out;
}

/** `xml` without the elements named `name` (Excel's phonetic guide, <rPh>), in one pass. */
export function removeElements(xml: string, name: string): string {
  const open = `<${name}`;
  let out = '';
  let from = 0;
  for (let i = xml.indexOf(open); i !== -1; i = xml.indexOf(open, from)) {
    if (!isBoundary(xml[i + open.length])) {
      out += xml.slice(from, i + open.length);
      from = i + open.length;
      continue;
    }
    out += xml.slice(from, i);
    const tagEnd = xml.indexOf('>', i);
    if (tagEnd === -1) return out;
    if (xml[tagEnd - 1] === '/') {
      from = tagEnd + 1;
      continue;
    }
    const end = closing(xml, name, tagEnd + 1);
    const endTag = end === -1 ? -1 : xml.indexOf('>', end);
    if (endTag === -1) return out;
    from = endTag + 1;
  }
  return out + xml.slice(from);
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Entities, and Excel's own escapes of control characters in strings (_x000D_). */
export function decodeXml(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (_, e: string) => {
      if (e[0] !== '#') return NAMED[e]!;
      const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Text safe inside an element or a double-quoted attribute. */
export function encodeXml(text: string): string {
  // control characters other than tab and line breaks cannot be held by XML 1.0 at all
  const printable = [...text].filter((ch) => ch >= ' ' || ch === '\t' || ch === '\n' || ch === '\r').join('');
  return printable.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
