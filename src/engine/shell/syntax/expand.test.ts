import { describe, expect, it } from 'vitest';
import type { CommandList, HereDocRedirect, SimpleCommand } from './ast.ts';
import { ExpansionError, expandHeredoc, expandRedirectTarget, expandWord, expandWords } from './expand.ts';
import type { ExpandContext } from './expand.ts';
import { parseScript } from './parse.ts';

const VARS = { A: 'A', X: 'a  b', E: '', Y: 'pod/web-1', N: '5', S: ' lead trail ', STAR: '*', P: 'p*', NAME: 'web', Q: "it's", '?': '0' };

/** A context whose command substitutions understand just `echo` (enough to test the plumbing). */
function context(extra: Record<string, string> = {}): ExpandContext & { vars: Record<string, string>; ran: CommandList[] } {
  const vars: Record<string, string> = { ...VARS, ...extra };
  const ran: CommandList[] = [];
  const ctx = {
    vars,
    ran,
    home: '/home/learner',
    getVar: (name: string) => vars[name],
    setVar: (name: string, value: string) => {
      vars[name] = value;
    },
    runSubstitution: (list: CommandList): string => {
      ran.push(list);
      let out = '';
      for (const item of list.items) {
        const [cmd, ...args] = expandWords((item.first.commands[0] as SimpleCommand).words, ctx);
        if (cmd === 'echo') out += args.join(' ') + '\n\n';
      }
      return out;
    },
  };
  return ctx;
}

function commandOf(text: string): SimpleCommand {
  const r = parseScript(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.units[0]?.list.items[0]?.first.commands[0] as SimpleCommand;
}

/** The fields `echo <text>` would receive. */
function fields(text: string, ctx = context()): string[] {
  return expandWords(commandOf(`echo ${text}`).words, ctx).slice(1);
}

function errorOf(text: string): ExpansionError {
  try {
    fields(text);
  } catch (e) {
    if (e instanceof ExpansionError) return e;
    throw e;
  }
  throw new Error(`no error expanding ${text}`);
}

describe('quote removal and field splitting', () => {
  // expected values checked against bash 5.2
  it.each([
    [`'a b'`, ['a b']],
    [`"a $X b"`, ['a a  b b']],
    [`"it's"`, ["it's"]],
    [`a\\ b`, ['a b']],
    [`"\\$x"`, ['$x']],
    [`'$x'`, ['$x']],
    [`--from-literal=password='s3cr3t!'`, ['--from-literal=password=s3cr3t!']],
    [`'{"a": 1}'`, ['{"a": 1}']],
    [`a"b"'c'd`, ['abcd']],
    [`"a\\"b" "a\\b" 'a\\b' a\\\\b`, ['a"b', 'a\\b', 'a\\b', 'a\\b']],
    [`$Q "$Q"`, ["it's", "it's"]],
  ])('%s → %j', (text, expected) => {
    expect(fields(text)).toEqual(expected);
  });

  it.each([
    ['$X', ['a', 'b']],
    ['"$X"', ['a  b']],
    ['$E', []],
    ['"$E"', ['']],
    ['$E""', ['']],
    ["''", ['']],
    ['"" ""', ['', '']],
    ['x$E', ['x']],
    ['$S', ['lead', 'trail']],
    ['a$S"b"', ['a', 'lead', 'trail', 'b']],
    ['$UNSET', []],
  ])('splits unquoted expansions only: %s → %j', (text, expected) => {
    expect(fields(text)).toEqual(expected);
  });

  it('keeps * and ? literal (no globbing)', () => {
    expect(fields('* "*" $STAR a?')).toEqual(['*', '*', '*', 'a?']);
  });
});

describe('parameter expansion', () => {
  it.each([
    ['${X:-d} ${U:-d} ${E:-d} ${E-d}', ['a', 'b', 'd', 'd']],
    ['${U:-x   y}', ['x', 'y']],
    ['"${U:-x   y}"', ['x   y']],
    ['${U:-"x   y"}', ['x   y']],
    ["${U:-'q'} \"${U:-'q'}\"", ['q', "'q'"]],
    ['${U:-$X} "${U:-$X}"', ['a', 'b', 'a  b']],
    ['${X:+alt} ${E:+alt}. ${E+alt}', ['alt', '.', 'alt']],
    ['${#Y} ${#U}', ['9', '0']],
    ['${Y#pod/} ${Y#*/} ${Y##*/} ${Y%-*} ${Y%%/*}', ['web-1', 'web-1', 'web-1', 'pod/web', 'pod']],
    ['${Y/web/api} ${Y//-/_} ${Y/#pod/x} ${Y/%1/2}', ['pod/api-1', 'pod/web_1', 'x/web-1', 'pod/web-2']],
    ['${Y/[a-z]/X} ${Y//[!a-z]/.} ${Y//[[:alpha:]]/A}', ['Xod/web-1', 'pod.web..', 'AAA/AAA-1']],
    ['"${Y#"pod/"}" ${Y#\'p\'*} ${Y#$P} "${Y#$P}" ${Y#"$P"}', ['web-1', 'od/web-1', 'od/web-1', 'od/web-1', 'pod/web-1']],
    ['${Y:4} ${Y:4:3} ${Y: -1} ${Y:2:-2}', ['web-1', 'web', '1', 'd/web']],
    ['$? ${?}', ['0', '0']],
  ])('%s → %j', (text, expected) => {
    expect(fields(text)).toEqual(expected);
  });

  it('assigns with ${X:=value}', () => {
    const ctx = context();
    expect(fields('${NEW:=made}', ctx)).toEqual(['made']);
    expect(ctx.vars.NEW).toBe('made');
  });

  it('reports bash run-time errors', () => {
    expect(errorOf('${a;b}')).toMatchObject({ message: '${a;b}: bad substitution', exitsShell: false });
    expect(errorOf('${U:?}')).toMatchObject({ message: 'U: parameter null or not set', exitsShell: true });
    expect(errorOf('${U:?custom msg}').message).toBe('U: custom msg');
    expect(errorOf('${U?}').message).toBe('U: parameter not set');
  });
});

describe('tilde expansion', () => {
  it('expands ~ at the start of words and after = and : in assignment-like words', () => {
    expect(fields('~ ~/x a~ "~" \\~ x=~ --f=~ A=~/a:~/b ~nouser/x')).toEqual([
      '/home/learner', '/home/learner/x', 'a~', '~', '~', 'x=/home/learner', '--f=~', 'A=/home/learner/a:/home/learner/b', '~nouser/x',
    ]);
  });

  it('expands assignment values without splitting them', () => {
    const cmd = commandOf('D=~/.kube/config V=$X');
    expect(cmd.assignments.map((a) => expandWord(a.value, context()))).toEqual(['/home/learner/.kube/config', 'a  b']);
  });
});

describe('command substitution', () => {
  it('hands the parsed list to the shell and strips trailing newlines', () => {
    const ctx = context();
    expect(fields('$(echo hi) "$(echo a   b)" $(echo a   b)', ctx)).toEqual(['hi', 'a b', 'a', 'b']);
    expect(ctx.ran).toHaveLength(3);
    expect(fields('"$(echo "a  b")" `echo back` "`echo x  y`" $(echo $(echo nested))')).toEqual(['a  b', 'back', 'x y', 'nested']);
  });
});

describe('arithmetic expansion', () => {
  it.each([
    ['$((1+2)) $((N*2)) $(($N*2)) $(( (1+2)*3 ))', ['3', '10', '10', '9']],
    ['$((7/2)) $((-7/2)) $((-7%3)) $((2**10)) $((-2**2))', ['3', '-3', '-1', '1024', '4']],
    ['$((1<2)) $((N>3?10:20)) $((0x10+010)) $((2#101)) $((!0)) $((~0))', ['1', '10', '24', '5', '1', '-1']],
    ['$((9223372036854775807 + 1)) $(( "1" + 2 )) $((UNSET + 1)) $(( ))', ['-9223372036854775808', '3', '1', '0']],
    ['$((1 || 1/0)) $((0 && 1/0)) $((1 ? 2 : 1/0))', ['1', '0', '2']],
  ])('%s → %j', (text, expected) => {
    expect(fields(text)).toEqual(expected);
  });

  it('evaluates variables holding expressions and assigns', () => {
    const ctx = context({ A: '3', B: 'A+1' });
    expect(fields('$((B*2)) $((i=5, i*2)) $((i++)) $((i)) $((++i)) $((i+=10))', ctx)).toEqual(['8', '10', '5', '6', '7', '17']);
    expect(ctx.vars.i).toBe('17');
  });

  it('reads ++ and -- before a number as two signs', () => {
    expect(fields('$((--1)) $((- -1)) $((a-- - --a))', context({ a: '5' }))).toEqual(['1', '1', '2']);
  });

  it('stops runaway recursion with bash\'s error instead of overflowing the stack', () => {
    const deep = (expr: string): string => errorOf(`"$((${expr}))"`).message;
    expect(deep('('.repeat(10_000) + '1' + ')'.repeat(10_000))).toContain('expression recursion level exceeded');
    expect(deep('- '.repeat(10_000) + '1')).toContain('expression recursion level exceeded');
    expect(deep('1' + '**1'.repeat(10_000))).toContain('expression recursion level exceeded');
    expect(deep('1?'.repeat(10_000) + '1' + ':0'.repeat(10_000))).toContain('expression recursion level exceeded');
    expect(errorOf('$((A))').message).toBe('A: expression recursion level exceeded (error token is "A")');
    expect(fields('$((' + '('.repeat(150) + '1' + ')'.repeat(150) + '))')).toEqual(['1']);
  });

  it.each([
    ['$((1/0))', '1/0: division by 0 (error token is "0")'],
    ['$(( 1/0 + 2 ))', '1/0 + 2 : division by 0 (error token is "0 + 2 ")'],
    ['$((1 +))', '1 +: syntax error: operand expected (error token is "+")'],
    ['$((x y))', 'x y: syntax error in expression (error token is "y")'],
    ['$((1.5))', '1.5: syntax error: invalid arithmetic operator (error token is ".5")'],
    ['$((2**-1))', '2**-1: exponent less than 0 (error token is "1")'],
  ])('reports %s as bash does', (text, message) => {
    expect(errorOf(text)).toMatchObject({ message, exitsShell: false });
  });
});

describe('heredoc bodies', () => {
  const bodyOf = (script: string): HereDocRedirect => commandOf(script).redirects[0] as HereDocRedirect;

  it('expands an unquoted body like double-quoted text, keeping quotes', () => {
    const doc = bodyOf('cat <<EOF\nname: $NAME\n\\$x \\" \\\\ $((1+2)) `echo hi` "$(echo q)"\nEOF\n');
    expect(expandHeredoc(doc.body, doc.quoted, context())).toBe('name: web\n$x \\" \\ 3 hi "q"\n');
  });

  it('leaves a quoted body as written', () => {
    const doc = bodyOf("kubectl apply -f - <<'EOF'\nvalue: $NAME $(rm -rf /)\nEOF\n");
    expect(expandHeredoc(doc.body, doc.quoted, context())).toBe('value: $NAME $(rm -rf /)\n');
  });

  it('reports a broken substitution in the body when it is used', () => {
    expect(() => expandHeredoc('x $(echo\n', false, context())).toThrow("unexpected EOF while looking for matching `)'");
  });
});

describe('here-strings and redirection targets', () => {
  it('expands a redirection target to exactly one field', () => {
    const [out, bad] = commandOf('echo >$NAME.txt 2>$X').redirects;
    expect(out?.type === 'file' && expandRedirectTarget(out.target, context())).toBe('web.txt');
    expect(() => bad?.type === 'file' && expandRedirectTarget(bad.target, context())).toThrow('$X: ambiguous redirect');
  });

  it('expands a here-string word without splitting', () => {
    const [herestring] = commandOf('cat <<< $X').redirects;
    expect(herestring?.type === 'herestring' && expandWord(herestring.word, context())).toBe('a  b');
  });
});
