# The Horizontal Pod Autoscaler: a deployment whose pods ask for 100m of CPU, an HPA aiming
# at 50% of it, then simulated load. Every 15 s the autoscaler reads the pods' CPU (averaged
# over metrics-server's 15 s window) and asks for ceil(replicas × utilization / target),
# at most doubling (or +4) per sync and never past --max. When the load drops it waits out
# the 5-minute scale-down stabilisation window before shrinking back.
cat > web.yml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
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
        resources:
          requests:
            cpu: 100m
YAML
kubectl apply -f web.yml
kubectl autoscale deployment web --cpu-percent=50 --min=1 --max=10
kubectl get hpa
sleep 20
kubectl get hpa
kubectl top pods
sleep 30
kubectl get hpa
kubelab load deployment/web --cpu=200
sleep 60
kubectl get hpa
kubectl get deploy web
sleep 60
kubectl get hpa
kubectl get deploy web
kubectl top pods
kubectl top nodes
kubelab load deployment/web --cpu=10
sleep 60
kubectl get hpa
kubectl get deploy web
sleep 400
kubectl get hpa
kubectl get deploy web
kubectl describe hpa web
