// Per-kind registry strategies, as in kube-apiserver's pkg/registry/<group>/<kind>/strategy.go:
// what to default and validate on create and update, which name rule applies, and whether
// the kind tracks metadata.generation.

import type { KubeObject } from './objects.ts';
import type { FieldCause } from './errors.ts';
import type { NameRule } from './validation/names.ts';
import type { Random } from '../random.ts';
import type { Timings } from '../config.ts';
import type { ServiceAllocators } from './allocators.ts';

export interface StrategyContext {
  readonly random: Random;
  readonly timings: Timings;
  /** the cluster's ClusterIP and node port allocators (service CIDR from the preset) */
  readonly services: ServiceAllocators;
}

export interface Strategy {
  readonly nameRule: NameRule;
  /** metadata.generation starts at 1 and grows with each spec change */
  readonly tracksGeneration: boolean;
  /** fills in defaults on a fresh copy (create and update) */
  defaults?(obj: KubeObject, ctx: StrategyContext): void;
  /** once, on create only: status reset, admission additions */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void;
  /** on update, before validation: carry over what the server filled in (PrepareForUpdate) */
  prepareForUpdate?(obj: KubeObject, old: KubeObject): void;
  validate?(obj: KubeObject): FieldCause[];
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldCause[];
  /** besides a spec change, what else bumps metadata.generation (PrepareForUpdate) */
  bumpsGeneration?(obj: KubeObject, old: KubeObject): boolean;
  /**
   * After validation: reserves what the object needs from the cluster's allocators
   * (ClusterIPs, node ports); causes reject the write. A dry run only checks.
   */
  allocate?(obj: KubeObject, ctx: StrategyContext, dryRun: boolean): FieldCause[];
  allocateUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext, dryRun: boolean): FieldCause[];
}

export const genericStrategy: Strategy = { nameRule: 'subdomain', tracksGeneration: false };
