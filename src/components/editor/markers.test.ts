import { describe, expect, it } from 'vitest';
import { fieldPaths, kubectlErrorMarkers, pathSegments } from './markers.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: hello-pod
spec:
  containers:
    - name: web-ctr
      imagee: nginx
      ports:
        - containerPort: "abc"
`;

describe('kubectl errors as editor markers', () => {
  it('puts a YAML syntax error on the line kubectl names', () => {
    const m = kubectlErrorMarkers('error: error parsing pod.yml: error converting YAML to JSON: yaml: line 5: nested mappings are not allowed in compact mappings\n', 'a: 1\n');
    expect(m).toEqual([{ line: 5, message: expect.stringContaining('yaml: line 5') }]);
  });

  it('finds an unknown field by its path', () => {
    const m = kubectlErrorMarkers('Error from server (BadRequest): error when creating "pod.yml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"\n', POD);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ line: 8, column: 7 });
  });

  it("finds a Go type error's field through the lists it crosses", () => {
    const m = kubectlErrorMarkers('Error from server (BadRequest): error when creating "pod.yml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32\n', POD);
    expect(m[0]).toMatchObject({ line: 10, column: 11 });
  });

  it('marks the nearest existing parent of a missing required field', () => {
    const m = kubectlErrorMarkers('The Pod "hello-pod" is invalid: spec.containers[0].image: Required value\n', POD);
    expect(m[0]!.line).toBe(7);
    expect(m[0]!.message).toContain('is missing here');
  });

  it('picks the document of the kind the error is about', () => {
    const multi = `${POD}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  foo: 1\n`;
    const m = kubectlErrorMarkers('Error from server (BadRequest): error when creating "m.yml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.foo"\n', multi);
    expect(m[0]!.line).toBe(17);
  });

  it('reads every field of a multi-error validation message', () => {
    expect(fieldPaths('The Pod "x" is invalid: [spec.containers[0].image: Required value, metadata.name: Invalid value: "A": a lowercase RFC 1123 subdomain]')).toEqual(['spec.containers[0].image', 'metadata.name']);
    expect(pathSegments('spec.containers[0].ports[1].name')).toEqual(['spec', 'containers', 0, 'ports', 1, 'name']);
  });

  it('ignores success lines', () => {
    expect(kubectlErrorMarkers('', POD)).toEqual([]);
  });
});
