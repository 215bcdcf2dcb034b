// Which registry strategy each kind uses.

import type { ResourceType } from '../resources.ts';
import type { Strategy } from '../strategy.ts';
import { genericStrategy } from '../strategy.ts';
import { podStrategy } from './pod.ts';
import { deploymentStrategy } from './deployment.ts';
import { serviceStrategy } from './service.ts';
import { defaultWorkload } from '../defaults/workloads.ts';
import { defaultHorizontalPodAutoscaler } from '../defaults/autoscaling.ts';
import { configMapStrategy, eventStrategy, namespaceStrategy, nodeStrategy, secretStrategy } from './core.ts';

const strategies: Record<string, Strategy> = {
  Pod: podStrategy,
  Namespace: namespaceStrategy,
  Node: nodeStrategy,
  Secret: secretStrategy,
  ConfigMap: configMapStrategy,
  Event: eventStrategy,
  Service: serviceStrategy,
  Deployment: deploymentStrategy,
  ReplicaSet: { nameRule: 'subdomain', tracksGeneration: true, defaults: defaultWorkload },
  DaemonSet: { nameRule: 'subdomain', tracksGeneration: true, defaults: defaultWorkload },
  StatefulSet: { nameRule: 'subdomain', tracksGeneration: true, defaults: defaultWorkload },
  Job: { nameRule: 'subdomain', tracksGeneration: true, defaults: defaultWorkload },
  CronJob: { nameRule: 'subdomain', tracksGeneration: true },
  Ingress: { nameRule: 'subdomain', tracksGeneration: true },
  HorizontalPodAutoscaler: { nameRule: 'subdomain', tracksGeneration: false, defaults: defaultHorizontalPodAutoscaler },
};

export function strategyFor(type: ResourceType): Strategy {
  return strategies[type.kind] ?? genericStrategy;
}
