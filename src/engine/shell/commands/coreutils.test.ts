import { describe, expect, it } from 'vitest';
import { columns, humanSize } from './ls.ts';
import { testShell } from './testShell.ts';

describe('echo', () => {
  it('joins its arguments and ends the line', () => {
    expect(testShell().run('echo hello   world').out).toBe('hello world\n');
  });

  it('leaves the newline off with -n and reads escapes with -e', () => {
    const { run } = testShell();
    expect(run('echo -n x').out).toBe('x');
    expect(run(`echo -e 'a\\tb\\x41\\0101'`).out).toBe('a\tbAA\n');
    expect(run(`echo -e 'stop\\chere'`).out).toBe('stop');
    expect(run('echo -ez').out).toBe('-ez\n');
  });
});

describe('files', () => {
  it('writes with cat > file and reads it back', () => {
    const { run } = testShell();
    run('cat > pod.yml <<EOF\nkind: Pod\nEOF');
    expect(run('cat pod.yml').out).toBe('kind: Pod\n');
    expect(run('cat ~/pod.yml').out).toBe('kind: Pod\n');
  });

  it('reports a missing file and carries on with the others', () => {
    const { run } = testShell();
    run('echo a > a');
    expect(run('cat nope a')).toEqual({ out: 'a\n', err: 'cat: nope: No such file or directory\n', code: 1 });
  });

  it('numbers lines with cat -n', () => {
    const { run } = testShell();
    expect(run('echo -e "x\\ny" | cat -n').out).toBe('     1\tx\n     2\ty\n');
  });

  it('lists a directory in columns, files first, then directories under headers', () => {
    const { run } = testShell();
    run('mkdir -p app/views && touch a.yml b.yml app/x.js');
    expect(run('ls').out).toBe('a.yml  app  b.yml\n');
    expect(run('ls -1').out).toBe('a.yml\napp\nb.yml\n');
    expect(run('ls a.yml app nope')).toEqual({
      out: 'a.yml\n\napp:\nviews  x.js\n',
      err: "ls: cannot access 'nope': No such file or directory\n",
      code: 2,
    });
  });

  it('shows hidden files only with -a', () => {
    const { run } = testShell();
    run('touch .hidden shown');
    expect(run('ls').out).toBe('shown\n');
    expect(run('ls -a').out).toBe('.  ..  .hidden\tshown\n');
  });

  it('prints the long format with totals, sizes and the simulated time', () => {
    const { run } = testShell();
    run('mkdir d && echo hello > d/x.txt && mkdir d/inner');
    expect(run('ls -l d').out).toBe(
      'total 8\ndrwxr-xr-x 2 learner learner 4096 Jan  1 09:00 inner\n-rw-r--r-- 1 learner learner    6 Jan  1 09:00 x.txt\n',
    );
    expect(run('sleep 3600; echo hi > d/late; ls -l d/late').out).toBe('-rw-r--r-- 1 learner learner 3 Jan  1 10:00 d/late\n');
    expect(run('mkdir d/later; ls -l d | grep later').out).toBe('drwxr-xr-x 2 learner learner 4096 Jan  1 10:00 later\n');
  });

  it('removes files, refuses directories without -r, and is quiet with -f', () => {
    const { run } = testShell();
    run('echo x > f && mkdir d && echo y > d/y');
    expect(run('rm nope')).toEqual({ out: '', err: "rm: cannot remove 'nope': No such file or directory\n", code: 1 });
    expect(run('rm -f nope').code).toBe(0);
    expect(run('rm d').err).toBe("rm: cannot remove 'd': Is a directory\n");
    expect(run('rm f && rm -r d && cat f d/y').err).toBe('cat: f: No such file or directory\ncat: d/y: No such file or directory\n');
  });

  it('makes directories with mkdir and mkdir -p, with GNU quotes in its errors', () => {
    const { run } = testShell();
    expect(run('mkdir a/b').err).toBe('mkdir: cannot create directory ‘a/b’: No such file or directory\n');
    expect(run('mkdir -p a/b && mkdir a').err).toBe('mkdir: cannot create directory ‘a’: File exists\n');
    expect(run('mkdir -p a/b').code).toBe(0);
  });

  it('changes directory with cd, back with cd -, and reports missing ones as bash does', () => {
    const { run } = testShell();
    run('mkdir -p getting-started-k8s/App');
    expect(run('cd getting-started-k8s/App && pwd').out).toBe('/home/learner/getting-started-k8s/App\n');
    expect(run('cd - ').out).toBe('/home/learner\n');
    expect(run('cd nowhere')).toEqual({ out: '', err: 'bash: cd: nowhere: No such file or directory\n', code: 1 });
    expect(run('cd; pwd').out).toBe('/home/learner\n');
  });

  it('creates empty files with touch, but not in missing directories', () => {
    const { run } = testShell();
    expect(run('touch x && cat x').out).toBe('');
    expect(run('touch no/x').err).toBe("touch: cannot touch 'no/x': No such file or directory\n");
  });
});

describe('sleep', () => {
  it('lets simulated time pass, in seconds, minutes and fractions', () => {
    const { shell, run } = testShell();
    const start = shell.cluster.clock.now;
    run('sleep 1.5 && sleep 1m');
    expect(shell.cluster.clock.now - start).toBe(61_500);
  });

  it('rejects what is not a time interval', () => {
    expect(testShell().run('sleep 5x')).toEqual({ out: '', err: "sleep: invalid time interval ‘5x’\nTry 'sleep --help' for more information.\n", code: 1 });
    expect(testShell().run('sleep').err).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
  });
});

describe('variables', () => {
  it('exports, lists and unsets variables', () => {
    const { run } = testShell();
    expect(run('export NS=web; echo $NS').out).toBe('web\n');
    expect(run('export -p').out).toContain('declare -x NS="web"\n');
    expect(run('unset NS; echo "[$NS]"').out).toBe('[]\n');
    expect(run('export 1x=2')).toEqual({ out: '', err: "bash: export: `1x=2': not a valid identifier\n", code: 1 });
  });

  it('runs a command with extra variables through env', () => {
    const { run } = testShell();
    expect(run('env | grep ^HOME=').out).toBe('HOME=/home/learner\n');
    expect(run('env nope').err).toBe('env: ‘nope’: No such file or directory\n');
  });
});

describe('seq, date, whoami, hostname, which', () => {
  it('counts like GNU seq', () => {
    const { run } = testShell();
    expect(run('seq 3').out).toBe('1\n2\n3\n');
    expect(run('seq 1 0.5 2').out).toBe('1.0\n1.5\n2.0\n');
    expect(run('seq -w 9 10').out).toBe('09\n10\n');
    expect(run('seq -s, 3 -1 1').out).toBe('3,2,1\n');
    expect(run('seq x').err).toBe("seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\n");
  });

  it('prints the simulated clock as date does', () => {
    const { run } = testShell();
    expect(run('date').out).toBe('Thu Jan  1 09:00:00 UTC 2026\n');
    expect(run('sleep 90; date +%H:%M:%S').out).toBe('09:01:30\n');
    expect(run('date -I').out).toBe('2026-01-01\n');
  });

  it('knows who and where the learner is', () => {
    const { run } = testShell();
    expect(run('whoami; hostname').out).toBe('learner\nkubelab\n');
    expect(run('which kubectl ls nope')).toEqual({ out: '/usr/local/bin/kubectl\n/usr/bin/ls\n', err: '', code: 1 });
  });

  it('clears the screen with the terminal escape', () => {
    expect(testShell().run('clear').out).toBe('\x1b[H\x1b[2J');
  });
});

describe('option parsing', () => {
  it('reports unknown options as getopt does', () => {
    expect(testShell().run('ls -z')).toEqual({ out: '', err: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", code: 2 });
    expect(testShell().run('ls --nope').err).toBe("ls: unrecognized option '--nope'\nTry 'ls --help' for more information.\n");
  });
});

describe('ls helpers', () => {
  it('lays names out in columns the way ls.c does, tabs included', () => {
    const names = ['a.yml', 'bbbbbbbbb.yml', 'c', 'd', 'eeeeeeeeeeeeeeee', 'f', 'g', 'h', 'i', 'jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj', 'k'];
    expect(columns(names, 80)).toBe('a.yml\t       c  eeeeeeeeeeeeeeee  g  i\t\t\t\t  k\nbbbbbbbbb.yml  d  f\t\t    h  jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj\n');
  });

  it('rounds human sizes up like ls -h', () => {
    expect([humanSize(6), humanSize(4096), humanSize(1536), humanSize(10_240), humanSize(1_500_000)]).toEqual(['6', '4.0K', '1.5K', '10K', '1.5M']);
  });
});
