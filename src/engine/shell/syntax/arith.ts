// Shell arithmetic for `$((...))`: 64-bit signed integers that wrap, C operators with bash's
// precedence, variables whose values are themselves expressions, and bash's messages
// ("division by 0 (error token is "0")"). Imitates bash's expr.c.

import { ExpansionError } from './expansionError.ts';

export interface ArithVars {
  getVar(name: string): string | undefined;
  setVar?(name: string, value: string): void;
}

const MAX_ARITH_DEPTH = 200;
const TOKEN = /\s*(?:(0[xX][0-9a-zA-Z]*|[0-9][0-9a-zA-Z#@_]*)|([A-Za-z_][A-Za-z0-9_]*)|(<<=|>>=|\*\*|<<|>>|<=|>=|==|!=|&&|\|\||\+\+|--|[-+*/%&^|]=|[-+*/%<>=!~&^|?:,()]))/y;
const BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
};
const ASSIGN = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|=']);

/** a ** b wrapped to 64 bits at every step, so huge exponents cost 64 multiplications, not megabytes. */
function power(a: bigint, b: bigint): bigint {
  let result = 1n;
  let base = a;
  for (let e = b; e > 0n; e >>= 1n) {
    if (e & 1n) result = BigInt.asIntN(64, result * base);
    base = BigInt.asIntN(64, base * base);
  }
  return result;
}

interface Tok {
  kind: 'num' | 'name' | 'op' | 'end';
  text: string;
  /** offset of the token's first character (after blanks). */
  at: number;
}

/** Evaluates an expanded arithmetic expression. Throws ExpansionError with bash's wording. */
export function evaluateArithmetic(expr: string, vars: ArithVars, depth = 0): bigint {
  return new Evaluator(expr, vars, depth).run();
}

class Evaluator {
  #toks: Tok[] = [];
  #i = 0;
  #noEval = 0;
  /** nesting so far, counting parentheses, operator chains and variables holding expressions. */
  #level: number;

  constructor(
    readonly expr: string,
    readonly vars: ArithVars,
    depth: number,
  ) {
    this.#level = depth;
    if (depth > MAX_ARITH_DEPTH) this.#fail('expression recursion level exceeded', 0);
    let pos = 0;
    for (;;) {
      TOKEN.lastIndex = pos;
      const m = TOKEN.exec(expr);
      if (m === null) break;
      const text = m[1] ?? m[2] ?? (m[3] as string);
      this.#toks.push({ kind: m[1] ? 'num' : m[2] ? 'name' : 'op', text, at: TOKEN.lastIndex - text.length });
      pos = TOKEN.lastIndex;
    }
    const rest = expr.slice(pos);
    if (rest.trim() !== '') this.#fail('syntax error: invalid arithmetic operator', pos + rest.length - rest.trimStart().length);
    this.#toks.push({ kind: 'end', text: '', at: expr.length });
  }

  run(): bigint {
    if (this.#peek().kind === 'end') return 0n;
    const value = this.#comma();
    const t = this.#peek();
    if (t.kind !== 'end') this.#fail('syntax error in expression', t.at);
    return value;
  }

  #peek(): Tok {
    return this.#toks[this.#i] as Tok;
  }

  #next(): Tok {
    return this.#toks[this.#i++] as Tok;
  }

  #isOp(text: string): boolean {
    const t = this.#peek();
    return t.kind === 'op' && t.text === text;
  }

  #fail(message: string, at: number): never {
    throw new ExpansionError(`${this.expr.trimStart()}: ${message} (error token is "${this.expr.slice(at)}")`, false);
  }

  #comma(): bigint {
    let value = this.#assign();
    while (this.#isOp(',')) {
      this.#next();
      value = this.#assign();
    }
    return value;
  }

  #assign(): bigint {
    const t = this.#peek();
    const op = this.#toks[this.#i + 1];
    if (t.kind !== 'name' || op?.kind !== 'op' || !ASSIGN.has(op.text)) return this.#ternary();
    this.#i += 2;
    const right = this.#nest(() => this.#assign());
    const value = op.text === '=' ? right : this.#binary(op.text.slice(0, -1), this.#variable(t), right, op.at);
    return this.#store(t, value);
  }

  #ternary(): bigint {
    const cond = this.#binaryLevel(1);
    if (!this.#isOp('?')) return cond;
    this.#next();
    const yes = this.#withNoEval(cond === 0n, () => this.#nest(() => this.#comma()));
    if (!this.#isOp(':')) this.#fail("syntax error: `:' expected for conditional expression", this.#peek().at);
    this.#next();
    const no = this.#withNoEval(cond !== 0n, () => this.#nest(() => this.#ternary()));
    return cond !== 0n ? yes : no;
  }

  /** Precedence climbing over BINARY; `**` is right-associative, `&&`/`||` short-circuit. */
  #binaryLevel(min: number): bigint {
    let left = this.#unary();
    for (;;) {
      const t = this.#peek();
      const prec = t.kind === 'op' ? BINARY[t.text] : undefined;
      if (prec === undefined || prec < min) return left;
      this.#next();
      const skip = (t.text === '&&' && left === 0n) || (t.text === '||' && left !== 0n);
      const right = this.#withNoEval(skip, () => this.#nest(() => this.#binaryLevel(t.text === '**' ? prec : prec + 1)));
      // bash's error token is the last one read: the end of the right operand
      left = this.#binary(t.text, left, right, (this.#toks[this.#i - 1] as Tok).at);
    }
  }

  #binary(op: string, a: bigint, b: bigint, errorAt: number): bigint {
    if (this.#noEval > 0) return 0n;
    switch (op) {
      case '||': return a !== 0n || b !== 0n ? 1n : 0n;
      case '&&': return a !== 0n && b !== 0n ? 1n : 0n;
      case '|': return BigInt.asIntN(64, a | b);
      case '^': return BigInt.asIntN(64, a ^ b);
      case '&': return BigInt.asIntN(64, a & b);
      case '==': return a === b ? 1n : 0n;
      case '!=': return a !== b ? 1n : 0n;
      case '<': return a < b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
      case '<<': return BigInt.asIntN(64, a << (b & 63n));
      case '>>': return BigInt.asIntN(64, a >> (b & 63n));
      case '+': return BigInt.asIntN(64, a + b);
      case '-': return BigInt.asIntN(64, a - b);
      case '*': return BigInt.asIntN(64, a * b);
      case '**':
        if (b < 0n) this.#fail('exponent less than 0', errorAt);
        return power(a, b);
      default:
        if (b === 0n) this.#fail('division by 0', errorAt);
        return BigInt.asIntN(64, op === '/' ? a / b : a % b);
    }
  }

  #unary(): bigint {
    const t = this.#peek();
    if (t.kind === 'op' && (t.text === '++' || t.text === '--') && this.#toks[this.#i + 1]?.kind === 'name') {
      this.#next();
      const name = this.#next();
      return this.#store(name, BigInt.asIntN(64, this.#variable(name) + (t.text === '++' ? 1n : -1n)));
    }
    if (t.kind === 'op' && (t.text === '++' || t.text === '--')) {
      // not before a name: two signs, as bash reads `--1` (= 1)
      this.#next();
      return this.#nest(() => this.#unary());
    }
    if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '!' || t.text === '~')) {
      this.#next();
      const v = this.#nest(() => this.#unary());
      return t.text === '-' ? BigInt.asIntN(64, -v) : t.text === '+' ? v : t.text === '!' ? (v === 0n ? 1n : 0n) : ~v;
    }
    return this.#postfix();
  }

  #postfix(): bigint {
    const t = this.#next();
    if (t.kind === 'num') return this.#number(t);
    if (t.kind === 'name') {
      const value = this.#variable(t);
      const after = this.#peek();
      if (after.kind === 'op' && (after.text === '++' || after.text === '--')) {
        this.#next();
        this.#store(t, BigInt.asIntN(64, value + (after.text === '++' ? 1n : -1n)));
      }
      return value;
    }
    if (t.kind === 'op' && t.text === '(') {
      const value = this.#nest(() => this.#comma());
      if (!this.#isOp(')')) this.#fail("missing `)'", this.#peek().at);
      this.#next();
      return value;
    }
    // bash points at the operator before a missing operand at the end of the expression
    const at = t.kind === 'end' ? (this.#toks[this.#i - 2]?.at ?? t.at) : t.at;
    return this.#fail('syntax error: operand expected', at);
  }

  #number(t: Tok): bigint {
    const m = /^(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9][0-9]*)|([0-9]+)#([0-9a-zA-Z@_]+))$/.exec(t.text);
    if (m === null) return this.#fail('value too great for base', t.at);
    if (m[1] !== undefined) return BigInt.asIntN(64, BigInt('0x' + m[1]));
    if (m[2] !== undefined) return BigInt.asIntN(64, BigInt('0o' + (m[2].slice(1) || '0')));
    if (m[3] !== undefined) return BigInt.asIntN(64, BigInt(m[3]));
    return this.#based(Number(m[4]), m[5] as string, t);
  }

  /** `base#digits`: digits 0-9, a-z, A-Z, @, _ as bash assigns them (case-insensitive up to base 36). */
  #based(base: number, digits: string, t: Tok): bigint {
    if (base < 2 || base > 64) this.#fail('invalid arithmetic base', t.at);
    let value = 0n;
    for (const c of digits) {
      const code = /[0-9]/.test(c) ? Number(c) : /[a-z]/.test(c) ? c.charCodeAt(0) - 87 : /[A-Z]/.test(c) ? c.charCodeAt(0) - (base <= 36 ? 55 : 29) : c === '@' ? 62 : 63;
      if (code >= base) this.#fail('value too great for base', t.at);
      value = BigInt.asIntN(64, value * BigInt(base) + BigInt(code));
    }
    return value;
  }

  #variable(t: Tok): bigint {
    const raw = this.vars.getVar(t.text);
    if (raw === undefined || raw.trim() === '') return 0n;
    return evaluateArithmetic(raw, this.vars, this.#level + 1);
  }

  #store(t: Tok, value: bigint): bigint {
    if (this.#noEval > 0) return value;
    if (this.vars.setVar === undefined) this.#fail('attempted assignment to non-variable', t.at);
    this.vars.setVar(t.text, value.toString());
    return value;
  }

  /** Recursion with a bound, so hostile input gets bash's error instead of a stack overflow. */
  #nest<T>(f: () => T): T {
    if (++this.#level > MAX_ARITH_DEPTH) this.#fail('expression recursion level exceeded', this.#peek().at);
    try {
      return f();
    } finally {
      this.#level--;
    }
  }

  #withNoEval<T>(skip: boolean, f: () => T): T {
    if (skip) this.#noEval++;
    try {
      return f();
    } finally {
      if (skip) this.#noEval--;
    }
  }
}
