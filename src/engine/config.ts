// Every timing the simulated cluster follows, in one place, with Kubernetes 1.32's defaults
// (kubelet, kube-controller-manager and kube-apiserver flags). A lesson may shorten them
// deliberately; the defaults match what a real cluster does.

export interface Timings {
  /** kubelet nodeStatusUpdateFrequency */
  readonly nodeStatusUpdateMs: number;
  /** kube-controller-manager --node-monitor-grace-period (50 s since 1.32) */
  readonly nodeMonitorGraceMs: number;
  /** DefaultTolerationSeconds admission plugin */
  readonly defaultTolerationSeconds: number;
  /** pod spec default terminationGracePeriodSeconds */
  readonly terminationGracePeriodSeconds: number;
  /** kubelet image pull and crash loop back-off: initial and cap */
  readonly backOffInitialMs: number;
  readonly backOffMaxMs: number;
  /** a container that ran this long without exiting resets its crash back-off */
  readonly backOffResetMs: number;
  /** how long the scheduler, kubelet and controllers take to react to a watch event */
  readonly schedulerLatencyMs: number;
  readonly kubeletLatencyMs: number;
  readonly controllerLatencyMs: number;
  /** creating the pod sandbox (network namespace, pause container, IP) */
  readonly sandboxMs: number;
  /** creating and starting one container once its image is present */
  readonly containerCreateMs: number;
  readonly containerStartMs: number;
  /** bytes per second an image layer downloads at (simulated registry bandwidth) */
  readonly pullBytesPerSecond: number;
  /** scheduler back-off for unschedulable pods: initial and max (podInitialBackoffSeconds, podMaxBackoffSeconds) */
  readonly schedulerBackoffInitialMs: number;
  readonly schedulerBackoffMaxMs: number;
  /** kube-controller-manager --node-monitor-period: how often node health is checked */
  readonly nodeMonitorPeriodMs: number;
  /** pod garbage collector: gcCheckPeriod, and how long a node must be gone before its pods are (quarantineTime) */
  readonly podGCPeriodMs: number;
  readonly podGCQuarantineMs: number;
}

export const defaultTimings: Timings = {
  nodeStatusUpdateMs: 10_000,
  nodeMonitorGraceMs: 50_000,
  defaultTolerationSeconds: 300,
  terminationGracePeriodSeconds: 30,
  backOffInitialMs: 10_000,
  backOffMaxMs: 300_000,
  backOffResetMs: 600_000,
  schedulerLatencyMs: 15,
  kubeletLatencyMs: 40,
  controllerLatencyMs: 10,
  sandboxMs: 600,
  containerCreateMs: 150,
  containerStartMs: 250,
  pullBytesPerSecond: 40_000_000,
  schedulerBackoffInitialMs: 1_000,
  schedulerBackoffMaxMs: 10_000,
  nodeMonitorPeriodMs: 5_000,
  podGCPeriodMs: 20_000,
  podGCQuarantineMs: 40_000,
};

/** The Kubernetes version the simulated cluster reports (server and kubelets). */
export const KUBERNETES_VERSION = 'v1.32.2';
/** the nodes' kernel (`uname -r`), which containers see too (nginx logs it) */
export const NODE_KERNEL_VERSION = '6.8.0-49-generic';
