// Expected outputs are what kubectl 1.32.4 printed for these objects, served to it by a
// stand-in API server. kubectl 1.32 ranges over Go maps for Secret and ConfigMap data, so
// its key order varies from run to run; the lab (and these expectations) sort the keys.

import { describe as suite, expect, it } from 'vitest';
import type { KubeObject } from '../../api/objects.ts';
import { defaultNamespace, regcred, webConfig, widget, widgetEvents } from './clusterFixtures.ts';
import { describe } from './describe.ts';
import { at } from './podFixtures.ts';

const meta = (name: string, extra: Record<string, unknown> = {}): KubeObject['metadata'] => ({
  name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: at(0), ...extra,
});

suite('kubectl describe namespace', () => {
  it('prints status and says there are no quotas or limit ranges', () => {
    expect(describe(defaultNamespace, { now: 300_000 })).toBe(NAMESPACE);
  });

  it('prints the conditions of a terminating namespace', () => {
    const doomed: KubeObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'doomed', uid: 'uid-doomed', resourceVersion: '1', creationTimestamp: at(0), deletionTimestamp: at(100), annotations: { a: 'b' } },
      status: {
        phase: 'Terminating',
        conditions: [{ type: 'NamespaceDeletionDiscoveryFailure', status: 'False', lastTransitionTime: at(101), reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' }],
      },
    };
    expect(describe(doomed, { now: 300_000 })).toBe(NAMESPACE_TERMINATING);
  });
});

suite('kubectl describe secret', () => {
  it('prints the size of each value, never the value', () => {
    expect(describe(regcred, { now: 300_000 })).toBe(SECRET);
  });

  it('prints a docker config secret', () => {
    const one: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: meta('one'), type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': 'eyJhdXRocyI6e319' } };
    expect(describe(one, { now: 300_000 })).toBe(SECRET_ONE);
  });

  it('prints a service-account token in clear', () => {
    const tok: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: meta('tok'), type: 'kubernetes.io/service-account-token', data: { token: 'ZXlKaGJHY2lPaUpTVXpJMU5pSjku' } };
    expect(describe(tok, { now: 300_000 })).toBe(SECRET_TOKEN);
  });
});

suite('kubectl describe configmap', () => {
  it('prints each value under its key, binary data by size, and hides last-applied-configuration', () => {
    expect(describe(webConfig, { now: 300_000, events: [] })).toBe(CONFIGMAP);
  });

  it('aligns tabs inside values, as the tabwriter does', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('one-cm', { labels: { a: 'b', c: 'd' } }), data: { 'game.properties': 'enemies=aliens\nlives=3\ta\tb' } };
    expect(describe(cm, { now: 300_000, events: [] })).toBe(CONFIGMAP_TABS);
  });

  it('prints empty sections for a config map without data', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('zero-cm') };
    expect(describe(cm, { now: 300_000, events: [] })).toBe(CONFIGMAP_EMPTY);
  });
});

suite('kubectl describe, generic describer', () => {
  it('prints every field of a kind without its own describer', () => {
    expect(describe(widget, { now: 300_000, events: widgetEvents })).toBe(WIDGET);
  });
});

const NAMESPACE = `Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`;

const NAMESPACE_TERMINATING = `Name:         doomed
Labels:       <none>
Annotations:  a: b
Status:       Terminating
Conditions:
  Type                               Status  LastTransitionTime               Reason               Message
  ----                               ------  ------------------               ------               -------
  NamespaceDeletionDiscoveryFailure  False   Thu, 01 Jan 2026 09:01:41 +0000  ResourcesDiscovered  All resources successfully discovered

No resource quota.

No LimitRange resource.
`;

const SECRET = `Name:         db-creds
Namespace:    default
Labels:       app=web
Annotations:  <none>

Type:  Opaque

Data
====
empty:     0 bytes
password:  7 bytes
username:  5 bytes
`;

const SECRET_ONE = `Name:         one
Namespace:    default
Labels:       <none>
Annotations:  <none>

Type:  kubernetes.io/dockerconfigjson

Data
====
.dockerconfigjson:  12 bytes
`;

const SECRET_TOKEN = `Name:         tok
Namespace:    default
Labels:       <none>
Annotations:  <none>

Type:  kubernetes.io/service-account-token

Data
====
token:  eyJhbGciOiJSUzI1NiJ9.
`;

const CONFIGMAP = `Name:         web-config
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====
app.properties:
----
color=blue
size=3


log.level:
----
debug


BinaryData
====
logo.png: 8 bytes

Events:  <none>
`;

const CONFIGMAP_TABS = `Name:         one-cm
Namespace:    default
Labels:       a=b
              c=d
Annotations:  <none>

Data
====
game.properties:
----
enemies=aliens
lives=3  a  b


BinaryData
====

Events:  <none>
`;

const CONFIGMAP_EMPTY = `Name:         zero-cm
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====

BinaryData
====

Events:  <none>
`;

const WIDGET = `Name:         blue-widget
Namespace:    default
Labels:       color=blue
Annotations:  <none>
API Version:  example.com/v1
Kind:         Widget
Metadata:
  Creation Timestamp:  2026-01-01T09:00:40Z
  Generation:          2
  Resource Version:    1600
  UID:                 widget-uid
Spec:
  API URL:  https://example.com
  Enabled:  true
  Owner:    <nil>
  Ports:
    Container Port:  80
    Name:            http
  Ratio:             0.25
  Size:              3
  Tags:
    a
    b
Events:
  Type    Reason  Age    From     Message
  ----    ------  ----   ----     -------
  Normal  Synced  4m19s  kubelet  Widget synced successfully
`;
