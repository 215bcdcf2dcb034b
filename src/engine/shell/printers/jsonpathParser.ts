// The template language of `kubectl -o jsonpath=...`: a port of the parser in
// k8s.io/client-go/util/jsonpath/parser.go (text outside braces, fields, [i:j:k] slices,
// [*], [a,b] unions, ['key'], [?(@.x=="y")] filters, .. recursion, range/end, "quoted" text).

export type JsonPathNode =
  | { readonly kind: 'list'; readonly nodes: JsonPathNode[] }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'array'; readonly params: readonly SliceParam[] }
  | { readonly kind: 'filter'; readonly left: ListNode; readonly right: ListNode; readonly operator: string }
  | { readonly kind: 'int' | 'float'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'wildcard' | 'recursive' }
  | { readonly kind: 'union'; readonly lists: readonly ListNode[] }
  | { readonly kind: 'identifier'; readonly name: string };

export type ListNode = Extract<JsonPathNode, { kind: 'list' }>;

export interface SliceParam {
  readonly value: number;
  readonly known: boolean;
  readonly derived: boolean;
}

const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const DICT_KEY = /^'([^']*)'$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;

const isSpace = (c: string): boolean => c === ' ' || c === '\t';
const isEndOfLine = (c: string): boolean => c === '\r' || c === '\n';
const isAlphaNumeric = (c: string): boolean => c === '_' || /[\p{L}\p{Nd}]/u.test(c);
const isDigit = (c: string): boolean => /\p{Nd}/u.test(c);
/** parser.go isTerminator ('' stands for end of input) */
const isTerminator = (c: string): boolean => c === '' || isSpace(c) || isEndOfLine(c) || '.,[]$@{}'.includes(c);

const newList = (): ListNode => ({ kind: 'list', nodes: [] });

/** strconv.Unquote extended to single quotes (parser.go UnquoteExtend). */
function unquote(s: string): string {
  const quote = s[0]!;
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, e: string) => {
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCodePoint(parseInt(e, 8));
    const c = escapes[e];
    if (c === undefined) throw new Error('invalid syntax');
    return c;
  });
}

class Parser {
  readonly root: ListNode = newList();
  #input: string;
  #pos = 0;
  #start = 0;

  constructor(input: string) {
    this.#input = input;
  }

  #next(): string {
    if (this.#pos >= this.#input.length) return '';
    const c = String.fromCodePoint(this.#input.codePointAt(this.#pos)!);
    this.#pos += c.length;
    return c;
  }

  #backup(c: string): void {
    this.#pos -= c.length;
  }

  #peek(): string {
    const c = this.#next();
    this.#backup(c);
    return c;
  }

  #consume(): string {
    const text = this.#input.slice(this.#start, this.#pos);
    this.#start = this.#pos;
    return text;
  }

  #rest(): string {
    return this.#input.slice(this.#pos);
  }

  parseText(cur: ListNode): void {
    for (;;) {
      if (this.#rest().startsWith('{')) {
        if (this.#pos > this.#start) cur.nodes.push({ kind: 'text', text: this.#consume() });
        this.#pos += 1;
        this.#consume();
        const action = newList();
        cur.nodes.push(action);
        return this.#parseInsideAction(action);
      }
      if (this.#next() === '') break;
    }
    if (this.#pos > this.#start) cur.nodes.push({ kind: 'text', text: this.#consume() });
  }

  #parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.#rest();
      if (rest.startsWith('}')) {
        this.#pos += 1;
        this.#consume();
        return this.parseText(this.root);
      }
      if (rest.startsWith('[?(')) this.#parseFilter(cur);
      else if (rest.startsWith('..')) this.#parseRecursive(cur);
      else this.#parseToken(cur);
    }
  }

  #parseToken(cur: ListNode): void {
    const c = this.#next();
    if (c === '' || isEndOfLine(c)) throw new Error('unclosed action');
    if (c === ' ' || c === '@' || c === '$') this.#consume();
    else if (c === '[') this.#parseArray(cur);
    else if (c === '"' || c === "'") this.#parseQuote(cur, c);
    else if (c === '.') this.#parseField(cur);
    else if (c === '+' || c === '-' || isDigit(c)) {
      this.#backup(c);
      this.#parseNumber(cur);
    } else if (isAlphaNumeric(c)) {
      this.#backup(c);
      this.#parseIdentifier(cur);
    } else {
      const code = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      throw new Error(`unrecognized character in action: U+${code} '${c}'`);
    }
  }

  #parseIdentifier(cur: ListNode): void {
    for (let c = this.#next(); ; c = this.#next()) {
      if (isTerminator(c)) {
        this.#backup(c);
        break;
      }
    }
    const value = this.#consume();
    cur.nodes.push(value === 'true' || value === 'false' ? { kind: 'bool', value: value === 'true' } : { kind: 'identifier', name: value });
  }

  #parseRecursive(cur: ListNode): void {
    if (cur.nodes[cur.nodes.length - 1]?.kind === 'recursive') throw new Error('invalid multiple recursive descent');
    this.#pos += 2;
    this.#consume();
    cur.nodes.push({ kind: 'recursive' });
    if (isAlphaNumeric(this.#peek())) this.#parseField(cur);
  }

  #parseNumber(cur: ListNode): void {
    const sign = this.#peek();
    if (sign === '+' || sign === '-') this.#next();
    for (let c = this.#next(); ; c = this.#next()) {
      if (c !== '.' && !isDigit(c)) {
        this.#backup(c);
        break;
      }
    }
    const text = this.#consume();
    if (/^[+-]?\d+$/.test(text)) cur.nodes.push({ kind: 'int', value: Number(text) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) cur.nodes.push({ kind: 'float', value: Number(text) });
    else throw new Error(`cannot parse number ${text}`);
  }

  #parseArray(cur: ListNode): void {
    for (;;) {
      const c = this.#next();
      if (c === '' || c === '\n') throw new Error('unterminated array');
      if (c === ']') break;
    }
    let text = this.#consume().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ kind: 'union', lists: parts.map((p) => parseAction(`[${p.trim()}]`)) });
      return;
    }
    const key = DICT_KEY.exec(text);
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1]}`).nodes);
      return;
    }
    cur.nodes.push({ kind: 'array', params: sliceParams(text) });
  }

  #parseFilter(cur: ListNode): void {
    this.#pos += 3;
    this.#consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const c = this.#next();
      if (c === '' || c === '\n') throw new Error('unterminated filter');
      if (c === '"' || c === "'") {
        if (!begin) {
          begin = true;
          pair = c;
        } else if (this.#input[this.#pos - 2] !== '\\' && c === pair) end = true;
      } else if (c === ')' && begin === end) break;
    }
    if (this.#next() !== ']') throw new Error('unclosed array expect ]');
    const text = this.#consume().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) cur.nodes.push({ kind: 'filter', left: parseAction(text), right: newList(), operator: 'exists' });
    else cur.nodes.push({ kind: 'filter', left: parseAction(m[1]!), right: parseAction(m[3]!), operator: m[2]! });
  }

  #parseQuote(cur: ListNode, quote: string): void {
    for (;;) {
      const c = this.#next();
      if (c === '' || c === '\n') throw new Error('unterminated quoted string');
      if (c === quote && this.#input[this.#pos - 2] !== '\\') break;
    }
    const value = this.#consume();
    try {
      cur.nodes.push({ kind: 'text', text: unquote(value) });
    } catch {
      throw new Error(`unquote string ${value} error invalid syntax`);
    }
  }

  #parseField(cur: ListNode): void {
    this.#consume();
    for (;;) {
      const c = this.#next();
      if (c === '\\') this.#next();
      else if (isTerminator(c)) {
        this.#backup(c);
        break;
      }
    }
    const value = this.#consume();
    cur.nodes.push(value === '*' ? { kind: 'wildcard' } : { kind: 'field', name: value.replace(/\\/g, '') });
  }
}

/** parser.go parseArray's slice parameters: `[i]` means [i:i+1], missing ends are unknown. */
function sliceParams(text: string): SliceParam[] {
  const m = SLICE.exec(text);
  if (!m) throw new Error(`invalid array index ${text}`);
  const params: SliceParam[] = [];
  for (let i = 0; i < 3; i++) {
    let v = m[i + 1] ?? '';
    if (v !== '') {
      if (i > 0) v = v.slice(1);
      if (i > 0 && v === '') params.push({ value: 0, known: false, derived: false });
      else {
        if (!/^-?\d+$/.test(v)) throw new Error(`array index ${v} is not a number`);
        params.push({ value: Number(v), known: true, derived: false });
      }
    } else if (i === 1) params.push({ value: params[0]!.value + 1, known: true, derived: true });
    else params.push({ value: 0, known: false, derived: false });
  }
  return params;
}

/** parseAction: an expression as if written inside braces. */
function parseAction(text: string): ListNode {
  const first = parseJsonPath(`{${text}}`).nodes[0];
  return first?.kind === 'list' ? first : newList();
}

/** Parses a whole template; throws Error with parser.go's message on bad syntax. */
export function parseJsonPath(template: string): ListNode {
  const p = new Parser(template);
  p.parseText(p.root);
  return p.root;
}
