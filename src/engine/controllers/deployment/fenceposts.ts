// Rolling-update fenceposts: how many pods a Deployment may add (maxSurge) or lose
// (maxUnavailable) during a rollout, from an int or a percent string. Imitates
// k8s.io/apimachinery intstr.GetScaledValueFromIntOrPercent, deployment util
// ResolveFenceposts / MaxSurge / MaxUnavailable / MinAvailable, and the apps validation.

/** An intstr.IntOrString: a JSON number is an int, a JSON string should be a percent. */
export type IntOrPercent = number | string;

export type Scaled = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

export type StrategyType = 'RollingUpdate' | 'Recreate';

/** The parts of a Deployment spec the rollout arithmetic reads. */
export interface RolloutSpec {
  readonly replicas: number;
  readonly strategy: StrategyType;
  /** Unset (undefined/null) counts as 0, as ResolveFenceposts does; defaulting sets "25%". */
  readonly maxSurge?: IntOrPercent | null;
  readonly maxUnavailable?: IntOrPercent | null;
}

export interface Fenceposts {
  readonly surge: number;
  readonly unavailable: number;
}

/** Go's strconv.Atoi for the values an IntOrString can hold. */
export function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

function intOrPercentValue(v: IntOrPercent): { value: number; isPercent: boolean } | string {
  if (typeof v === 'number') return { value: Math.trunc(v), isPercent: false };
  if (!v.endsWith('%')) return 'invalid type: string is not a percentage';
  const digits = v.slice(0, -1);
  const value = atoi(digits);
  if (value === undefined) return `invalid value "${v}": strconv.Atoi: parsing "${digits}": invalid syntax`;
  return { value, isPercent: true };
}

/**
 * intstr.GetScaledValueFromIntOrPercent: ints pass through, percents scale against total,
 * rounded up or down. A string without '%' is an error, worded as apimachinery words it.
 */
export function scaledValue(v: IntOrPercent, total: number, roundUp: boolean): Scaled {
  const parsed = intOrPercentValue(v);
  if (typeof parsed === 'string') return { ok: false, error: `invalid value for IntOrString: ${parsed}` };
  if (!parsed.isPercent) return { ok: true, value: parsed.value };
  const exact = (parsed.value * total) / 100;
  return { ok: true, value: roundUp ? Math.ceil(exact) : Math.floor(exact) };
}

/**
 * ResolveFenceposts: surge rounds up, unavailable rounds down, and if both come to 0 the
 * rollout could never move, so unavailable becomes 1.
 */
export function resolveFenceposts(
  maxSurge: IntOrPercent | null | undefined,
  maxUnavailable: IntOrPercent | null | undefined,
  desired: number,
): { readonly ok: true; readonly value: Fenceposts } | { readonly ok: false; readonly error: string } {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  if (!surge.ok) return surge;
  const unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (!unavailable.ok) return unavailable;
  const bothZero = surge.value === 0 && unavailable.value === 0;
  return { ok: true, value: { surge: surge.value, unavailable: bothZero ? 1 : unavailable.value } };
}

/** deploymentutil.MaxSurge: 0 for Recreate (and, as upstream, when the values do not parse). */
export function maxSurge(spec: RolloutSpec): number {
  if (spec.strategy !== 'RollingUpdate') return 0;
  const r = resolveFenceposts(spec.maxSurge, spec.maxUnavailable, spec.replicas);
  return r.ok ? r.value.surge : 0;
}

/** deploymentutil.MaxUnavailable: 0 for Recreate or 0 replicas, never more than spec.replicas. */
export function maxUnavailable(spec: RolloutSpec): number {
  if (spec.strategy !== 'RollingUpdate' || spec.replicas === 0) return 0;
  const r = resolveFenceposts(spec.maxSurge, spec.maxUnavailable, spec.replicas);
  const unavailable = r.ok ? r.value.unavailable : 0;
  return Math.min(unavailable, spec.replicas);
}

/** deploymentutil.MinAvailable: the availability floor a rolling update keeps. */
export function minAvailable(spec: RolloutSpec): number {
  if (spec.strategy !== 'RollingUpdate') return 0;
  return spec.replicas - maxUnavailable(spec);
}

export interface FieldError {
  readonly field: string;
  /** The whole line as kube-apiserver prints it inside a validation failure. */
  readonly message: string;
}

const PERCENT_MSG =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

const shown = (v: IntOrPercent): string => (typeof v === 'number' ? String(v) : JSON.stringify(v));

function validatePositiveIntOrPercent(v: IntOrPercent, field: string): FieldError[] {
  if (typeof v === 'string') {
    return /^[0-9]+%$/.test(v) ? [] : [{ field, message: `${field}: Invalid value: ${shown(v)}: ${PERCENT_MSG}` }];
  }
  return v < 0 ? [{ field, message: `${field}: Invalid value: ${v}: must be greater than or equal to 0` }] : [];
}

/** apps validation getIntOrPercentValue: an invalid percent string counts as its Atoi (usually 0). */
function intOrPercentForValidation(v: IntOrPercent): { value: number; isPercent: boolean } {
  if (typeof v === 'number') return { value: v, isPercent: false };
  if (/^[0-9]+%$/.test(v)) return { value: Number(v.slice(0, -1)), isPercent: true };
  return { value: atoi(v) ?? 0, isPercent: false };
}

/**
 * ValidateRollingUpdateDeployment for spec.strategy.rollingUpdate, in upstream's order:
 * maxUnavailable format, maxSurge format, both zero, maxUnavailable over 100%.
 */
export function validateRollingUpdate(
  rollingUpdate: { readonly maxSurge: IntOrPercent; readonly maxUnavailable: IntOrPercent },
  path = 'spec.strategy.rollingUpdate',
): FieldError[] {
  const unavailableField = `${path}.maxUnavailable`;
  const errors = [
    ...validatePositiveIntOrPercent(rollingUpdate.maxUnavailable, unavailableField),
    ...validatePositiveIntOrPercent(rollingUpdate.maxSurge, `${path}.maxSurge`),
  ];
  const unavailable = intOrPercentForValidation(rollingUpdate.maxUnavailable);
  if (unavailable.value === 0 && intOrPercentForValidation(rollingUpdate.maxSurge).value === 0) {
    const message = `${unavailableField}: Invalid value: ${shown(rollingUpdate.maxUnavailable)}: may not be 0 when \`maxSurge\` is 0`;
    errors.push({ field: unavailableField, message });
  }
  if (unavailable.isPercent && unavailable.value > 100) {
    const message = `${unavailableField}: Invalid value: ${shown(rollingUpdate.maxUnavailable)}: must not be greater than 100%`;
    errors.push({ field: unavailableField, message });
  }
  return errors;
}
