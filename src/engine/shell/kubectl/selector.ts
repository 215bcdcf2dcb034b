// Label and field selectors as kube-apiserver parses them for `-l` and `--field-selector`:
// a port of k8s.io/apimachinery/pkg/labels/selector.go (lexer, parser, Requirement.Matches,
// with its exact error texts) and of pkg/fields/selector.go (`a=b,c!=d`).

import { dns1123SubdomainErrors, labelValueErrors } from '../../api/validation/names.ts';

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  /** sorted, as sets.String.List() returns them */
  readonly values: readonly string[];
}

/** A parsed label selector: every requirement must match (an empty one matches everything). */
export type LabelSelector = readonly Requirement[];

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

type Token = 'error' | 'end' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

const KEYWORDS: ReadonlyMap<string, Token> = new Map<string, Token>([
  [')', ')'],
  [',', ','],
  ['!', '!'],
  ['==', '=='],
  ['=', '='],
  ['>', '>'],
  ['in', 'in'],
  ['<', '<'],
  ['!=', '!='],
  ['notin', 'notin'],
  ['(', '('],
]);

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string): boolean => '=!(),><'.includes(c);

interface Item {
  readonly tok: Token;
  readonly lit: string;
}

/** The lexer: identifiers end at whitespace or a special symbol; symbols take the longest match. */
function scan(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isSpace(s[pos]!)) pos++;
    if (pos >= s.length) {
      items.push({ tok: 'end', lit: '' });
      return items;
    }
    if (isSpecial(s[pos]!)) {
      let buffer = '';
      let last: Item | undefined;
      while (pos < s.length && isSpecial(s[pos]!)) {
        const next = buffer + s[pos]!;
        const tok = KEYWORDS.get(next);
        if (tok) last = { tok, lit: next };
        else if (last) break;
        buffer = next;
        pos++;
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` });
      continue;
    }
    let id = '';
    while (pos < s.length && !isSpecial(s[pos]!) && !isSpace(s[pos]!)) id += s[pos++]!;
    items.push({ tok: KEYWORDS.get(id) ?? 'id', lit: id });
  }
}

/** validation.IsQualifiedName: label keys (`app`, `example.com/tier`). */
export function qualifiedNameErrors(key: string): string[] {
  const REGEX = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  const parts = key.split('/');
  const errs: string[] = [];
  let name = key;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix === '') errs.push('prefix part must be non-empty');
    else errs.push(...dns1123SubdomainErrors(prefix).map((e) => `prefix part ${e}`));
  } else if (parts.length > 2) {
    return [`a qualified name ${REGEX} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name === '') errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!/^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(name)) errs.push(`name part ${REGEX}`);
  return errs;
}

/** field.Invalid(...).Error(): `<path>: Invalid value: "<v>": <detail>`. */
const invalidValue = (path: string, value: string, detail: string): string => `${path}: Invalid value: ${JSON.stringify(value)}: ${detail}`;

/** utilerrors.NewAggregate(...).Error(): one message alone, several in brackets (deduplicated). */
function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}

class Parser {
  readonly #items: Item[];
  #pos = 0;

  constructor(text: string) {
    this.#items = scan(text);
  }

  /** In a Values context `in` and `notin` are plain identifiers (`x in (in)`). */
  #look(values: boolean): Item {
    const it = this.#items[this.#pos]!;
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it;
  }

  #take(values: boolean): Item {
    const it = this.#look(values);
    this.#pos++;
    return it;
  }

  parse(): ParseResult<Requirement[]> {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.#look(true);
      if (tok === 'end') return { ok: true, value: reqs };
      if (tok !== 'id' && tok !== '!') return { ok: false, error: `found '${lit}', expected: !, identifier, or 'end of string'` };
      const r = this.#requirement();
      if (typeof r === 'string') return { ok: false, error: `unable to parse requirement: ${r}` };
      reqs.push(r);
      const next = this.#take(true);
      if (next.tok === 'end') return { ok: true, value: reqs };
      if (next.tok !== ',') return { ok: false, error: `found '${next.lit}', expected: ',' or 'end of string'` };
      const after = this.#look(true);
      if (after.tok !== 'id' && after.tok !== '!') return { ok: false, error: `found '${after.lit}', expected: identifier after ','` };
    }
  }

  #requirement(): Requirement | string {
    let op: Operator | undefined;
    let it = this.#take(true);
    if (it.tok === '!') {
      op = '!';
      it = this.#take(true);
    }
    if (it.tok !== 'id') return `found '${it.lit}', expected: identifier`;
    const key = it.lit;
    // The parser validates the key with a nil field path, which prints as "<nil>".
    const keyErrs = qualifiedNameErrors(key);
    if (keyErrs.length) return invalidValue('<nil>', key, keyErrs.join('; '));
    const ahead = this.#look(true).tok;
    // `!key` is complete on its own; whatever follows is the caller's to reject.
    if (op === '!' || ahead === 'end' || ahead === ',') return { key, operator: op ?? 'exists', values: [] };
    const opItem = this.#take(false);
    const operator = OPERATORS.get(opItem.tok);
    if (!operator) return `found '${opItem.lit}', expected: ${BINARY_OPERATORS}`;
    const values = operator === 'in' || operator === 'notin' ? this.#setValues() : this.#exactValue();
    if (typeof values === 'string') return values;
    return newRequirement(key, operator, values);
  }

  #setValues(): string[] | string {
    const open = this.#take(true);
    if (open.tok !== '(') return `found '${open.lit}' expected: '('`;
    const { tok, lit } = this.#look(true);
    if (tok === ')') {
      this.#take(true);
      return [''];
    }
    if (tok !== 'id' && tok !== ',') return `found '${lit}', expected: ',', ')' or identifier`;
    const set = new Set<string>();
    for (;;) {
      const cur = this.#take(true);
      if (cur.tok === 'id') {
        set.add(cur.lit);
        const next = this.#look(true);
        if (next.tok === ',') continue;
        if (next.tok === ')') break;
        return `found '${next.lit}', expected: ',' or ')'`;
      }
      if (cur.tok !== ',') return `found '${cur.lit}', expected: ',', or identifier`;
      // Empty values between commas (`(,a)`, `(a,,b)`, `(a,)`) are the empty string.
      if (set.size === 0) set.add('');
      const next = this.#look(true).tok;
      if (next === ')') {
        set.add('');
        break;
      }
      if (next === ',') set.add('');
    }
    if (this.#take(true).tok !== ')') return `found '${lit}', expected: ')'`;
    return [...set].sort();
  }

  #exactValue(): string[] | string {
    const ahead = this.#look(true).tok;
    if (ahead === 'end' || ahead === ',') return [''];
    const it = this.#take(true);
    return it.tok === 'id' ? [it.lit] : `found '${it.lit}', expected: identifier`;
  }
}

const OPERATORS: ReadonlyMap<Token, Operator> = new Map<Token, Operator>([
  ['in', 'in'],
  ['=', '='],
  ['==', '=='],
  ['>', 'gt'],
  ['<', 'lt'],
  ['notin', 'notin'],
  ['!=', '!='],
]);

/** labels.NewRequirement's checks on the values (the key was checked while parsing). */
function newRequirement(key: string, operator: Operator, values: string[]): Requirement | string {
  const errs: string[] = [];
  if ((operator === 'gt' || operator === 'lt') && values.length === 1 && !/^[-+]?\d+$/.test(values[0]!)) {
    errs.push(invalidValue('values[0]', values[0]!, "for 'Gt', 'Lt' operators, the value must be an integer"));
  }
  values.forEach((v, i) => {
    const e = labelValueErrors(v);
    if (e.length) errs.push(invalidValue(`values[${i}][${key}]`, v, e.join('; ')));
  });
  return errs.length ? aggregate(errs) : { key, operator, values };
}

/** labels.Parse: requirements sorted by key; the error text is what the API server answers. */
export function parseSelector(text: string): ParseResult<LabelSelector> {
  const r = new Parser(text).parse();
  if (!r.ok) return r;
  return { ok: true, value: [...r.value].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) };
}

function requirementMatches(r: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? labels[r.key]! : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return v !== undefined && r.values.includes(v);
    case 'notin':
    case '!=':
      return v === undefined || !r.values.includes(v);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (v === undefined || !/^[-+]?\d+$/.test(v) || r.values.length !== 1) return false;
      const n = Number(v);
      const bound = Number(r.values[0]);
      return r.operator === 'gt' ? n > bound : n < bound;
    }
  }
}

/**
 * Whether `labels` satisfy `selector` (parsed, or text that is parsed first; text that does
 * not parse matches nothing).
 */
export function matchesSelector(labels: Readonly<Record<string, string>> | null | undefined, selector: LabelSelector | string): boolean {
  let sel: LabelSelector;
  if (typeof selector === 'string') {
    const parsed = parseSelector(selector);
    if (!parsed.ok) return false;
    sel = parsed.value;
  } else sel = selector;
  const l = labels ?? {};
  return sel.every((r) => requirementMatches(r, l));
}

/** Selector.String(): `app=web,tier in (a,b),!legacy`. */
export function selectorString(selector: LabelSelector): string {
  const text = (r: Requirement): string => {
    const vals = r.values.join(',');
    switch (r.operator) {
      case 'exists':
        return r.key;
      case '!':
        return `!${r.key}`;
      case 'in':
      case 'notin':
        return `${r.key} ${r.operator} (${vals})`;
      case 'gt':
        return `${r.key}>${vals}`;
      case 'lt':
        return `${r.key}<${vals}`;
      default:
        return `${r.key}${r.operator}${vals}`;
    }
  };
  return selector.map(text).join(',');
}

export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '==' | '!=';
  readonly value: string;
}

/** fields.ParseSelector: `metadata.name=x,status.phase!=Running` (`\,` `\=` `\\` escapes). */
export function parseFieldSelector(text: string): ParseResult<FieldRequirement[]> {
  const terms: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      cur += c + text[++i]!;
    } else if (c === ',') {
      terms.push(cur);
      cur = '';
    } else cur += c;
  }
  terms.push(cur);
  const reqs: FieldRequirement[] = [];
  for (const term of [...terms].sort()) {
    if (term === '') continue;
    const m = /^((?:[^\\!=]|\\.)*?)(!=|==|=)(.*)$/.exec(term);
    if (!m) return { ok: false, error: `invalid selector: '${text}'; can't understand '${term}'` };
    const value = m[3]!.replace(/\\(.)/g, '$1');
    reqs.push({ field: m[1]!, operator: m[2] as FieldRequirement['operator'], value });
  }
  return { ok: true, value: reqs };
}

/** Whether `fields(field)` satisfies every field requirement. */
export function matchesFieldSelector(fields: (field: string) => string, selector: readonly FieldRequirement[]): boolean {
  return selector.every((r) => (r.operator === '!=' ? fields(r.field) !== r.value : fields(r.field) === r.value));
}
