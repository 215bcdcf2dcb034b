# A node fails: after the node monitor grace period (50 s) the node controller marks it
# NotReady and taints it unreachable; 300 s later (the pods' default toleration) the taint
# eviction controller deletes its pods and the ReplicaSet replaces them on the other nodes.
# The old pods stay Terminating until the node comes back. Then cordon, drain, uncordon.
cat > rs.yml <<'YAML'
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 6
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
YAML
kubectl apply -f rs.yml
sleep 10
kubectl get pods -o wide
kubelab node stop kubelab-worker2
sleep 30
kubectl get nodes
sleep 30
kubectl get nodes
kubectl describe node kubelab-worker2 | grep -A 3 Taints
kubectl describe node kubelab-worker2 | grep -A 12 Events
kubectl get pods -o wide
sleep 300
kubectl get pods -o wide
kubectl get rs web
kubectl get events --field-selector reason=TaintManagerEviction
kubelab node start kubelab-worker2
sleep 5
kubectl get nodes
kubectl get pods -o wide
kubectl cordon kubelab-worker
kubectl cordon kubelab-worker
kubectl get nodes
kubectl drain kubelab-worker --ignore-daemonsets
kubectl get pods -o wide
kubectl uncordon kubelab-worker
kubectl get nodes
