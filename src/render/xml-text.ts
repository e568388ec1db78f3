// Text as a slide can hold it. XML 1.0 allows no control character but tab, line feed and
// carriage return, no U+FFFE / U+FFFF and no half of a surrogate pair, and a deck whose XML
// holds one does not open in PowerPoint. Such characters come in with dirty exports (a product
// name with a stray \x01) or text pasted into the narrative; they show as nothing, so they are
// dropped.

// With the u flag a surrogate pair is one code point, so the surrogate range matches lone halves only.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const NOT_XML_TEST = new RegExp(NOT_XML.source, 'u');

/** `text` without the characters XML cannot hold. */
export function xmlText(text: string): string {
  return NOT_XML_TEST.test(text) ? text.replace(NOT_XML, '') : text;
}

/** A copy of a plain-data value (the deck model) with every string made `xmlText`. */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return xmlText(value) as T;
  if (Array.isArray(value)) return value.map((v) => xmlSafe(v)) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = xmlSafe(v);
    return out as T;
  }
  return value;
}
