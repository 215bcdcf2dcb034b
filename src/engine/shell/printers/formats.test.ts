import { describe, expect, it } from 'vitest';
import { typeForKind } from '../../api/resources.ts';
import type { KubeObject } from '../../api/objects.ts';
import { formatObjects, listOf, marshalCompactJson, marshalJson, nameOf, yamlStream } from './formats.ts';
import { goFloat, marshalYaml, yamlKeyLess } from './goyaml.ts';
import generated from './testdata/kubectl-yaml.json';

interface Generated {
  args: string[];
  json: string;
  yaml: string;
}

describe('-o yaml', () => {
  it.each((generated.captures as Generated[]).map((c) => [c.args.slice(0, 3).join(' '), c] as const))(
    'matches `kubectl %s ... --dry-run=client -o yaml` byte for byte',
    (_, c) => {
      expect(marshalYaml(JSON.parse(c.json))).toBe(c.yaml);
    },
  );

  it('does not indent a sequence under its key', () => {
    const pod = { spec: { containers: [{ image: 'nginx', name: 'web', ports: [{ containerPort: 80 }] }] } };
    expect(marshalYaml(pod)).toBe('spec:\n  containers:\n  - image: nginx\n    name: web\n    ports:\n    - containerPort: 80\n');
  });

  it('quotes strings that would read back as numbers, booleans, nulls or timestamps', () => {
    const y = marshalYaml({ a: '80', b: 'true', c: '', d: '2021-08-14T05:53:23Z', e: 'yes', f: 80, g: true, h: null });
    expect(y).toBe('a: "80"\nb: "true"\nc: ""\nd: "2021-08-14T05:53:23Z"\ne: "yes"\nf: 80\ng: true\nh: null\n');
  });

  it('writes empty maps and lists in flow style and nested lists after the dash', () => {
    expect(marshalYaml({ a: {}, b: [], c: [[1, 2], []] })).toBe('a: {}\nb: []\nc:\n- - 1\n  - 2\n- []\n');
  });

  it('orders keys like yaml.v2: digit runs by value, non-letters before letters', () => {
    const keys = ['a10', 'a2', 'b', '_x', 'A'];
    expect([...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0))).toEqual(['_x', 'A', 'a2', 'a10', 'b']);
  });

  it('prints non-integer numbers as Go strconv g does', () => {
    expect([0.5, 1234567.5, 0.00001, 1e21].map(goFloat)).toEqual(['0.5', '1.2345675e+06', '1e-05', '1e+21']);
  });

  it('separates several documents with ---', () => {
    expect(yamlStream([{ a: 1 }, { b: 2 }])).toBe('a: 1\n---\nb: 2\n');
  });
});

describe('-o json', () => {
  it('indents by 4, sorts keys byte-wise and escapes HTML characters like Go', () => {
    expect(marshalJson({ b: [1, { '10': 'x', '9': '<&>' }], a: {}, c: [] })).toBe(
      '{\n    "a": {},\n    "b": [\n        1,\n        {\n            "10": "x",\n            "9": "\\u003c\\u0026\\u003e"\n        }\n    ],\n    "c": []\n}\n',
    );
  });

  it('has a compact form for jsonpath results', () => {
    expect(marshalCompactJson({ z: [1, 'a'], a: { b: null } })).toBe('{"a":{"b":null},"z":[1,"a"]}');
  });
});

describe('kubectl get with -o json|yaml|name', () => {
  const deploy = typeForKind('Deployment')!;
  const web = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', uid: 'u', resourceVersion: '1', creationTimestamp: '2026-01-01T09:00:00Z' } } as KubeObject;

  it('names objects as kind.group/name', () => {
    expect(nameOf(deploy, web)).toBe('deployment.apps/web');
    expect(formatObjects('name', deploy, [web, web], false)).toBe('deployment.apps/web\ndeployment.apps/web\n');
  });

  it('prints a named object alone and anything else as a List', () => {
    expect(formatObjects('yaml', deploy, [web], true)).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
    expect(formatObjects('yaml', deploy, [], false)).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    expect(listOf([web])).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' } });
  });
});
