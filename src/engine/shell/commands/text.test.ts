import { describe, expect, it } from 'vitest';
import { translatePattern } from './grep.ts';
import { testShell } from './testShell.ts';

function withFiles(): ReturnType<typeof testShell> {
  const s = testShell();
  s.run("echo -e 'b\\na\\nb' > t1; echo -e 'x 10\\ny 9\\nz 10' > t2");
  return s;
}

describe('grep', () => {
  it('prefixes file names and line numbers when there are several files', () => {
    const { run } = withFiles();
    expect(run('grep -n b t1 t2').out).toBe('t1:1:b\nt1:3:b\n');
    expect(run('grep -c b t1 t2').out).toBe('t1:2\nt2:0\n');
  });

  it('prints context lines around matches, marked with - and groups split by --', () => {
    const s = testShell();
    s.run("echo -e 'a\\nb\\nc\\nd\\ne\\nf\\ng\\nh' > f");
    expect(s.run('grep -A 1 c f').out).toBe('c\nd\n');
    expect(s.run('grep -B1 -n g f').out).toBe('6-f\n7:g\n');
    expect(s.run('grep -C 1 -e b -e g f').out).toBe('a\nb\nc\n--\nf\ng\nh\n');
    expect(s.run('grep -A 1 -e b -e c f').out).toBe('b\nc\nd\n');
    expect(s.run('grep -H --after-context=1 -n d f').out).toBe('f:4:d\nf-5-e\n');
    expect(s.run('grep -A x b f')).toEqual({ out: '', err: 'grep: x: invalid context length argument\n', code: 2 });
  });

  it('exits 1 when nothing matches and 2 on trouble', () => {
    const { run } = withFiles();
    expect(run('grep nothing t1')).toEqual({ out: '', err: '', code: 1 });
    expect(run('grep b nope')).toEqual({ out: '', err: 'grep: nope: No such file or directory\n', code: 2 });
    expect(run('grep')).toEqual({ out: '', err: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", code: 2 });
  });

  it('reads basic and extended regular expressions as GNU grep does', () => {
    const { run } = withFiles();
    expect(run("grep 'a\\|x' t1 t2").out).toBe('t1:a\nt2:x 10\n');
    expect(run("grep -E '(' t1").err).toBe('grep: Unmatched ( or \\(\n');
    expect(run("grep -E 'y|z' t2").out).toBe('y 9\nz 10\n');
    expect(run("grep '1[0-9]' t2").out).toBe('x 10\nz 10\n');
    expect(run("grep -E '^[[:alpha:]] [[:digit:]]$' t2").out).toBe('y 9\n');
  });

  it('filters a pipeline with -i, -v, -o, -w and -q', () => {
    const { run } = withFiles();
    expect(run('cat t2 | grep -v 10').out).toBe('y 9\n');
    expect(run('echo Running | grep -i running').out).toBe('Running\n');
    expect(run("echo 'one two' | grep -o 'o'").out).toBe('o\no\n');
    expect(run('echo ab a | grep -ow a').out).toBe('a\n');
    expect(run('grep -q b t1 && echo found').out).toBe('found\n');
  });

  it('searches directories with -r, naming each file', () => {
    const { run } = withFiles();
    run('mkdir -p m/sub && echo "image: nginx" > m/a.yml && echo "image: redis" > m/sub/b.yml');
    expect(run('grep -r image: m').out).toBe('m/a.yml:image: nginx\nm/sub/b.yml:image: redis\n');
    expect(run('grep image m').err).toBe('grep: m: Is a directory\n');
    expect(run('cd m && grep -r redis').out).toBe('sub/b.yml:image: redis\n');
  });

  it('translates BRE intervals and groups', () => {
    expect(translatePattern('a\\{2\\}\\(b\\)', false)).toEqual({ source: 'a{2}(b)' });
    expect(translatePattern('a{2}+', false)).toEqual({ source: 'a\\{2\\}\\+' });
  });
});

describe('head and tail', () => {
  it('takes the first or last lines, with -n N, -N and +N', () => {
    const { run } = withFiles();
    expect(run('head -n 1 t2').out).toBe('x 10\n');
    expect(run('head -2 t2').out).toBe('x 10\ny 9\n');
    expect(run('tail -n 1 t2').out).toBe('z 10\n');
    expect(run('tail -n +2 t1').out).toBe('a\nb\n');
    expect(run('head -n -1 t1').out).toBe('b\na\n');
  });

  it('heads each file when there are several', () => {
    expect(withFiles().run('head -n 1 t1 t2').out).toBe('==> t1 <==\nb\n\n==> t2 <==\nx 10\n');
  });

  it('names a missing file and a bad count as coreutils does', () => {
    const { run } = withFiles();
    expect(run('head nope').err).toBe("head: cannot open 'nope' for reading: No such file or directory\n");
    expect(run('tail -n x t1').err).toBe('tail: invalid number of lines: ‘x’\n');
  });
});

describe('wc', () => {
  it('prints just the number for one count from stdin', () => {
    expect(withFiles().run('cat t1 | wc -l').out).toBe('3\n');
  });

  it('uses width 7 for stdin and the total size for files, with a total line', () => {
    const { run } = withFiles();
    expect(run('cat t1 | wc').out).toBe('      3       3       6\n');
    expect(run('wc t1 t2').out).toBe(' 3  3  6 t1\n 3  6 14 t2\n 6  9 20 total\n');
    expect(run('wc -l t1').out).toBe('3 t1\n');
  });
});

describe('sort and uniq', () => {
  it('sorts by code point, numerically, in reverse and by key', () => {
    const { run } = withFiles();
    expect(run('sort t1').out).toBe('a\nb\nb\n');
    expect(run('sort -u t1').out).toBe('a\nb\n');
    expect(run('sort -k2 -n t2').out).toBe('y 9\nx 10\nz 10\n');
    expect(run('sort -k2 t2').out).toBe('x 10\nz 10\ny 9\n');
    expect(run('sort -r t2').out).toBe('z 10\ny 9\nx 10\n');
    expect(run('sort nope')).toEqual({ out: '', err: 'sort: cannot read: nope: No such file or directory\n', code: 2 });
  });

  it('counts runs with uniq -c in GNU format', () => {
    expect(withFiles().run('sort t1 | uniq -c').out).toBe('      1 a\n      2 b\n');
  });
});

describe('tee', () => {
  it('copies stdin to stdout and to files, appending with -a', () => {
    const { run } = testShell();
    expect(run('echo one | tee out').out).toBe('one\n');
    expect(run('echo two | tee -a out > /dev/null; cat out').out).toBe('one\ntwo\n');
    expect(run('echo x | tee no/where').err).toBe('tee: no/where: No such file or directory\n');
  });
});

describe('base64', () => {
  it('encodes and decodes text', () => {
    const { run } = testShell();
    expect(run('echo -n bibble235:secret | base64').out).toBe('YmliYmxlMjM1OnNlY3JldA==\n');
    expect(run('echo YmliYmxlMjM1OnNlY3JldA== | base64 -d').out).toBe('bibble235:secret');
  });

  it('stops at invalid input', () => {
    expect(testShell().run('echo -n aGk | base64 -d')).toEqual({ out: 'hi', err: 'base64: invalid input\n', code: 1 });
  });
});
