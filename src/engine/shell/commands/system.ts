// The machine-setup commands the seed notes' install chapter types: sudo (runs the rest of
// the line, the lab being its only user), snap, usermod, chown, su, newgrp and git clone.
// None of them can do their real work in a browser tab, so each says so in one line; git
// clone of the course repository writes the lab's copy of its files.

import type { CommandContext, CommandFn, Proc } from '../process.ts';
import { asProc } from '../process.ts';
import type { Shell } from '../shell.ts';
import { labNote, resolve } from './args.ts';
import type { Lookup } from './coreutils.ts';
import { GETTING_STARTED_FILES } from './courseRepo.ts';

export function systemCommands(shell: Shell, lookup: Lookup): Record<string, CommandFn> {
  return {
    sudo: (ctx) => sudo(ctx, lookup),
    snap: (ctx) => snap(shell, ctx),
    usermod: (ctx) => {
      labNote(ctx, 'the lab has one user, learner, who can already use everything; no group change is needed');
      return 0;
    },
    chown: (ctx) => {
      labNote(ctx, 'every file in the lab already belongs to learner');
      return 0;
    },
    su: (ctx) => {
      labNote(ctx, 'the lab has one user, learner; there is no one to switch to (group changes need no new login here)');
      return 0;
    },
    newgrp: (ctx) => {
      labNote(ctx, 'the lab has no groups to switch to; learner can already use microk8s');
      return 0;
    },
    git: gitCommand,
  };
}

function* sudo(ctx: CommandContext, lookup: Lookup): Proc {
  let args = ctx.argv.slice(1);
  // sudo's own options (-E, -H, -u USER…) come before the command.
  while (args[0]?.startsWith('-')) args = args.slice(args[0] === '-u' || args[0] === '-g' ? 2 : 1);
  if (args.length === 0) {
    ctx.io.err('usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\nusage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user]\n            [-u user] [command [arg ...]]\nusage: sudo [-ABbEHkNnPS] [-C num] [-D directory] [-g group] [-h host] [-p\n            prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s]\n            [command [arg ...]]\nusage: sudo -e [-ABkNnS] [-C num] [-D directory] [-g group] [-h host] [-p\n            prompt] [-R directory] [-T timeout] [-u user] file ...\n');
    return 1;
  }
  const fn = lookup(args[0]!);
  if (!fn) {
    ctx.io.err(`sudo: ${args[0]!}: command not found\n`);
    return 1;
  }
  return yield* asProc(fn, { ...ctx, argv: args });
}

function snap(shell: Shell, ctx: CommandContext): number {
  const [verb, ...rest] = ctx.argv.slice(1);
  const name = rest.find((a) => !a.startsWith('-'));
  if (verb === 'install' && name === 'microk8s') {
    if (shell.cluster.preset.name === 'microk8s') {
      ctx.io.out(`snap "microk8s" is already installed, see 'snap help refresh'\n`);
      labNote(ctx, 'the lab already runs MicroK8s 1.32 (its microk8s preset)');
      return 0;
    }
    labNote(ctx, 'this lab runs a kind cluster; start the lab with the microk8s preset to follow the MicroK8s install');
    return 1;
  }
  labNote(ctx, `the lab has no snap store${verb === undefined ? '' : `: \`snap ${verb}\` is not simulated`}`);
  return 1;
}

const COURSE_REPO = /^(https:\/\/github\.com\/|git@github\.com:)nigelpoulton\/getting-started-k8s(\.git)?\/?$/;

function gitCommand(ctx: CommandContext): number {
  const [verb, ...rest] = ctx.argv.slice(1);
  if (verb !== 'clone') {
    labNote(ctx, verb === undefined ? 'the lab has git clone of the course repository only' : `\`git ${verb}\` is not simulated in the lab`);
    return 1;
  }
  const operands = rest.filter((a) => !a.startsWith('-'));
  const url = operands[0];
  if (url === undefined) {
    ctx.io.err('fatal: You must specify a repository to clone.\n\nusage: git clone [<options>] [--] <repo> [<dir>]\n');
    return 129;
  }
  const dirName = operands[1] ?? url.replace(/\/+$/, '').replace(/\.git$/, '').split(/[/:]/).pop()!;
  const dir = resolve(ctx, dirName);
  if (ctx.vfs.isFile(dir) || (ctx.vfs.isDir(dir) && ctx.vfs.list(dir).length > 0)) {
    ctx.io.err(`fatal: destination path '${dirName}' already exists and is not an empty directory.\n`);
    return 128;
  }
  ctx.io.err(`Cloning into '${dirName}'...\n`);
  if (!COURSE_REPO.test(url)) {
    const host = /^https?:\/\/([^/]+)/.exec(url)?.[1] ?? /^[^@]+@([^:]+):/.exec(url)?.[1] ?? url;
    labNote(ctx, 'the lab has no internet; it carries only nigelpoulton/getting-started-k8s');
    ctx.io.err(`fatal: unable to access '${url.endsWith('/') ? url : `${url}/`}': Could not resolve host: ${host}\n`);
    return 128;
  }
  ctx.vfs.mkdir(dir);
  for (const [path, content] of Object.entries(GETTING_STARTED_FILES)) ctx.vfs.write(`${dir}/${path}`, content);
  labNote(ctx, "no internet here: these are the lab's copies of the repository's App, Pods, Services and Deployments files");
  return 0;
}
