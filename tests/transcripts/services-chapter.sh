# preset: microk8s
# The seed notes' "Services" chapter: a stable frontend (name, ClusterIP, port) in front of the pods its selector picks.
cat > pod.yml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: hello-pod
  labels:
    app: web
spec:
  containers:
    - name: web-ctr
      image: nigelpoulton/getting-started-k8s:1.0
      ports:
        - containerPort: 8080
EOF
kubectl apply -f pod.yml
sleep 10
# Imperatively: without --port, expose takes the port from the pod's containerPort (8080).
kubectl expose pod hello-pod --name=hello-svc --target-port=8080 --type=NodePort
kubectl get svc
sleep 2
kubectl get ep hello-svc
kubectl describe svc hello-svc
# Declaratively, as in the notes, but with the notes' mistake: the selector says name where the pod says app.
cat > svc.yml <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: ps-nodeport
spec:
  type: NodePort
  ports:
  - port: 80
    targetPort: 8080
    nodePort: 31111
    protocol: TCP
  selector:
    name: web
EOF
kubectl apply -f svc.yml
sleep 2
kubectl get svc ps-nodeport
kubectl get ep ps-nodeport
kubectl describe ep ps-nodeport
# The selector matches no pod: the labels show why.
kubectl get pods --show-labels
cat > svc.yml <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: ps-nodeport
spec:
  type: NodePort
  ports:
  - port: 80
    targetPort: 8080
    nodePort: 31111
    protocol: TCP
  selector:
    app: web
EOF
kubectl apply -f svc.yml
sleep 2
kubectl describe ep ps-nodeport
kubectl get endpointslices
# Node ports come from 30000-32767 (the notes say 32000-32767), and each is cluster-wide.
cat > np-bad.yml <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: np-bad
spec:
  type: NodePort
  ports:
  - port: 80
    nodePort: 32768
  selector:
    app: web
EOF
kubectl apply -f np-bad.yml
cat > np-bad.yml <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: np-bad
spec:
  type: NodePort
  ports:
  - port: 80
    nodePort: 31111
  selector:
    app: web
EOF
kubectl apply -f np-bad.yml
kubectl create service nodeport web --tcp=80:8080
kubectl get svc
kubectl delete svc hello-svc
kubectl get svc
