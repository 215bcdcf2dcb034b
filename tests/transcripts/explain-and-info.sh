# What kubectl can tell about the API and the cluster itself: explain, version, cluster-info, api-resources, and a node in detail.
kubectl explain pods
kubectl explain pods.spec.containers.ports
kubectl version
kubectl cluster-info
# Known difference: the lab lists only the resources it stores; a real 1.32 API server lists about 60 (rbac, storage, policy, ...).
kubectl api-resources
kubectl get nodes -o wide
# Two pods on kubelab-worker, so describe node lists them and adds up their requests and limits.
# Known difference: on a real kind node kindnet and kube-proxy pods are listed (and counted) too.
cat > two-pods.yml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  nodeName: kubelab-worker
  containers:
  - name: web
    image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: sized
spec:
  nodeName: kubelab-worker
  containers:
  - name: web
    image: nginx
    resources:
      requests:
        cpu: 250m
        memory: 64Mi
      limits:
        cpu: 500m
        memory: 128Mi
EOF
kubectl apply -f two-pods.yml
sleep 5
kubectl get pods -o wide
kubectl describe node kubelab-worker
kubectl get node kubelab-worker -o yaml | head -40
