// kubectl's command-line parsing (spf13/cobra + pflag): `-f x`, `-f=x`, `-fx`, `--file x`,
// `--file=x`, `-oyaml`, boolean flags, repeated flags, `--` ending flags, and pflag's
// messages for unknown flags and missing values.

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: 'bool' | 'string' | 'strings' | 'int';
  readonly default?: string | boolean | number;
}

export interface ParsedFlags {
  readonly positional: string[];
  /** everything after `--` */
  readonly rest: string[];
  readonly values: Map<string, string[]>;
  readonly bools: Set<string>;
}

/** Flags every kubectl command accepts. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'request-timeout', kind: 'string' },
  { name: 'v', short: 'v', kind: 'string' },
  { name: 'help', short: 'h', kind: 'bool' },
];

export class FlagError extends Error {}

export function parseFlags(args: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const positional: string[] = [];
  const values = new Map<string, string[]>();
  const bools = new Set<string>();
  const set = (spec: FlagSpec, value: string): void => {
    if (spec.kind === 'bool') {
      if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(value)) {
        throw new FlagError(`invalid argument "${value}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
      }
      if (['true', '1', 't', 'TRUE', 'True'].includes(value)) bools.add(spec.name);
      else bools.delete(spec.name);
      return;
    }
    if (spec.kind === 'int' && !/^-?\d+$/.test(value)) {
      throw new FlagError(`invalid argument "${value}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.name}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
    }
    const list = values.get(spec.name) ?? [];
    if (spec.kind === 'strings') list.push(...value.split(','));
    else list.push(value);
    values.set(spec.name, list);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return { positional, rest: args.slice(i + 1), values, bools };
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq !== -1) set(spec, a.slice(eq + 1));
      else if (spec.kind === 'bool') bools.add(spec.name);
      else {
        if (i + 1 >= args.length) throw new FlagError(`flag needs an argument: --${name}`);
        set(spec, args[++i]!);
      }
    } else if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        if (spec.kind === 'bool') {
          if (a[j + 1] === '=') {
            set(spec, a.slice(j + 2));
            break;
          }
          bools.add(spec.name);
          continue;
        }
        const restOf = a.slice(j + 1);
        if (restOf) set(spec, restOf.startsWith('=') ? restOf.slice(1) : restOf);
        else {
          if (i + 1 >= args.length) throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
          set(spec, args[++i]!);
        }
        break;
      }
    } else positional.push(a);
  }
  return { positional, rest: [], values, bools };
}

export const flagValue = (f: ParsedFlags, name: string): string | undefined => f.values.get(name)?.at(-1);
export const flagValues = (f: ParsedFlags, name: string): string[] => f.values.get(name) ?? [];
export const flagBool = (f: ParsedFlags, name: string): boolean => f.bools.has(name);
