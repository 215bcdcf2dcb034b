import { describe, expect, it } from 'vitest';
import type { Secret } from 'kubernetes-types/core/v1';
import { typeForKind } from '../../api/resources.ts';
import { base64Decode } from '../../base64.ts';
import { testShell } from '../commands/testShell.ts';

// Expected texts below are what the real kubectl v1.32 client prints for the same commands.

const FILES = `cat > a.txt <<EOF
hello
world
EOF
cat > b.properties <<EOF
# comment
x=1
  y=two words
EOF
mkdir d; echo 1 > d/one; echo 2 > d/two`;

describe('kubectl create secret docker-registry', () => {
  it('builds the .dockerconfigjson kubectl builds', () => {
    const { run } = testShell();
    expect(run('kubectl create secret docker-registry regcred --docker-username=u --docker-password=p --dry-run=client -o yaml').out).toBe(`apiVersion: v1
data:
  .dockerconfigjson: eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJ1IiwicGFzc3dvcmQiOiJwIiwiYXV0aCI6ImRUcHcifX19
kind: Secret
metadata:
  creationTimestamp: null
  name: regcred
type: kubernetes.io/dockerconfigjson
`);
    expect(run('kubectl create secret docker-registry regcred --docker-username=u --docker-password=p --docker-email=e@x.com --docker-server=myreg.io:5000 --dry-run=client -o json').out).toBe(`{
    "kind": "Secret",
    "apiVersion": "v1",
    "metadata": {
        "name": "regcred",
        "creationTimestamp": null
    },
    "data": {
        ".dockerconfigjson": "eyJhdXRocyI6eyJteXJlZy5pbzo1MDAwIjp7InVzZXJuYW1lIjoidSIsInBhc3N3b3JkIjoicCIsImVtYWlsIjoiZUB4LmNvbSIsImF1dGgiOiJkVHB3In19fQ=="
    },
    "type": "kubernetes.io/dockerconfigjson"
}
`);
  });

  it('creates it in the cluster and refuses a second one', () => {
    const t = testShell();
    expect(t.run('kubectl create secret docker-registry regcred --docker-server=myreg.io --docker-username=u --docker-password=p -n kube-public').out).toBe('secret/regcred created\n');
    const s = t.shell.cluster.api.get(typeForKind('Secret')!, 'kube-public', 'regcred') as unknown as Secret;
    expect(base64Decode(s.data!['.dockerconfigjson']!)).toBe('{"auths":{"myreg.io":{"username":"u","password":"p","auth":"dTpw"}}}');
    expect(t.run('kubectl create secret docker-registry regcred --docker-username=u --docker-password=p -n kube-public').err).toBe('error: failed to create secret secrets "regcred" already exists\n');
  });

  it('takes the whole config from a file, or insists on credentials', () => {
    const { run } = testShell();
    run(FILES);
    expect(run('kubectl create secret docker-registry r --from-file=a.txt --dry-run=client -o yaml').out).toBe(
      'apiVersion: v1\ndata:\n  .dockerconfigjson: aGVsbG8Kd29ybGQK\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: r\ntype: kubernetes.io/dockerconfigjson\n',
    );
    expect(run('kubectl create secret docker-registry r --dry-run=client').err).toBe(
      'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n',
    );
  });
});

describe('kubectl create configmap and secret generic', () => {
  it('collects literals, files (with or without a key) and directories', () => {
    const { run } = testShell();
    run(FILES);
    expect(run('kubectl create configmap cm1 --from-literal=b=2 --from-literal=a=1 --from-file=a.txt --from-file=key2=b.properties --dry-run=client -o yaml').out).toBe(`apiVersion: v1
data:
  a: "1"
  a.txt: |
    hello
    world
  b: "2"
  key2: |
    # comment
    x=1
      y=two words
kind: ConfigMap
metadata:
  creationTimestamp: null
  name: cm1
`);
    expect(run('kubectl create cm x --from-file=d --dry-run=client -o yaml').out).toBe(
      'apiVersion: v1\ndata:\n  one: |\n    1\n  two: |\n    2\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: x\n',
    );
    expect(run('kubectl create secret generic s1 --from-literal=user=admin --from-file=a.txt --type=Opaque --dry-run=client -o yaml').out).toBe(
      'apiVersion: v1\ndata:\n  a.txt: aGVsbG8Kd29ybGQK\n  user: YWRtaW4=\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: s1\ntype: Opaque\n',
    );
    expect(run("kubectl create configmap x --from-literal=a=b=c --from-literal='c= spaced ' --dry-run=client -o yaml").out).toBe(
      "apiVersion: v1\ndata:\n  a: b=c\n  c: ' spaced '\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: x\n",
    );
  });

  it('reads env files', () => {
    const { run } = testShell();
    run(FILES);
    expect(run('kubectl create cm x --from-env-file=b.properties --dry-run=client -o yaml').out).toBe(
      'apiVersion: v1\ndata:\n  x: "1"\n  "y": two words\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: x\n',
    );
  });

  it('puts the namespace in the object only when -n is given, and prints JSON in struct order', () => {
    expect(testShell().run('kubectl create configmap cm1 --from-literal=b=2 --dry-run=client -o json -n foo').out).toBe(`{
    "kind": "ConfigMap",
    "apiVersion": "v1",
    "metadata": {
        "name": "cm1",
        "namespace": "foo",
        "creationTimestamp": null
    },
    "data": {
        "b": "2"
    }
}
`);
  });

  it("reports bad sources in kubectl's words", () => {
    const { run } = testShell();
    expect(run('kubectl create configmap cm1 --from-file=nosuch.txt --dry-run=client -o yaml').err).toBe('error: error reading nosuch.txt: no such file or directory\n');
    expect(run('kubectl create configmap cm1 --from-literal=a --dry-run=client').err).toBe('error: invalid literal source a, expected key=value\n');
    expect(run('kubectl create configmap cm1 --from-literal=a=1 --from-literal=a=2 --dry-run=client').err).toBe(
      'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "cm1"\n',
    );
    expect(run('kubectl create configmap --from-literal=a=1 --dry-run=client').err).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create configmap -h' for help and examples\n");
    expect(run("kubectl create secret generic s --from-literal='bad key=1' --dry-run=client").err).toBe(
      "error: \"bad key\" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n",
    );
    expect(run("kubectl create configmap cm1 --from-literal='bad key=1' --dry-run=client").err).toBe(
      "error: \"bad key\" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n",
    );
  });

  it('creates a configmap, and says why it cannot create it twice', () => {
    const { run } = testShell();
    expect(run('kubectl create configmap app --from-literal=a=1').out).toBe('configmap/app created\n');
    expect(run('kubectl create configmap app --from-literal=a=1').err).toBe('error: failed to create configmap: configmaps "app" already exists\n');
    expect(run('kubectl create configmap other --from-literal=a=1 --dry-run=server').out).toBe('configmap/other created (server dry run)\n');
    expect(run('kubectl get cm other').code).toBe(1);
  });
});

describe('kubectl create namespace', () => {
  it('prints the object kubectl would send', () => {
    const { run } = testShell();
    expect(run('kubectl create ns foo --dry-run=client -o yaml').out).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: foo\nspec: {}\nstatus: {}\n');
    expect(run('kubectl create namespace x -o json --dry-run=client --save-config').out).toBe(`{
    "kind": "Namespace",
    "apiVersion": "v1",
    "metadata": {
        "name": "x",
        "creationTimestamp": null,
        "annotations": {
            "kubectl.kubernetes.io/last-applied-configuration": "{\\"kind\\":\\"Namespace\\",\\"apiVersion\\":\\"v1\\",\\"metadata\\":{\\"name\\":\\"x\\",\\"creationTimestamp\\":null},\\"spec\\":{},\\"status\\":{}}\\n"
        }
    },
    "spec": {},
    "status": {}
}
`);
  });

  it('creates it, or passes on the API error', () => {
    const { run } = testShell();
    expect(run('kubectl create ns dev').out).toBe('namespace/dev created\n');
    expect(run('kubectl create ns default').err).toBe('Error from server (AlreadyExists): namespaces "default" already exists\n');
    expect(run('kubectl create namespace a b').err).toBe("error: exactly one NAME is required, got 2\nSee 'kubectl create namespace -h' for help and examples\n");
  });
});

describe('kubectl create without a generator', () => {
  it('rejects unknown generators and secret types as kubectl does', () => {
    const { run } = testShell();
    expect(run('kubectl create foo x --dry-run=client').err).toBe("error: Unexpected args: [foo x]\nSee 'kubectl create -h' for help and examples\n");
    expect(run('kubectl create secret foo x').err).toBe("error: unknown command \"foo x\"\nSee 'kubectl create secret -h' for help and examples\n");
    const help = run('kubectl create secret');
    expect(help.code).toBe(1);
    expect(help.err).toMatch(/^Create a secret with specified type\.\n/);
  });

  it('hands -f to apply (create)', () => {
    const { run } = testShell();
    run('cat > ns.yml <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: from-file\nEOF');
    expect(run('kubectl create -f ns.yml').out).toBe('namespace/from-file created\n');
  });
});

describe('kubectl create deployment', () => {
  it('prints what the real generator builds (checked against kubectl 1.32 --dry-run=client -o yaml)', () => {
    const { run } = testShell();
    expect(run('kubectl create deployment web --image=nginx --port=80 --dry-run=client -o yaml').out).toBe(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        ports:\n        - containerPort: 80\n        resources: {}\nstatus: {}\n',
    );
  });

  it('creates a Deployment whose ReplicaSet has the same name as on a real cluster', () => {
    const { run } = testShell();
    expect(run('kubectl create deployment nginx --image=nginx').out).toBe('deployment.apps/nginx created\n');
    expect(run('sleep 1; kubectl get rs -o name').out).toBe('replicaset.apps/nginx-5869d7778c\n');
    expect(run('kubectl create deployment nginx --image=nginx').err).toBe('error: failed to create deployment: deployments.apps "nginx" already exists\n');
    expect(run('kubectl create deployment x').err).toBe('error: required flag(s) "image" not set\n');
  });
});
