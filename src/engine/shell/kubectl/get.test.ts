import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster.ts';
import { typeForKind } from '../../api/resources.ts';
import { Shell } from '../shell.ts';
import { testShell } from '../commands/testShell.ts';

/** A shell whose commands can run side by side, as in the page's terminal. */
function liveShell(): { shell: Shell; start: (cmd: string) => { output: () => string; run: ReturnType<Shell['run']> }; script: (cmd: string) => string } {
  const cluster = createCluster({ seed: 1 });
  const shell = new Shell(cluster);
  const start = (cmd: string): { output: () => string; run: ReturnType<Shell['run']> } => {
    let text = '';
    const run = shell.run(cmd, { write: (_s, t) => void (text += t) }, 'interactive');
    return { output: () => text, run };
  };
  const script = (cmd: string): string => {
    let text = '';
    shell.run(cmd, { write: (_s, t) => void (text += t) }, 'script');
    return text;
  };
  return { shell, start, script };
}

/** The `kubernetes` Service's age depends on when the cluster was bootstrapped: mask it (AGE is the last column, never padded). */
const maskServiceAge = (text: string): string => text.replace(/(443\/TCP {3})\S+\n/g, '$1<age>\n');

describe('kubectl get', () => {
  it('prints one table for a type, and says when there is nothing', () => {
    const { run } = testShell();
    expect(run('kubectl get pods')).toEqual({ out: '', err: 'No resources found in default namespace.\n', code: 0 });
    expect(run('kubectl get pods -n kube-public')).toEqual({ out: '', err: 'No resources found in kube-public namespace.\n', code: 0 });
    expect(run('kubectl get pods -A').err).toBe('No resources found\n');
    expect(maskServiceAge(run('kubectl get svc').out)).toBe(
      'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' + //
        'kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   <age>\n',
    );
  });

  it('prefixes names with their kind when several types are asked for, even if only one has objects', () => {
    const { run } = testShell();
    run('kubectl create secret generic app-secret --from-literal=a=1');
    expect(maskServiceAge(run('kubectl get all').out)).toBe(
      'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' + //
        'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   <age>\n',
    );
    expect(maskServiceAge(run('kubectl get svc,secrets').out)).toBe(
      'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' +
        'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   <age>\n' +
        '\n' +
        'NAME                TYPE     DATA   AGE\n' +
        'secret/app-secret   Opaque   1      0s\n',
    );
    expect(maskServiceAge(run('kubectl get svc,secrets --no-headers').out)).toBe('service/kubernetes   ClusterIP   10.96.0.1   <none>   443/TCP   <age>\nsecret/app-secret   Opaque   1     0s\n');
    expect(run('kubectl get secret/app-secret').out).toBe('NAME         TYPE     DATA   AGE\napp-secret   Opaque   1      0s\n');
  });

  it('prints what it found and then one NotFound per missing name', () => {
    const { run } = testShell();
    run('kubectl create cm one --from-literal=a=1');
    expect(run('kubectl get cm one nope')).toEqual({
      out: 'NAME   DATA   AGE\none    1      0s\n',
      err: 'Error from server (NotFound): configmaps "nope" not found\n',
      code: 1,
    });
    expect(run('kubectl get cm nope1 nope2').err).toBe('Error from server (NotFound): configmaps "nope1" not found\nError from server (NotFound): configmaps "nope2" not found\n');
    expect(run('kubectl get deploy web').err).toBe('Error from server (NotFound): deployments.apps "web" not found\n');
    expect(run('kubectl get cm nope --ignore-not-found')).toEqual({ out: '', err: '', code: 0 });
  });

  it("uses kubectl's own errors for arguments it cannot use", () => {
    const { run } = testShell();
    expect(run('kubectl get foo').err).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(run('kubectl get pods -l app=web web').err).toBe('error: name cannot be provided when a selector is specified\n');
    expect(run('kubectl get pod web -A').err).toBe('error: a resource cannot be retrieved by name across all namespaces\n');
    expect(run('kubectl get pods pod/web').err).toBe(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    );
    expect(run('kubectl get pods --show-labels -o yaml').err).toBe('error: --show-labels option cannot be used with yaml printer\n');
    expect(run('kubectl get').err).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    );
  });

  it('passes bad selectors to the API server, which refuses them', () => {
    const { run } = testShell();
    expect(run("kubectl get pods -l 'app in web'").err).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in web", field selector "": unable to parse requirement: found \'web\' expected: \'(\'\n',
    );
    expect(run('kubectl get deploy --field-selector=spec.replicas=1').err).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "spec.replicas=1": "spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
    );
    expect(run('kubectl get pods --field-selector=spec.host=x').code).toBe(0);
  });

  it('filters by labels and fields and shows labels', () => {
    const { run } = testShell();
    run('kubectl create secret generic a --from-literal=k=v; kubectl create secret generic b --from-literal=k=v; kubectl label secret a app=web; kubectl label secret b app=api tier=be');
    expect(run("kubectl get secrets -l 'app in (web,db)' --show-labels").out).toBe('NAME   TYPE     DATA   AGE   LABELS\na      Opaque   1      0s    app=web\n');
    expect(run('kubectl get secrets -l app,!tier -o name').out).toBe('secret/a\n');
    expect(run('kubectl get secrets --field-selector metadata.name!=a -o name').out).toBe('secret/b\n');
    expect(run('kubectl get secrets --field-selector type=Opaque,metadata.name=b -o name').out).toBe('secret/b\n');
    expect(run('kubectl get secrets -L tier,app').out).toBe('NAME   TYPE     DATA   AGE   TIER   APP\na      Opaque   1      0s           web\nb      Opaque   1      0s    be     api\n');
  });

  it('prints one object alone for -o yaml|json when one was named, else a List', () => {
    const { run } = testShell();
    run('kubectl create ns dev');
    expect(run('kubectl get ns dev -o yaml').out).toMatch(/^apiVersion: v1\nkind: Namespace\nmetadata:\n/);
    expect(run('kubectl get pods -o yaml').out).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    expect(run('kubectl get ns dev default -o json').out).toMatch(/^\{\n {4}"apiVersion": "v1",\n {4}"items": \[\n/);
    expect(run('kubectl get ns dev nope -o yaml')).toMatchObject({ err: 'Error from server (NotFound): namespaces "nope" not found\n', code: 1 });
    expect(run('kubectl get ns nope -o yaml')).toEqual({ out: '', err: 'Error from server (NotFound): namespaces "nope" not found\n', code: 1 });
  });

  it('gets the objects a manifest file names (-f)', () => {
    const { run } = testShell();
    run('kubectl create secret generic one --from-literal=a=1');
    run('cat > s.yml <<EOF\napiVersion: v1\nkind: Secret\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: two\nEOF');
    expect(run('kubectl get -f s.yml')).toEqual({
      out: 'NAME   TYPE     DATA   AGE\none    Opaque   1      0s\n',
      err: 'Error from server (NotFound): secrets "two" not found\n',
      code: 1,
    });
    expect(run('kubectl get -f nope.yml').err).toBe('error: the path "nope.yml" does not exist\n');
  });

  it('sorts with --sort-by and says when the field is nowhere', () => {
    const { run } = testShell();
    run('kubectl create secret generic b --from-literal=k=v; kubectl create secret generic a --from-literal=k=v --from-literal=l=w');
    expect(run('kubectl get secrets --sort-by=.data.l -o name').out).toBe('secret/b\nsecret/a\n');
    expect(run('kubectl get secrets --sort-by={.metadata.name} -o name').out).toBe('secret/a\nsecret/b\n');
    expect(run('kubectl get secrets --sort-by=.spec.nope').err).toBe('error: couldn\'t find any field with path "{.spec.nope}" in the list of objects\n');
  });

  it('refuses -o formats kubectl does not know, listing the ones it does', () => {
    expect(testShell().run('kubectl get pods -o foo').err).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
  });
});

describe('kubectl get --watch', () => {
  it('in a script, ends quietly after --request-timeout or 30 simulated seconds', () => {
    const { run, shell } = testShell();
    const t0 = shell.cluster.clock.now;
    expect(run('kubectl get pods -w --request-timeout=5s')).toEqual({ out: '', err: '', code: 0 });
    expect(shell.cluster.clock.now - t0).toBe(5_000);
    expect(run('kubectl get pods -w')).toEqual({ out: '', err: '', code: 0 });
    expect(shell.cluster.clock.now - t0).toBe(35_000);
    expect(run('kubectl get pods -w --request-timeout=abc').err).toBe(
      'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n',
    );
  });

  it('prints a row per change, keeping the column widths it has seen (tabwriter RememberWidths)', () => {
    const { shell, start, script } = liveShell();
    script('kubectl create secret generic app-secret --from-literal=a=1');
    shell.cluster.advance(5_000);
    const watch = start('kubectl get secrets -w');
    expect(watch.output()).toBe('NAME         TYPE     DATA   AGE\napp-secret   Opaque   1      5s\n');
    script('kubectl create secret generic a-much-longer-secret-name --from-literal=x=1 --from-literal=y=2');
    shell.poll();
    shell.cluster.advance(2_000);
    script('kubectl create secret generic b --from-literal=x=1');
    shell.cluster.api.delete(typeForKind('Secret')!, 'default', 'app-secret', { actor: 'kubectl' });
    shell.poll();
    expect(watch.output()).toBe(
      'NAME         TYPE     DATA   AGE\n' +
        'app-secret   Opaque   1      5s\n' +
        'a-much-longer-secret-name   Opaque   2      0s\n' +
        'b                           Opaque   1      0s\n' +
        'app-secret                  Opaque   1      7s\n',
    );
    expect(watch.run.finished).toBe(false);
    watch.run.interrupt();
    expect(watch.run.exitCode).toBe(130);
    script('kubectl create secret generic after --from-literal=x=1');
    shell.poll();
    expect(watch.output()).not.toContain('after');
  });

  it('with --watch-only prints the header with the first change', () => {
    const { shell, start, script } = liveShell();
    script('kubectl create secret generic old --from-literal=a=1');
    const watch = start('kubectl get secrets --watch-only -A');
    expect(watch.output()).toBe('');
    script('kubectl create secret generic new --from-literal=a=1 -n kube-public');
    shell.poll();
    expect(watch.output()).toBe('NAMESPACE     NAME   TYPE     DATA   AGE\nkube-public   new    Opaque   1      0s\n');
    watch.run.interrupt();
  });

  it('watches one named object, and only one type at a time', () => {
    const { shell, start, script } = liveShell();
    script('kubectl create configmap one --from-literal=a=1; kubectl create configmap two --from-literal=a=1');
    const watch = start('kubectl get cm one -w -o name');
    script('kubectl label cm two x=y; kubectl label cm one x=y');
    shell.poll();
    expect(watch.output()).toBe('configmap/one\nconfigmap/one\n');
    watch.run.interrupt();
    expect(script('kubectl get cm,svc -w')).toBe('error: you may only specify a single resource type\n');
  });
});
