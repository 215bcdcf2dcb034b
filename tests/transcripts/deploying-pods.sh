# The seed notes' "Deploying Pods" chapter, typed as a learner would.
# The notes' manifest has a typo in the image (nigelpulton): the pull fails, as it would for real.
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
      image: nigelpulton/getting-started-k8s:1.0
      ports:
       - containerPort: 8080
EOF
kubectl apply -f pod.yml
kubectl get pods --watch -o wide --request-timeout=15s
kubectl describe pods hello-pod
# Delete the failing pod, fix the typo, and apply again.
kubectl delete -f pod.yml
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
kubectl get pods --watch -o wide --request-timeout=10s
kubectl describe pods hello-pod
kubectl apply -f pod.yml
kubectl get pods --show-labels
kubectl delete pod hello-pod
kubectl get pods
