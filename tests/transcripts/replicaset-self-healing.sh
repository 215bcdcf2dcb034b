# A ReplicaSet keeps three nginx pods running: delete one and a replacement appears; scale
# it up and down; delete the ReplicaSet and its pods go with it (background cascade).
cat > rs.yml <<'YAML'
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
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
        ports:
        - containerPort: 80
YAML
kubectl apply -f rs.yml
sleep 10
kubectl get rs
kubectl get rs -o wide
kubectl get pods --show-labels
kubectl delete pod web-dn59m
kubectl get pods
sleep 5
kubectl get rs web
kubectl scale rs/web --replicas=5
sleep 5
kubectl get pods -o wide
# Scaling down deletes the pods doubled up on a node first, then the most recently ready.
kubectl scale --replicas=1 -f rs.yml
sleep 0.1
kubectl get pods
sleep 40
kubectl get rs,pods
kubectl scale rs/nope --replicas=2
kubectl scale rs/web --replicas=-1
kubectl get events --field-selector involvedObject.kind=ReplicaSet
kubectl delete rs web
sleep 0.1
kubectl get rs,pods
sleep 5
kubectl get rs,pods
