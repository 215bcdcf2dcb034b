// Per-kind registry strategies, as in kube-apiserver's pkg/registry/<group>/<kind>/strategy.go:
// what to default and validate on create and update, which name rule applies, and whether
// the kind tracks metadata.generation.

import type { KubeObject } from './objects.ts';
import type { FieldCause } from './errors.ts';
import type { NameRule } from './validation/names.ts';
import type { Random } from '../random.ts';
import type { Timings } from '../config.ts';

export interface StrategyContext {
  readonly random: Random;
  readonly timings: Timings;
  /** the cluster's current simulated time as RFC 3339 */
  readonly nowIso: string;
}

export interface Strategy {
  readonly nameRule: NameRule;
  /** metadata.generation starts at 1 and grows with each spec change */
  readonly tracksGeneration: boolean;
  /** fills in defaults on a fresh copy (create and update) */
  defaults?(obj: KubeObject, ctx: StrategyContext): void;
  /** once, on create only: status reset, admission additions */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void;
  validate?(obj: KubeObject): FieldCause[];
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldCause[];
  /** besides a spec change, what else bumps metadata.generation (PrepareForUpdate) */
  bumpsGeneration?(obj: KubeObject, old: KubeObject): boolean;
}

export const genericStrategy: Strategy = { nameRule: 'subdomain', tracksGeneration: false };
