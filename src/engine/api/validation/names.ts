// Name, label and annotation rules of k8s.io/apimachinery/pkg/util/validation and
// apimachinery's ValidateObjectMeta, with the exact messages kube-apiserver returns.

import type { FieldCause } from '../errors.ts';
import { isRecord } from '../objects.ts';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

const q = (v: string): string => JSON.stringify(v);

export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) {
    errs.push(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
  }
  return errs;
}

export function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(value)) {
    errs.push(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  }
  return errs;
}

/** RFC 1035 label: what Service names must be. */
export function dns1035LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(value)) {
    errs.push(
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    );
  }
  return errs;
}

function qualifiedNameErrors(key: string): string[] {
  const parts = key.split('/');
  let name = key;
  const errs: string[] = [];
  if (parts.length === 2) {
    const [prefix, n] = parts as [string, string];
    name = n;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123SubdomainErrors(prefix).map((e) => `prefix part ${e}`));
  } else if (parts.length > 2) {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (name.length > 0 && !QUALIFIED_NAME.test(name)) {
    errs.push(
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
  }
  return errs;
}

export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) {
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  }
  return errs;
}

export function validateLabels(labels: unknown, path: string): FieldCause[] {
  if (!isRecord(labels)) return [];
  const causes: FieldCause[] = [];
  for (const [k, v] of Object.entries(labels)) {
    for (const e of qualifiedNameErrors(k)) causes.push({ field: path, message: `Invalid value: ${q(k)}: ${e}` });
    for (const e of labelValueErrors(String(v ?? ''))) causes.push({ field: path, message: `Invalid value: ${q(String(v ?? ''))}: ${e}` });
  }
  return causes;
}

export function validateAnnotations(annotations: unknown, path: string): FieldCause[] {
  if (!isRecord(annotations)) return [];
  const causes: FieldCause[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const e of qualifiedNameErrors(k.toLowerCase())) causes.push({ field: path, message: `Invalid value: ${q(k)}: ${e}` });
    total += k.length + String(v ?? '').length;
  }
  if (total > 262144) causes.push({ field: path, message: `Too long: may not be more than 262144 bytes` });
  return causes;
}

export type NameRule = 'subdomain' | 'label' | 'dns1035';

/** metadata.name / generateName, labels and annotations (ValidateObjectMeta). */
export function validateObjectMeta(meta: Record<string, unknown>, rule: NameRule, namespaced: boolean): FieldCause[] {
  const causes: FieldCause[] = [];
  const name = typeof meta['name'] === 'string' ? meta['name'] : '';
  const check = rule === 'label' ? dns1123LabelErrors : rule === 'dns1035' ? dns1035LabelErrors : dns1123SubdomainErrors;
  if (!name) {
    causes.push({ field: 'metadata.name', message: 'Required value: name or generateName is required' });
  } else {
    for (const e of check(name)) causes.push({ field: 'metadata.name', message: `Invalid value: ${q(name)}: ${e}` });
  }
  if (namespaced && typeof meta['namespace'] === 'string' && meta['namespace']) {
    for (const e of dns1123LabelErrors(meta['namespace'])) causes.push({ field: 'metadata.namespace', message: `Invalid value: ${q(meta['namespace'])}: ${e}` });
  }
  causes.push(...validateLabels(meta['labels'], 'metadata.labels'));
  causes.push(...validateAnnotations(meta['annotations'], 'metadata.annotations'));
  return causes;
}
