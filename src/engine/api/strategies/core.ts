// Strategies for the simple core kinds: Namespace, Node, Secret, ConfigMap, Event
// (pkg/registry/core/*/strategy.go), plus the name rules of other known kinds.

import type { Secret } from 'kubernetes-types/core/v1';
import type { Strategy } from '../strategy.ts';
import type { FieldCause } from '../errors.ts';
import { isRecord } from '../objects.ts';
import { base64Encode } from '../../base64.ts';

export const namespaceStrategy: Strategy = {
  nameRule: 'label',
  tracksGeneration: false,
  prepareForCreate(obj) {
    obj['spec'] = { finalizers: ['kubernetes'] };
    obj['status'] = { phase: 'Active' };
    const meta = obj.metadata;
    meta.labels = { ...(meta.labels ?? {}), 'kubernetes.io/metadata.name': meta.name };
  },
};

export const nodeStrategy: Strategy = { nameRule: 'subdomain', tracksGeneration: false };

const KEY = /^[-._a-zA-Z0-9]+$/;

function validateDataKeys(data: unknown, path: string): FieldCause[] {
  if (!isRecord(data)) return [];
  const causes: FieldCause[] = [];
  for (const k of Object.keys(data)) {
    if (!KEY.test(k) || k.length > 253) {
      causes.push({
        field: `${path}[${k}]`,
        message: `Invalid value: ${JSON.stringify(k)}: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
      });
    }
  }
  return causes;
}

/** kubernetes.io/dockerconfigjson secrets must carry a `.dockerconfigjson` key holding JSON. */
export const secretStrategy: Strategy = {
  nameRule: 'subdomain',
  tracksGeneration: false,
  defaults(obj) {
    const s = obj as unknown as Secret;
    s.type ??= 'Opaque';
    if (isRecord(obj['stringData'])) {
      // The API server folds stringData into data (base64) and drops it.
      const data = { ...((s.data ?? {}) as Record<string, string>) };
      for (const [k, v] of Object.entries(obj['stringData'])) data[k] = base64Encode(String(v));
      s.data = data;
      delete obj['stringData'];
    }
  },
  validate(obj) {
    const s = obj as unknown as Secret;
    const causes = validateDataKeys(s.data, 'data');
    if (s.type === 'kubernetes.io/dockerconfigjson' && !(s.data ?? {})['.dockerconfigjson']) {
      causes.push({ field: 'data[.dockerconfigjson]', message: 'Required value' });
    }
    return causes;
  },
};

export const configMapStrategy: Strategy = {
  nameRule: 'subdomain',
  tracksGeneration: false,
  validate(obj) {
    return [...validateDataKeys(obj['data'], 'data'), ...validateDataKeys(obj['binaryData'], 'binaryData')];
  },
};

export const eventStrategy: Strategy = { nameRule: 'subdomain', tracksGeneration: false };
