import { describe, expect, it } from 'vitest';
import type { Command, HereDocRedirect, Redirect, SimpleCommand, Word, WordPart } from './ast.ts';
import { parseScript, splitAssignment } from './parse.ts';
import type { ParseResult, ScriptUnit } from './parse.ts';

function units(text: string): ScriptUnit[] {
  const r = parseScript(text);
  if (!r.ok) throw new Error(`unexpected parse error: ${JSON.stringify(r.error)}`);
  return r.units;
}

function errorOf(text: string): Extract<ParseResult, { ok: false }>['error'] {
  const r = parseScript(text);
  if (r.ok) throw new Error(`expected a parse error for ${JSON.stringify(text)}`);
  return r.error;
}

/** The single command of a one-command script. */
function only(text: string): Command {
  const [unit, ...rest] = units(text);
  expect(rest).toHaveLength(0);
  const command = unit?.list.items[0]?.first.commands[0];
  if (command === undefined) throw new Error('no command');
  return command;
}

function simple(text: string): SimpleCommand {
  const command = only(text);
  if (command.type !== 'simple') throw new Error(`expected a simple command, got ${command.type}`);
  return command;
}

function parts(word: Word | undefined): WordPart[] {
  return word?.parts ?? [];
}

function heredocs(redirects: Redirect[]): HereDocRedirect[] {
  return redirects.filter((r): r is HereDocRedirect => r.type === 'heredoc');
}

const LESSON_SCRIPT = `cat > pod.yml <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: $NAME
EOF
kubectl apply -f - <<'EOF'
kind: $NOT_EXPANDED
EOF
kubectl create secret generic regcred \\
    --from-file=.dockerconfigjson=$HOME/.docker/config.json \\
    --type=kubernetes.io/dockerconfigjson
export NS=default; kubectl get pods -n "$NS" && echo ok || echo failed
for i in $(seq 1 10); do curl -s http://10.0.0.1:30001 | grep -o 'pod [a-z0-9-]*'; done | sort | uniq -c
POD=$(kubectl get pods -o name | head -1)
# a comment
`;

describe('splitting a script into units', () => {
  it('gives one unit per command line, with its first line and exact source', () => {
    const all = units(LESSON_SCRIPT);
    expect(all.map((u) => [u.line, u.firstLine])).toEqual([
      [1, 'cat > pod.yml <<EOF'],
      [7, "kubectl apply -f - <<'EOF'"],
      [10, 'kubectl create secret generic regcred \\'],
      [13, 'export NS=default; kubectl get pods -n "$NS" && echo ok || echo failed'],
      [14, "for i in $(seq 1 10); do curl -s http://10.0.0.1:30001 | grep -o 'pod [a-z0-9-]*'; done | sort | uniq -c"],
      [15, 'POD=$(kubectl get pods -o name | head -1)'],
    ]);
    expect(all[0]?.source).toBe('cat > pod.yml <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: $NAME\nEOF');
    expect(all[2]?.source).toBe(LESSON_SCRIPT.split('\n').slice(9, 12).join('\n'));
  });

  it('keeps `a; b` on one line as one unit of two and-or lists', () => {
    const [unit] = units('export NS=default; kubectl get pods -n "$NS"\n');
    expect(unit?.list.items).toHaveLength(2);
  });

  it('continues a unit over `&&`, `||` and `|` at the end of a line', () => {
    const all = units('a &&\n  b ||\n\n  c |\n  d\ne\n');
    expect(all).toHaveLength(2);
    expect(all[0]?.source).toBe('a &&\n  b ||\n\n  c |\n  d');
  });

  it('makes a multi-line compound command one unit', () => {
    const all = units('for i in 1 2; do\n  echo $i\ndone\necho after\n');
    expect(all.map((u) => u.firstLine)).toEqual(['for i in 1 2; do', 'echo after']);
    expect(all[0]?.source).toBe('for i in 1 2; do\n  echo $i\ndone');
  });

  it('skips blank lines and comment-only lines but keeps a trailing comment in the source', () => {
    const all = units('# a comment\n\n   \nkubectl get pods # list them\n# done\n');
    expect(all).toHaveLength(1);
    expect(all[0]?.source).toBe('kubectl get pods # list them');
    expect(all[0]?.line).toBe(4);
    expect(simple('echo a#b').words.map((w) => w.text)).toEqual(['echo', 'a#b']);
  });

  it('reads CRLF line endings as LF', () => {
    const all = units('echo a\r\ncat <<EOF\r\nx\r\nEOF\r\necho "b"\r\n');
    expect(all.map((u) => u.firstLine)).toEqual(['echo a', 'cat <<EOF', 'echo "b"']);
    expect(heredocs((all[1]?.list.items[0]?.first.commands[0] as SimpleCommand).redirects)[0]?.body).toBe('x\n');
  });
});

describe('heredocs', () => {
  it('reads the body after the line and leaves it unexpanded for run time', () => {
    const [doc] = heredocs(simple('cat > pod.yml <<EOF\nname: $NAME\nEOF\n').redirects);
    expect(doc).toEqual({ type: 'heredoc', fd: 0, delimiter: 'EOF', quoted: false, stripTabs: false, body: 'name: $NAME\n' });
  });

  it("marks <<'EOF', <<\"EOF\" and <<\\EOF as quoted, keeping `$` literal", () => {
    for (const op of ["<<'EOF'", '<<"EOF"', '<<\\EOF', '<<E"O"F']) {
      const [doc] = heredocs(simple(`cat ${op}\nprice: $5 \`x\` \\$y\nEOF\n`).redirects);
      expect(doc).toMatchObject({ delimiter: 'EOF', quoted: true, body: 'price: $5 `x` \\$y\n' });
    }
  });

  it('strips leading tabs from body and delimiter with <<-', () => {
    const [doc] = heredocs(simple('cat <<-EOF\n\t\tx\n\t  y\n\tEOF\n').redirects);
    expect(doc?.body).toBe('x\n  y\n');
  });

  it('joins backslash-newline in an unquoted body before looking for the delimiter', () => {
    const [doc] = heredocs(simple('cat <<EOF\na \\\nEOF\nEOF\n').redirects);
    expect(doc?.body).toBe('a EOF\n');
  });

  it('reads the rest of the line after the operator as more commands', () => {
    const [unit] = units('cat <<EOF | grep x; echo same\nbody\nEOF\n');
    expect(unit?.list.items).toHaveLength(2);
    expect(unit?.list.items[0]?.first.commands).toHaveLength(2);
  });

  it('reads several heredocs on one line in order', () => {
    const [a, b] = heredocs(simple('cat <<A <<B\na\nA\nb\nB\n').redirects);
    expect([a?.body, b?.body]).toEqual(['a\n', 'b\n']);
  });

  it('warns like bash and takes the rest of the input when the delimiter never comes', () => {
    const r = parseScript('echo first\ncat <<EOF\nline one\nline two');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.units).toHaveLength(2);
    expect(r.incomplete).toBe(true);
    const warning = { line: 4, column: 9, message: "here-document at line 2 delimited by end-of-file (wanted `EOF')" };
    expect(r.units[1]?.warnings).toEqual([warning]);
    expect(r.warnings).toEqual([warning]);
    expect(heredocs((r.units[1]?.list.items[0]?.first.commands[0] as SimpleCommand).redirects)[0]?.body).toBe('line one\nline two\n');
  });

  it('gives an empty body when the input ends on the operator line', () => {
    const r = parseScript('cat <<EOF');
    expect(r.ok && r.warnings[0]?.message).toBe("here-document at line 1 delimited by end-of-file (wanted `EOF')");
  });

  it('works inside loops and command substitutions', () => {
    const loop = only('for i in 1; do\n  cat <<EOF\n$i\nEOF\ndone\n');
    expect(loop.type === 'for' && heredocs((loop.body.items[0]?.first.commands[0] as SimpleCommand).redirects)[0]?.body).toBe('$i\n');
    const sub = simple('X=$(cat <<EOF\ninner\nEOF\n)\n');
    const part = sub.assignments[0]?.value.parts[0];
    expect(part?.type === 'command-substitution' && heredocs((part.list.items[0]?.first.commands[0] as SimpleCommand).redirects)[0]?.body).toBe('inner\n');
  });
});

describe('words keep their quoting', () => {
  const word = (text: string): WordPart[] => parts(simple(`echo ${text}`).words[1]);

  it('reads quotes, backslashes and expansions into parts', () => {
    expect(word("'a b'")).toEqual([{ type: 'single-quoted', value: 'a b' }]);
    expect(word('"a $X b"')).toEqual([
      { type: 'double-quoted', parts: [{ type: 'literal', value: 'a ' }, { type: 'param', name: 'X', op: null }, { type: 'literal', value: ' b' }] },
    ]);
    expect(word(`"it's"`)).toEqual([{ type: 'double-quoted', parts: [{ type: 'literal', value: "it's" }] }]);
    expect(word('a\\ b')).toEqual([{ type: 'literal', value: 'a' }, { type: 'escaped', value: ' ' }, { type: 'literal', value: 'b' }]);
    expect(word('"\\$x"')).toEqual([{ type: 'double-quoted', parts: [{ type: 'literal', value: '$x' }] }]);
    expect(word("'$x'")).toEqual([{ type: 'single-quoted', value: '$x' }]);
  });

  it('keeps kubectl flags with quoted values as one word', () => {
    expect(simple("kubectl create secret generic s --from-literal=password='s3cr3t!'").words.map((w) => w.text)).toEqual([
      'kubectl', 'create', 'secret', 'generic', 's', "--from-literal=password='s3cr3t!'",
    ]);
    expect(word(`'{"a": 1, "b": [true]}'`)).toEqual([{ type: 'single-quoted', value: '{"a": 1, "b": [true]}' }]);
    expect(simple("kubectl get pods -l 'app in (web)'").words[4]?.parts).toEqual([{ type: 'single-quoted', value: 'app in (web)' }]);
  });

  it('reads ${...} operators', () => {
    expect(word('${X:-default}')).toMatchObject([{ type: 'param', name: 'X', op: { kind: 'default', colon: true, word: { text: 'default' } } }]);
    expect(word('${#X}')).toEqual([{ type: 'param', name: 'X', op: { kind: 'length' } }]);
    expect(word('${POD#pod/}')).toMatchObject([{ op: { kind: 'remove-prefix', longest: false, pattern: { text: 'pod/' } } }]);
    expect(word('${X//a/b}')).toMatchObject([{ op: { kind: 'replace', all: true, anchor: null, pattern: { text: 'a' }, replacement: { text: 'b' } } }]);
    expect(word('${X:1:2}')).toMatchObject([{ op: { kind: 'substring', offset: { text: '1' }, length: { text: '2' } } }]);
    expect(word('$?')).toEqual([{ type: 'param', name: '?', op: null }]);
    expect(word('${a;b}')).toEqual([{ type: 'bad-substitution', text: '${a;b}' }]);
  });

  it('parses $(...) and backquotes as nested lists, and $((...)) as arithmetic', () => {
    const [sub] = word('$(kubectl get pods -o name | head -1)');
    expect(sub).toMatchObject({ type: 'command-substitution', backquoted: false, source: 'kubectl get pods -o name | head -1' });
    expect(sub?.type === 'command-substitution' && sub.list.items[0]?.first.commands).toHaveLength(2);
    expect(word('`date`')).toMatchObject([{ type: 'command-substitution', backquoted: true, source: 'date' }]);
    expect(word('$((1 + $N))')).toMatchObject([{ type: 'arithmetic', expression: { text: '1 + $N' } }]);
    expect(word('$( (echo a) )')[0]?.type).toBe('command-substitution');
  });

  it('marks tildes at the start of a word and after = or : in assignments', () => {
    expect(word('~/x')).toEqual([{ type: 'tilde', user: '' }, { type: 'literal', value: '/x' }]);
    expect(word('a~')).toEqual([{ type: 'literal', value: 'a~' }]);
    expect(word('"~"')[0]?.type).toBe('double-quoted');
    expect(simple('P=~/a:~/b').assignments[0]?.value.parts.map((p) => p.type)).toEqual(['tilde', 'literal', 'tilde', 'literal']);
  });

  it('decodes $\'...\' and reads $"..." as double quotes', () => {
    expect(word("$'a\\tb\\n'")).toEqual([{ type: 'single-quoted', value: 'a\tb\n' }]);
    expect(word('$"x $Y"')[0]?.type).toBe('double-quoted');
  });

  it('reads backquoted commands with their escapes and lines', () => {
    const [sub] = word('"`echo \\"a\\" \\$HOME`"').flatMap((p) => (p.type === 'double-quoted' ? p.parts : []));
    expect(sub).toMatchObject({ type: 'command-substitution', backquoted: true, source: 'echo "a" $HOME' });
    const nested = simple('\n\necho `echo hi`').words[1]?.parts[0];
    expect(nested?.type === 'command-substitution' && nested.list.items[0]?.first.commands[0]?.line).toBe(3);
    expect(errorOf('echo ok\necho `echo "a`')).toMatchObject({ line: 2, column: 6, message: 'unexpected EOF while looking for matching `"\'' });
  });

  it('joins a word continued with backslash-newline', () => {
    expect(simple('echo ab\\\ncd').words[1]?.parts).toEqual([{ type: 'literal', value: 'abcd' }]);
  });
});

describe('commands', () => {
  it('separates leading assignments from words', () => {
    const cmd = simple('A=b B+=c kubectl get pods');
    expect(cmd.assignments.map((a) => [a.name, a.value.text, a.append])).toEqual([['A', 'b', false], ['B', 'c', true]]);
    expect(cmd.words.map((w) => w.text)).toEqual(['kubectl', 'get', 'pods']);
    expect(simple('export A=b').words.map((w) => w.text)).toEqual(['export', 'A=b']);
    expect(splitAssignment(simple('export A="x y"').words[1] as Word)).toMatchObject({ name: 'A', value: { text: '"x y"' } });
  });

  it('reads every redirection form', () => {
    const r = simple('cmd <in >out 2>err >>app 2>&1 &>all >/dev/null <<<"w" >&2 3<&- &>>both').redirects;
    expect(r.map((x) => (x.type === 'heredoc' ? x.type : x.type === 'herestring' ? [x.type, x.fd] : [x.type, x.fd, 'mode' in x ? x.mode : x.target.text]))).toEqual([
      ['file', 0, 'read'], ['file', 1, 'write'], ['file', 2, 'write'], ['file', 1, 'append'], ['dup', 2, '1'],
      ['file', 'both', 'write'], ['file', 1, 'write'], ['herestring', 0], ['dup', 1, '2'], ['dup', 3, '-'], ['file', 'both', 'append'],
    ]);
  });

  it('reads a number right after >& as the target, not as the next fd', () => {
    expect(simple('cmd 2>&1>/dev/null').redirects).toMatchObject([{ type: 'dup', fd: 2, target: { text: '1' } }, { type: 'file', fd: 1, target: { text: '/dev/null' } }]);
    expect(simple('cat 2>&1<<EOF\nx\nEOF\n').redirects).toMatchObject([{ type: 'dup', fd: 2 }, { type: 'heredoc', fd: 0, body: 'x\n' }]);
    expect(simple('cmd 3>&2 2>&1 1>&3').redirects.map((r) => r.type === 'dup' && [r.fd, r.target.text])).toEqual([[3, '2'], [2, '1'], [1, '3']]);
  });

  it('reads `2>&1 | grep x` and `|&`', () => {
    const [unit] = units('kubectl logs p 2>&1 | grep x\nkubectl logs p |& grep x\n');
    expect(unit?.list.items[0]?.first.commands.map((c) => c.redirects.length)).toEqual([1, 0]);
    expect(units('a |& b')[0]?.list.items[0]?.first.commands[0]?.redirects).toEqual([{ type: 'dup', fd: 2, target: { text: '1', parts: [{ type: 'literal', value: '1' }] } }]);
  });

  it('builds and-or lists and negated pipelines', () => {
    const [unit] = units('! a | b && c || d');
    const item = unit?.list.items[0];
    expect(item?.first).toMatchObject({ negated: true, commands: [{ type: 'simple' }, { type: 'simple' }] });
    expect(item?.rest.map((l) => l.op)).toEqual(['&&', '||']);
  });

  it('reads for, while, until, if, groups and subshells', () => {
    expect(only('for i in $(seq 1 3) x; do echo $i; done')).toMatchObject({ type: 'for', name: 'i', words: [{ text: '$(seq 1 3)' }, { text: 'x' }] });
    expect(only('for i; do :; done')).toMatchObject({ type: 'for', words: null });
    expect(only('while read l; do echo $l; done < f')).toMatchObject({ type: 'while', redirects: [{ type: 'file', mode: 'read' }] });
    expect(only('until false; do :; done').type).toBe('until');
    const branch = only('if a; then b; elif c; then d; else e; fi');
    expect(branch).toMatchObject({ type: 'if', clauses: [{}, {}], elseBody: { items: [{}] } });
    expect(only('{ A=1; echo $A; }')).toMatchObject({ type: 'group', body: { items: [{}, {}] } });
    expect(only('(cd /tmp; ls)')).toMatchObject({ type: 'subshell', body: { items: [{}, {}] } });
  });

  it('pipes a whole loop into the next command', () => {
    const [unit] = units('for i in 1 2; do echo $i; done | sort | uniq -c');
    expect(unit?.list.items[0]?.first.commands.map((c) => c.type)).toEqual(['for', 'simple', 'simple']);
  });

  it('records the source line of each command', () => {
    const loop = only('\n\nwhile true\ndo\n  echo x\ndone');
    expect(loop.line).toBe(3);
    expect(loop.type === 'while' && loop.body.items[0]?.first.commands[0]?.line).toBe(5);
  });
});

describe('syntax errors', () => {
  it('reports an unexpected token with bash wording and position', () => {
    expect(errorOf('echo a | | b')).toEqual({ line: 1, column: 10, message: "syntax error near unexpected token `|'", incomplete: false });
    expect(errorOf('echo ok\nfi').message).toBe("syntax error near unexpected token `fi'");
    expect(errorOf('echo >\n').message).toBe("syntax error near unexpected token `newline'");
    expect(errorOf('a;;').message).toBe("syntax error near unexpected token `;;'");
    expect(errorOf('{ }').message).toBe("syntax error near unexpected token `}'");
  });

  it('reports an unterminated quote at the opening quote', () => {
    expect(errorOf('echo ok\nkubectl get pods -l "app=web\n\n')).toEqual({ line: 2, column: 21, message: 'unexpected EOF while looking for matching `"\'', incomplete: true });
    expect(errorOf("echo 'abc").message).toBe("unexpected EOF while looking for matching `''");
    expect(errorOf('echo `ls').message).toBe("unexpected EOF while looking for matching ``'");
    expect(errorOf('echo $((1 +\n2\n')).toMatchObject({ line: 1, column: 6, message: "unexpected EOF while looking for matching `)'" });
    expect(errorOf('echo ${X:-').message).toBe("unexpected EOF while looking for matching `}'");
  });

  it('reports running out of input where bash does (the line after the last)', () => {
    expect(errorOf('a &&')).toEqual({ line: 2, column: 1, message: 'syntax error: unexpected end of file', incomplete: true });
    expect(errorOf('if true; then\n  echo x\n')).toMatchObject({ line: 3, message: 'syntax error: unexpected end of file' });
    expect(errorOf('x\n  echo $(ls |\n')).toMatchObject({ line: 3, message: "unexpected EOF while looking for matching `)'" });
  });

  it('keeps the units before the error so they can run first, as bash does', () => {
    const r = parseScript('echo one\necho two\necho a | | b\necho never\n');
    expect(r.ok).toBe(false);
    expect(r.units.map((u) => u.firstLine)).toEqual(['echo one', 'echo two']);
  });

  it('says what the lab shell does not support', () => {
    expect(errorOf('f() { echo x; }').message).toBe('function definitions are not supported by the lab shell');
    expect(errorOf('case $x in a) ;; esac').message).toBe("`case' is not supported by the lab shell");
    expect(errorOf('a=(1 2)').message).toBe('array assignments are not supported by the lab shell');
  });
});

describe('reading line by line (the interactive shell)', () => {
  it('says when more input could complete the command', () => {
    const incomplete = (text: string): boolean => {
      const r = parseScript(text);
      return r.ok ? r.incomplete : r.error.incomplete;
    };
    expect(incomplete('kubectl get pods')).toBe(false);
    expect(incomplete('kubectl create secret generic regcred \\')).toBe(true);
    expect(incomplete('kubectl create secret generic regcred \\\n')).toBe(true);
    expect(incomplete('echo "abc')).toBe(true);
    expect(incomplete('for i in 1 2; do')).toBe(true);
    expect(incomplete('a &&')).toBe(true);
    expect(incomplete('cat <<EOF\nx')).toBe(true);
    expect(incomplete('echo a | | b')).toBe(false);
    expect(incomplete('echo >')).toBe(false);
  });
});

describe('size and hostile input', () => {
  const block = `${LESSON_SCRIPT}echo "\${POD#pod/}" $((1 + 2)) | tr a-z A-Z > out.txt 2>&1\n`;
  const scriptOf = (size: number): string => block.repeat(Math.ceil(size / block.length));
  /** best of several runs: the parser's own cost, not a busy machine's. */
  const bestMs = (script: string): number => {
    let best = Infinity;
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      expect(parseScript(script).ok).toBe(true);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };

  it('parses a 100 KB script in well under 50 ms', () => {
    expect(bestMs(scriptOf(100_000))).toBeLessThan(50);
  });

  it('takes time in proportion to the script size', () => {
    // 8x the text: about 8x the time; a quadratic step would show as 64x
    const small = bestMs(scriptOf(12_500));
    const large = bestMs(scriptOf(100_000));
    expect(large / small).toBeLessThan(24);
  });

  it('refuses 10,000 nested $( without overflowing the stack', () => {
    const error = errorOf('echo ' + '$('.repeat(10_000) + 'x' + ')'.repeat(10_000));
    expect(error.message).toBe('maximum nesting depth exceeded (200)');
  });

  it('refuses other deep nesting the same way', () => {
    for (const text of ['('.repeat(10_000), '{ '.repeat(10_000), '${X:-'.repeat(10_000), '"$('.repeat(10_000), 'if a; then '.repeat(10_000), '$(('.repeat(10_000) + '1' + '))'.repeat(10_000)]) {
      expect(errorOf(text).message).toBe('maximum nesting depth exceeded (200)');
    }
  });

  it('accepts nesting up to the limit', () => {
    expect(parseScript('echo ' + '$('.repeat(150) + 'x' + ')'.repeat(150)).ok).toBe(true);
  });

  it('handles huge lines and long chains quickly', () => {
    const t0 = performance.now();
    expect(parseScript('echo ' + 'x'.repeat(1_000_000)).ok).toBe(true);
    expect(parseScript('a' + ' | a'.repeat(20_000)).ok).toBe(true);
    expect(parseScript('a' + ' && a'.repeat(20_000)).ok).toBe(true);
    expect(parseScript('echo "' + 'y'.repeat(1_000_000)).ok).toBe(false);
    expect(parseScript('echo ' + '\\'.repeat(100_001)).ok).toBe(true);
    expect(parseScript('cat <<EOF\n' + 'z\\\n'.repeat(50_000)).ok).toBe(true);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
