// API errors as kube-apiserver returns them (metav1.Status): a reason, a code, a message and,
// for Invalid, the field causes. kubectl turns them into `Error from server (NotFound): …`
// or `The Pod "x" is invalid: …` (k8s.io/apimachinery/pkg/api/errors).

import type { ResourceType } from './resources.ts';
import { qualifiedResource } from './resources.ts';

export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'BadRequest' | 'Conflict' | 'Forbidden' | 'MethodNotAllowed';

export interface FieldCause {
  /** `spec.containers[0].image` */
  readonly field: string;
  /** `Required value`, `Invalid value: "x": must be …` */
  readonly message: string;
}

export interface StatusError {
  readonly reason: StatusReason;
  readonly code: number;
  /** the server's message, as `Error from server (<reason>): <message>` prints it */
  readonly message: string;
  readonly kind?: string;
  readonly name?: string;
  readonly causes?: readonly FieldCause[];
  /** JSON-ish path of the offending field, for editor markers */
  readonly path?: string;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StatusError };

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = <T>(error: StatusError): ApiResult<T> => ({ ok: false, error });

export function notFound(type: ResourceType, name: string): StatusError {
  return { reason: 'NotFound', code: 404, message: `${qualifiedResource(type)} "${name}" not found`, name };
}

export function alreadyExists(type: ResourceType, name: string): StatusError {
  return { reason: 'AlreadyExists', code: 409, message: `${qualifiedResource(type)} "${name}" already exists`, name };
}

export function conflict(type: ResourceType, name: string): StatusError {
  return {
    reason: 'Conflict',
    code: 409,
    message: `Operation cannot be fulfilled on ${qualifiedResource(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    name,
  };
}

export function badRequest(message: string, path?: string): StatusError {
  return { reason: 'BadRequest', code: 400, message, ...(path ? { path } : {}) };
}

/** `Pod "x" is invalid: spec.containers[0].image: Required value` (kubectl rewrites the head). */
export function invalid(type: ResourceType, name: string, causes: readonly FieldCause[]): StatusError {
  const kind = type.group ? `${type.kind}.${type.group}` : type.kind;
  const body = causes.length === 1 ? `${causes[0]!.field}: ${causes[0]!.message}` : `[${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}]`;
  return { reason: 'Invalid', code: 422, message: `${kind} "${name}" is invalid: ${body}`, kind: type.kind, name, causes, ...(causes[0] ? { path: causes[0].field } : {}) };
}

export function forbidden(message: string): StatusError {
  return { reason: 'Forbidden', code: 403, message };
}
