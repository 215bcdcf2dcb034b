import { describe, expect, it } from 'vitest';
import { testShell } from '../commands/testShell.ts';

/** `kubectl describe secret` of a one-key Opaque secret (describe.go describeSecret). */
const secretText = (name: string, key: string, bytes: number): string =>
  `Name:         ${name}\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\n${key}:  ${bytes} bytes\n`;

function withSecrets(): ReturnType<typeof testShell>['run'] {
  const { run } = testShell();
  run('kubectl create secret generic web-one --from-literal=a=1; kubectl create secret generic web-two --from-literal=bb=22; kubectl create secret generic db --from-literal=c=333');
  return run;
}

describe('kubectl describe', () => {
  it('separates several objects as describe.go does, with "\\n\\n" before each after the first', () => {
    const run = withSecrets();
    expect(run('kubectl describe secrets')).toEqual({
      out: `${secretText('db', 'c', 3)}\n\n${secretText('web-one', 'a', 1)}\n\n${secretText('web-two', 'bb', 2)}`,
      err: '',
      code: 0,
    });
    expect(run('kubectl describe secret/db secret/web-one').out).toBe(`${secretText('db', 'c', 3)}\n\n${secretText('web-one', 'a', 1)}`);
  });

  it('describes every object whose name starts with NAME when none is called NAME', () => {
    const run = withSecrets();
    expect(run('kubectl describe secret web').out).toBe(`${secretText('web-one', 'a', 1)}\n${secretText('web-two', 'bb', 2)}\n`);
    expect(run('kubectl describe secret web-one').out).toBe(secretText('web-one', 'a', 1));
    expect(run('kubectl describe secret nope')).toEqual({ out: '', err: 'Error from server (NotFound): secrets "nope" not found\n', code: 1 });
  });

  it('prints what it found before the NotFound errors of several names', () => {
    const run = withSecrets();
    expect(run('kubectl describe secret nope db')).toEqual({ out: secretText('db', 'c', 3), err: 'Error from server (NotFound): secrets "nope" not found\n', code: 1 });
  });

  it('selects with -l and says when nothing matched', () => {
    const run = withSecrets();
    run('kubectl label secret db tier=data');
    expect(run('kubectl describe secrets -l tier=data').out).toContain('Name:         db\n');
    expect(run('kubectl describe secrets -l tier=web')).toEqual({ out: '', err: 'No resources found in default namespace.\n', code: 0 });
    expect(run('kubectl describe pods -A').err).toBe('No resources found\n');
  });

  it('needs a type', () => {
    expect(testShell().run('kubectl describe')).toEqual({
      out: '',
      err: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      code: 1,
    });
    expect(testShell().run('kubectl describe nope x').err).toBe('error: the server doesn\'t have a resource type "nope"\n');
  });

  it('describes the objects of a manifest file (-f)', () => {
    const run = withSecrets();
    run('cat > s.yml <<EOF\napiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nEOF');
    expect(run('kubectl describe -f s.yml').out).toBe(secretText('db', 'c', 3));
  });
});
