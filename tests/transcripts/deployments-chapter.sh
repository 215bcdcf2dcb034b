# The seed notes' Deployments chapter: web-deploy runs 5 replicas of getting-started-k8s:1.0,
# then deploy-complete.yml rolls it to :2.0 one pod at a time (maxSurge 1, maxUnavailable 0,
# each new pod ready for 5 s before the next), then history and a rollback to revision 1.
cat > deploy.yml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-deploy
  labels:
    app: web
spec:
  replicas: 5
  selector:
    matchLabels:
      app: web
  revisionHistoryLimit: 5
  progressDeadlineSeconds: 300
  minReadySeconds: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: hello-pod
        image: nigelpoulton/getting-started-k8s:1.0
        ports:
        - containerPort: 8080
YAML
cat > deploy-complete.yml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-deploy
  labels:
    app: web
spec:
  replicas: 5
  selector:
    matchLabels:
      app: web
  revisionHistoryLimit: 5
  progressDeadlineSeconds: 300
  minReadySeconds: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: hello-pod
        image: nigelpoulton/getting-started-k8s:2.0
        ports:
        - containerPort: 8080
YAML
kubectl apply -f deploy.yml
kubectl rollout status deployment web-deploy
kubectl get deploy web-deploy
kubectl get rs
kubectl apply -f deploy-complete.yml
kubectl rollout status deployment web-deploy
kubectl get deploy
kubectl get rs
kubectl rollout history deploy web-deploy
kubectl rollout undo deploy web-deploy --to-revision=1
kubectl rollout status deploy web-deploy
kubectl rollout history deploy web-deploy
kubectl get rs
kubectl rollout undo deploy web-deploy --to-revision=9
kubectl get events --field-selector involvedObject.kind=Deployment
