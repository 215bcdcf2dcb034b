# preset: microk8s
# The seed notes' version labels: a Service selecting only `app: hello` sends traffic to the
# 1.3 and the 1.4 pods alike; adding `version: "1.4"` to its selector leaves the 1.3 pods out.
cat > hello-1.3.yml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello-1.3
spec:
  replicas: 2
  selector:
    matchLabels:
      app: hello
      version: "1.3"
  template:
    metadata:
      labels:
        app: hello
        version: "1.3"
    spec:
      containers:
      - name: web
        image: nigelpoulton/getting-started-k8s:1.0
        ports:
        - containerPort: 8080
YAML
cat > hello-1.4.yml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello-1.4
spec:
  replicas: 2
  selector:
    matchLabels:
      app: hello
      version: "1.4"
  template:
    metadata:
      labels:
        app: hello
        version: "1.4"
    spec:
      containers:
      - name: web
        image: nigelpoulton/getting-started-k8s:2.0
        ports:
        - containerPort: 8080
YAML
cat > svc.yml <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: hello-svc
spec:
  ports:
  - port: 8080
  selector:
    app: hello
YAML
kubectl apply -f hello-1.3.yml -f hello-1.4.yml -f svc.yml
sleep 30
kubectl get pods --show-labels
kubectl get ep hello-svc
CIP=$(kubectl get svc hello-svc -o jsonpath='{.spec.clusterIP}')
# Version 1.0 of the image titles its page "PS FTW", 2.0 "Hello PS".
for i in $(seq 1 20); do curl -s http://$CIP:8080 | grep -o '<title>[^<]*'; done | sort | uniq -c
# kubectl patch is not in the lab yet: change the selector in the file and apply it again.
cat > svc.yml <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: hello-svc
spec:
  ports:
  - port: 8080
  selector:
    app: hello
    version: "1.4"
YAML
kubectl apply -f svc.yml
sleep 2
kubectl describe svc hello-svc | grep -E 'Selector|Endpoints'
kubectl get ep hello-svc
for i in $(seq 1 20); do curl -s http://$CIP:8080 | grep -o '<title>[^<]*'; done | sort | uniq -c
# Relabel one 1.4 pod: it leaves the Service's endpoints (and its ReplicaSet, which starts a replacement).
POD=$(kubectl get pods -l version=1.4 -o jsonpath='{.items[0].metadata.name}')
kubectl label pod $POD app=other --overwrite
sleep 1
kubectl get ep hello-svc
kubectl get pods -l version=1.4 --show-labels
sleep 30
kubectl get ep hello-svc
# Back in: the Service selects it again, and the ReplicaSet, now one over, deletes a pod.
kubectl label pod $POD app=hello --overwrite
sleep 40
kubectl get pods -l version=1.4 --show-labels
kubectl get ep hello-svc
kubectl delete -f hello-1.3.yml -f hello-1.4.yml -f svc.yml
