// The docker CLI's flag errors (spf13/cobra + pflag) over the lab's getopt: `unknown flag:
// --x`, `unknown shorthand flag: 'x' in -x`, `flag needs an argument`, each followed by
// `See 'docker build --help'.` and exit status 125 for usage errors, as docker exits.

import type { CommandContext } from '../process.ts';
import type { OptSpec, ParsedArgs } from './args.ts';
import { getopt } from './args.ts';

/** pflag's wording for a getopt error. */
function pflagMessage(error: string, argv: readonly string[]): string {
  let m = /^invalid option -- '(.)'$/.exec(error);
  if (m) return `unknown shorthand flag: '${m[1]}' in ${argv.find((a) => /^-[^-]/.test(a) && a.includes(m![1]!)) ?? `-${m[1]}`}`;
  m = /^unrecognized option '(--[^=]*)/.exec(error);
  if (m) return `unknown flag: ${m[1]}`;
  m = /^option requires an argument -- '(.)'$/.exec(error);
  if (m) return `flag needs an argument: '${m[1]}' in -${m[1]}`;
  m = /^option '(--[^']+)' requires an argument$/.exec(error);
  if (m) return `flag needs an argument: ${m[1]}`;
  return error;
}

/** Parses `docker <verb> …` arguments (after the verb) or prints docker's usage error. */
export function dockerArgs(ctx: CommandContext, verb: string, spec: OptSpec, from = 2): ParsedArgs | number {
  const args = ctx.argv.slice(from);
  const p = getopt(args, spec);
  if (!('error' in p)) return p;
  ctx.io.err(`${pflagMessage(p.error, args)}\nSee 'docker ${verb} --help'.\n`);
  return 125;
}
