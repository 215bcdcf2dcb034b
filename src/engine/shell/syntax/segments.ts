// Expanded text before quote removal is final: pieces that remember whether they were
// quoted. Field splitting and pattern matching (`${X#pat}`) depend on that, as in bash's
// subst.c (word_split on IFS whitespace) and pathexp.c (quoted characters match literally).

/**
 * - 'quoted': from quotes, backslashes, tildes or expansions inside double quotes; never
 *   split, matches itself in patterns.
 * - 'literal': unquoted text as written; never split, but `*`, `?`, `[` are pattern characters.
 * - 'expanded': result of an unquoted expansion; split on blanks and newlines, and pattern-active.
 */
export type SegmentKind = 'quoted' | 'literal' | 'expanded';

export interface Segment {
  text: string;
  kind: SegmentKind;
}

export function joinText(segments: readonly Segment[]): string {
  let text = '';
  for (const s of segments) text += s.text;
  return text;
}

const IFS_WHITESPACE = /[ \t\n]+/;

/**
 * Splits into fields on unquoted IFS whitespace (the default IFS). A word with nothing but an
 * empty unquoted expansion yields no field; any quoted part, even `""`, yields one.
 */
export function splitFields(segments: readonly Segment[]): string[] {
  const fields: string[] = [];
  let current = '';
  let started = false;
  for (const s of segments) {
    if (s.kind !== 'expanded') {
      current += s.text;
      started ||= s.kind === 'quoted' || s.text !== '';
      continue;
    }
    const pieces = s.text.split(IFS_WHITESPACE);
    pieces.forEach((piece, i) => {
      if (i > 0 && started) {
        fields.push(current);
        current = '';
        started = false;
      }
      if (piece !== '') {
        current += piece;
        started = true;
      }
    });
  }
  if (started) fields.push(current);
  return fields;
}

/** Removes trailing newlines, as command substitution does. */
export function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end === text.length ? text : text.slice(0, end);
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

const CHAR_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~',
};

/** A glob bracket expression at `open` → a JS character class, or null if it never closes. */
function bracket(text: string, open: number): { source: string; end: number } | null {
  let i = open + 1;
  const negated = text[i] === '!' || text[i] === '^';
  if (negated) i++;
  let body = '';
  for (let first = true; i < text.length; i++, first = false) {
    const c = text[i] as string;
    if (c === ']' && !first) return { source: `[${negated ? '^' : ''}${body}]`, end: i };
    const named = c === '[' && text[i + 1] === ':' ? /^\[:([a-z]+):\]/.exec(text.slice(i, i + 12)) : null;
    if (named && CHAR_CLASSES[named[1] as string] !== undefined) {
      body += CHAR_CLASSES[named[1] as string];
      i += named[0].length - 1;
    } else {
      body += c === '-' && !first && text[i + 1] !== ']' ? '-' : escapeRegExp(c);
    }
  }
  return null;
}

/** A glob pattern (`*`, `?`, `[...]`) → regex source; quoted segments match literally. */
export function patternSource(segments: readonly Segment[], lazy: boolean): string {
  let src = '';
  for (const s of segments) {
    if (s.kind === 'quoted') {
      src += escapeRegExp(s.text);
      continue;
    }
    const t = s.text;
    for (let i = 0; i < t.length; i++) {
      const c = t[i] as string;
      const cls = c === '[' ? bracket(t, i) : null;
      if (c === '*') src += lazy ? '[\\s\\S]*?' : '[\\s\\S]*';
      else if (c === '?') src += '[\\s\\S]';
      else if (cls !== null) {
        src += cls.source;
        i = cls.end;
      } else if (c === '\\' && i + 1 < t.length) src += escapeRegExp(t[++i] as string);
      else src += escapeRegExp(c);
    }
  }
  return src;
}
