import { describe, expect, it } from 'vitest';
import { testShell } from '../commands/testShell.ts';

const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function withSecrets(): ReturnType<typeof testShell> {
  const t = testShell();
  t.run('kubectl create secret generic one --from-literal=a=1; kubectl create secret generic two --from-literal=a=1');
  return t;
}

const labelsOf = (t: ReturnType<typeof testShell>, name: string): unknown => t.run(`kubectl get secret ${name} -o json`).out && JSON.parse(t.run(`kubectl get secret ${name} -o json`).out).metadata.labels;

describe('kubectl label', () => {
  it('adds, keeps and removes labels, saying labeled, not labeled or unlabeled', () => {
    const t = withSecrets();
    expect(t.run('kubectl label secret one app=web tier=fe')).toEqual({ out: 'secret/one labeled\n', err: '', code: 0 });
    expect(labelsOf(t, 'one')).toEqual({ app: 'web', tier: 'fe' });
    expect(t.run('kubectl label secret/one app=web --overwrite').out).toBe('secret/one not labeled\n');
    expect(t.run('kubectl label secret one app=api --overwrite').out).toBe('secret/one labeled\n');
    expect(t.run('kubectl label secret one tier-').out).toBe('secret/one unlabeled\n');
    expect(t.run('kubectl label secret one nope-').out).toBe('label "nope" not found.\nsecret/one not labeled\n');
    expect(t.run('kubectl label secret one app-').out).toBe('secret/one unlabeled\n');
    expect(labelsOf(t, 'one')).toBeUndefined();
  });

  it('refuses to change a label without --overwrite', () => {
    const t = withSecrets();
    t.run('kubectl label secret one app=web tier=fe');
    expect(t.run('kubectl label secret one app=api')).toEqual({ out: '', err: "error: 'app' already has a value (web), and --overwrite is false\n", code: 1 });
    // Two keys in one object are an aggregate: one line each, without the `error: ` prefix.
    expect(t.run('kubectl label secret one app=api tier=be').err).toBe("'app' already has a value (web), and --overwrite is false\n'tier' already has a value (fe), and --overwrite is false\n");
    expect(labelsOf(t, 'one')).toEqual({ app: 'web', tier: 'fe' });
  });

  it('labels by selector or --all, and by several names', () => {
    const t = withSecrets();
    expect(t.run('kubectl label secrets --all env=dev').out).toBe('secret/one labeled\nsecret/two labeled\n');
    expect(t.run('kubectl label secrets -l env=dev team=a').out).toBe('secret/one labeled\nsecret/two labeled\n');
    expect(t.run('kubectl label secret one nope two x=y')).toEqual({ out: 'secret/one labeled\nsecret/two labeled\n', err: 'Error from server (NotFound): secrets "nope" not found\n', code: 1 });
    expect(t.run('kubectl label secret one z=1 --dry-run=client').out).toBe('secret/one labeled (dry run)\n');
    expect(labelsOf(t, 'one')).toEqual({ env: 'dev', team: 'a', x: 'y' });
  });

  it("rejects bad arguments with kubectl's messages", () => {
    const t = withSecrets();
    expect(t.run('kubectl label secret one').err).toBe('error: at least one label update is required\n');
    expect(t.run('kubectl label secrets app=web').err).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(t.run('kubectl label app=web').err).toBe('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
    expect(t.run('kubectl label secret one a=b two').err).toBe('error: all resources must be specified before label changes: two\n');
    expect(t.run('kubectl label secret one a=b=c').err).toBe('error: invalid label spec: a=b=c\n');
    expect(t.run("kubectl label secret one 'a=B!'").err).toBe(`error: invalid label value: "a=B!": ${LABEL_VALUE}\n`);
    expect(t.run('kubectl label secret one a=b a-').err).toBe('error: can not both modify and remove a label in the same command\n');
    expect(t.run('kubectl label secrets --all -l a=b c=d').err).toBe('error: cannot set --all and --selector at the same time\n');
  });

  it('lets the API server reject an invalid key', () => {
    const t = withSecrets();
    expect(t.run("kubectl label secret one 'bad key=x'").err).toBe(
      "The Secret \"one\" is invalid: metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n",
    );
  });
});

describe('kubectl annotate', () => {
  it('sets and removes annotations, always saying annotated', () => {
    const t = withSecrets();
    expect(t.run("kubectl annotate secret one note='hello world'").out).toBe('secret/one annotated\n');
    expect(t.run('kubectl annotate secret one --list').out).toBe('note=hello world\n');
    expect(t.run('kubectl annotate secret one note-').out).toBe('secret/one annotated\n');
    expect(t.run('kubectl annotate secret one note-').out).toBe('secret/one annotated\n');
  });

  it('names every key that already has a value when --overwrite is false', () => {
    const t = withSecrets();
    t.run('kubectl annotate secret one a=1 b=2');
    expect(t.run('kubectl annotate secret one a=3 b=4').err).toBe("error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (1); 'b' already has a value (2)\n");
    expect(t.run('kubectl annotate secret one a=3 --overwrite').out).toBe('secret/one annotated\n');
    expect(t.run('kubectl annotate secret one').err).toBe('error: at least one annotation update is required\n');
    expect(t.run('kubectl annotate secret one a=1 a-').err).toBe('error: can not both modify and remove the following annotation(s) in the same command: a\n');
  });
});
