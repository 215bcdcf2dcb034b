// Runs parsed shell syntax: and-or lists, pipelines (each command's stdout becomes the next
// one's stdin), redirections, heredocs, variables, loops and conditionals, with bash's exit
// statuses and messages. Commands are looked up in a table; each runs as a Proc.

import type { AndOrList, Command, CommandList, Pipeline, Redirect, SimpleCommand } from './syntax/ast.ts';
import type { ExpandContext } from './syntax/expand.ts';
import { ExpansionError, expandHeredoc, expandRedirectTarget, expandWord, expandWords } from './syntax/expand.ts';
import type { CommandFn, CommandIO, Proc, ShellEnv } from './process.ts';
import { asProc } from './process.ts';
import type { VirtualFS } from './vfs.ts';
import { HOME } from './vfs.ts';

export interface InterpreterHost {
  readonly vfs: VirtualFS;
  readonly env: ShellEnv;
  readonly interactive: boolean;
  lookup(name: string): CommandFn | undefined;
  /** runs a Proc to completion now (command substitution), advancing time as a script does */
  runNow(proc: Proc): number;
}

export class Interpreter {
  readonly #host: InterpreterHost;
  /** where `$(…)` substitutions send their stderr: the running command's */
  #errSink: (text: string) => void = () => {};

  constructor(host: InterpreterHost) {
    this.#host = host;
  }

  *list(list: CommandList, io: CommandIO): Proc {
    let status = 0;
    for (const item of list.items) status = yield* this.#andOr(item, io);
    return status;
  }

  *#andOr(item: AndOrList, io: CommandIO): Proc {
    let status = yield* this.#pipeline(item.first, io);
    for (const link of item.rest) {
      if ((link.op === '&&') === (status === 0)) status = yield* this.#pipeline(link.pipeline, io);
    }
    this.#host.env.lastStatus = status;
    return status;
  }

  *#pipeline(p: Pipeline, io: CommandIO): Proc {
    let stdin = io.stdin;
    let status = 0;
    for (let i = 0; i < p.commands.length; i++) {
      const last = i === p.commands.length - 1;
      let captured = '';
      const stageIO: CommandIO = last ? { ...io, stdin } : { stdin, out: (t) => void (captured += t), err: io.err, isTTY: false };
      status = yield* this.#command(p.commands[i]!, stageIO);
      stdin = captured;
    }
    if (p.negated) status = status === 0 ? 1 : 0;
    this.#host.env.lastStatus = status;
    return status;
  }

  *#command(cmd: Command, io: CommandIO): Proc {
    try {
      return yield* this.#commandInner(cmd, io);
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      // bash reports the expansion error and drops the rest of the command.
      io.err(`bash: ${e.message}\n`);
      return 1;
    }
  }

  *#commandInner(cmd: Command, io: CommandIO): Proc {
    this.#errSink = io.err;
    const redirected = this.#redirect(cmd.redirects, io);
    if (typeof redirected === 'string') {
      io.err(`bash: ${redirected}\n`);
      return 1;
    }
    const { io: rio, flush } = redirected;
    let status: number;
    switch (cmd.type) {
      case 'simple':
        status = yield* this.#simple(cmd, rio);
        break;
      case 'for': {
        status = 0;
        const words = cmd.words ? expandWords(cmd.words, this.#expandContext()) : [];
        for (const w of words) {
          this.#host.env.vars.set(cmd.name, w);
          status = yield* this.list(cmd.body, rio);
        }
        break;
      }
      case 'while':
      case 'until': {
        status = 0;
        for (let guard = 0; guard < 100_000; guard++) {
          const c = yield* this.list(cmd.condition, rio);
          if ((c === 0) !== (cmd.type === 'while')) break;
          status = yield* this.list(cmd.body, rio);
        }
        break;
      }
      case 'if': {
        status = 0;
        let ran = false;
        for (const clause of cmd.clauses) {
          if ((yield* this.list(clause.condition, rio)) === 0) {
            status = yield* this.list(clause.body, rio);
            ran = true;
            break;
          }
        }
        if (!ran && cmd.elseBody) status = yield* this.list(cmd.elseBody, rio);
        break;
      }
      case 'group':
        status = yield* this.list(cmd.body, rio);
        break;
      case 'subshell': {
        const env = this.#host.env;
        const saved = { vars: new Map(env.vars), cwd: env.cwd };
        status = yield* this.list(cmd.body, rio);
        env.vars.clear();
        for (const [k, v] of saved.vars) env.vars.set(k, v);
        env.cwd = saved.cwd;
        break;
      }
    }
    flush();
    return status;
  }

  *#simple(cmd: SimpleCommand, io: CommandIO): Proc {
    const ctx = this.#expandContext();
    const env = this.#host.env;
    const argv = expandWords(cmd.words, ctx);
    if (argv.length === 0) {
      for (const a of cmd.assignments) {
        const v = expandWord(a.value, ctx);
        env.vars.set(a.name, a.append ? (env.vars.get(a.name) ?? '') + v : v);
      }
      return 0;
    }
    const saved = new Map<string, string | undefined>();
    for (const a of cmd.assignments) {
      saved.set(a.name, env.vars.get(a.name));
      env.vars.set(a.name, expandWord(a.value, ctx));
    }
    try {
      const name = argv[0]!;
      const fn = this.#host.lookup(name);
      if (!fn) {
        io.err(`bash: ${name}: command not found\n`);
        return 127;
      }
      return yield* asProc(fn, { argv, io, env, vfs: this.#host.vfs, interactive: this.#host.interactive });
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) env.vars.delete(k);
        else env.vars.set(k, v);
      }
    }
  }

  #expandContext(): ExpandContext {
    const env = this.#host.env;
    return {
      getVar: (name) => (name === '?' ? String(env.lastStatus) : name === '#' ? '0' : env.vars.get(name)),
      setVar: (name, value) => void env.vars.set(name, value),
      home: env.vars.get('HOME') ?? HOME,
      runSubstitution: (list) => {
        let out = '';
        const status = this.#host.runNow(this.list(list, { stdin: '', out: (t) => void (out += t), err: this.#errSink, isTTY: false }));
        env.lastStatus = status;
        return out;
      },
    };
  }

  /** Applies redirections; returns the new streams and a flush that writes files at the end. */
  #redirect(redirects: readonly Redirect[], io: CommandIO): { io: CommandIO; flush: () => void } | string {
    if (redirects.length === 0) return { io, flush: () => {} };
    const ctx = this.#expandContext();
    const vfs = this.#host.vfs;
    let stdin = io.stdin;
    let out = io.out;
    let err = io.err;
    const files: { path: string; append: boolean; text: string }[] = [];
    const sink = (path: string, append: boolean): ((t: string) => void) => {
      if (path === '/dev/null') return () => {};
      if (path === '/dev/stderr') return io.err;
      if (path === '/dev/stdout') return io.out;
      const f = { path, append, text: '' };
      files.push(f);
      return (t) => void (f.text += t);
    };
    for (const r of redirects) {
      switch (r.type) {
        case 'heredoc':
          stdin = expandHeredoc(r.body, r.quoted, ctx);
          break;
        case 'herestring':
          stdin = `${expandWord(r.word, ctx)}\n`;
          break;
        case 'dup': {
          const target = expandWord(r.target, ctx);
          if (r.fd === 2 && target === '1') err = out;
          else if (r.fd === 1 && target === '2') out = err;
          break;
        }
        case 'file': {
          const raw = expandRedirectTarget(r.target, ctx);
          const path = raw === '/dev/null' ? raw : vfs.normalize(raw.replace(/^~(?=\/|$)/, HOME), this.#host.env.cwd);
          if (r.mode === 'read') {
            const text = vfs.read(path);
            if (text === undefined) return `${raw}: No such file or directory`;
            stdin = text;
          } else {
            if (vfs.isDir(path)) return `${raw}: Is a directory`;
            const s = sink(path, r.mode === 'append');
            if (r.fd === 1) out = s;
            else if (r.fd === 2) err = s;
            else if (r.fd === 'both') out = err = s;
          }
          break;
        }
      }
    }
    const flush = (): void => {
      for (const f of files) vfs.write(f.path, (f.append ? (vfs.read(f.path) ?? '') : '') + f.text);
    };
    // Files are created even when nothing is written to them, as `> file` does.
    for (const f of files) if (!f.append || !vfs.isFile(f.path)) vfs.write(f.path, f.append ? (vfs.read(f.path) ?? '') : '');
    const tty = out === io.out ? io.isTTY : false;
    return { io: { stdin, out, err, ...(tty !== undefined ? { isTTY: tty } : {}) }, flush };
  }
}

