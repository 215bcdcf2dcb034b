# The seed notes' "Pods" chapter: multi-container pods, labels and annotations, resources and QoS, an unschedulable pod, volumes, hostNetwork, logs, crash loops and the ways to delete.
# A pod with two containers shares one IP; READY counts both (Pods/multi-pod.yml from nigelpoulton/getting-started-k8s).
cat > multi-pod.yml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: main-ctr
    image: nigelpoulton/nginxadapter:1.0
    ports:
    - containerPort: 80
  - name: helper-ctr
    image: nginx/nginx-prometheus-exporter
    args: ["-nginx.scrape-uri","http://localhost/nginx_status"]
    ports:
    - containerPort: 9113
EOF
kubectl apply -f multi-pod.yml
sleep 10
kubectl get pods -o wide
kubectl describe pod nginx
# Labels select; annotations only describe.
kubectl label pod nginx tier=front
kubectl label pod nginx tier=back
kubectl label pod nginx tier=back --overwrite
kubectl annotate pod nginx owner=bibble
kubectl get pods --show-labels
kubectl get pods -l tier=back
kubectl get pods -l tier=front
kubectl get pods -l 'tier in (front,back)' -L tier
kubectl describe pod nginx | head -8
kubectl label pod nginx tier-
kubectl delete pod nginx
# Requests and limits decide the QoS class; a request no node can meet leaves the pod Pending.
cat > resources.yml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: burstable
spec:
  containers:
  - name: web
    image: nginx
    resources:
      requests:
        memory: "64Mi"
        cpu: "250m"
      limits:
        memory: "128Mi"
        cpu: "500m"
---
apiVersion: v1
kind: Pod
metadata:
  name: guaranteed
spec:
  containers:
  - name: web
    image: nginx
    resources:
      limits:
        memory: "128Mi"
        cpu: "500m"
---
apiVersion: v1
kind: Pod
metadata:
  name: too-big
spec:
  containers:
  - name: web
    image: nginx
    resources:
      requests:
        cpu: 10
EOF
kubectl apply -f resources.yml
sleep 5
kubectl get pods
kubectl describe pod burstable | grep -A 7 Limits
kubectl describe pod guaranteed | grep -A 7 Limits
kubectl describe pod burstable guaranteed | grep QoS
kubectl describe pod too-big
kubectl delete -f resources.yml
# Volumes: a host directory, a scratch directory, and a ConfigMap and a Secret that do not exist yet.
cat > volumes.yml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: volumes
spec:
  containers:
  - name: web
    image: nginx
    volumeMounts:
    - mountPath: /etc/someshare
      name: someshare-volume
    - mountPath: /cache
      name: cache
    - mountPath: /etc/config
      name: config
    - mountPath: /etc/creds
      name: creds
      readOnly: true
  volumes:
  - name: someshare-volume
    hostPath:
      path: /home/learner/someshare
  - name: cache
    emptyDir: {}
  - name: config
    configMap:
      name: web-config
  - name: creds
    secret:
      secretName: web-creds
EOF
kubectl apply -f volumes.yml
sleep 5
kubectl get pods
kubectl describe pod volumes
kubectl create configmap web-config --from-literal=color=blue
kubectl create secret generic web-creds --from-literal=password=s3cret
sleep 10
kubectl get pods
kubectl describe pod volumes | grep -A 20 Events
# hostNetwork: the pod uses its node's network, so its IP is the node's.
cat > hostnet.yml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: hostnet
spec:
  hostNetwork: true
  containers:
  - name: web
    image: nginx
EOF
kubectl apply -f hostnet.yml
sleep 5
kubectl get pods -o wide
kubectl get nodes -o wide
# Logs: nginx's start-up lines, a shell's echo; busybox alone exits at once and is restarted with back-off.
kubectl run web --image=nginx
kubectl run hello --image=busybox -- sh -c 'echo hello; sleep 3600'
kubectl run crash --image=busybox
kubectl run oops --image=busybox -- sh -c 'echo "about to fail"; exit 1'
sleep 5
kubectl logs web
kubectl logs hello
kubectl get pods
sleep 20
kubectl get pods
kubectl logs oops
kubectl logs oops --previous
kubectl describe pod crash
kubectl get events --field-selector involvedObject.name=oops
# Known difference: a real kind cluster also lists its kube-system pods (CoreDNS, etcd, kindnet, kube-proxy, ...) here.
kubectl get pods -A
# Deleting: gracefully (default), at once (--now), without waiting (--force), or everything.
kubectl delete pod web --now
kubectl delete pod hello --grace-period=0 --force
kubectl delete pods --all
kubectl get pods
