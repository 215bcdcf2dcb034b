# Self-healing and scaling, as the seed notes' last chapter describes: a Deployment replaces a
# deleted pod, moves pods off a failed node once their toleration runs out, scales by hand,
# and a HorizontalPodAutoscaler scales it under load and back.
cat > web.yml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
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
      - name: web
        image: nigelpoulton/getting-started-k8s:1.0
        ports:
        - containerPort: 8080
        resources:
          requests:
            cpu: 100m
YAML
kubectl apply -f web.yml
kubectl rollout status deployment web --timeout=60s > /dev/null
kubectl get pods -o wide
# Delete a pod: the ReplicaSet makes a new one.
kubectl delete pod $(kubectl get pods -o jsonpath='{.items[0].metadata.name}')
kubectl get pods
# A node dies: after the 50 s grace it is NotReady, after 300 s more its pods are replaced.
kubelab node stop kubelab-worker2
sleep 60
kubectl get nodes
sleep 300
kubectl get pods -o wide
kubectl get deploy web
kubelab node start kubelab-worker2
sleep 40
kubectl get nodes
kubectl get pods -o wide
# Scale by hand.
kubectl scale deployment web --replicas=6
sleep 10
kubectl get deploy web
kubectl scale deployment web --replicas=2
sleep 40
kubectl get pods
# The autoscaler: 50% CPU target, then load.
kubectl autoscale deployment web --cpu-percent=50 --min=2 --max=8
kubelab load deployment/web --cpu=180
sleep 120
kubectl get hpa
kubectl get deploy web
kubectl top pods
kubelab load deployment/web --cpu=5
sleep 420
kubectl get hpa
kubectl get deploy web
