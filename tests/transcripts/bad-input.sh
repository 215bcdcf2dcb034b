# Wrong input gets kubectl's kind of error, with where it is, and the shell keeps working.
cat > broken.yml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: broken
  labels:
    app: web
   tier: front
spec:
  containers: []
EOF
kubectl apply -f broken.yml
cat > wrong-version.yml <<'EOF'
apiVersion: apps/v1
kind: Pod
metadata:
  name: wrong
EOF
kubectl apply -f wrong-version.yml
cat > typo-kind.yml <<'EOF'
apiVersion: apps/v1
kind: Deploymentt
metadata:
  name: typo
EOF
kubectl apply -f typo-kind.yml
echo '{"apiVersion":"v1","metadata":{"name":"nokind"}}' | kubectl apply -f -
cat > unknown-field.yml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: unknown-field
spec:
  containers:
  - name: web
    image: nginx
    commad: ["sleep", "10"]
EOF
kubectl apply -f unknown-field.yml
cat > wrong-type.yml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: wrong-type
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: "http"
EOF
kubectl apply -f wrong-type.yml
cat > no-image.yml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: no-image
spec:
  containers:
  - name: web
  - name: web
    image: nginx
EOF
kubectl apply -f no-image.yml
kubectl apply -f nosuch.yml
kubectl get pods/nosuch
kubectl get pod nosuch
kubectl delete pod nosuch
kubectl describe pod nosuch
kubectl get foo
kubectl gett pods
kubectl get pods --colour
kubectl get pods -z
kubectl get
kubectl delete
kubctl get pods
echo "the shell still works" && kubectl get ns
