# Namespaces, Secrets and ConfigMaps, made imperatively, and what create and apply say when an object already exists.
kubectl create namespace dev
# Known difference: kind also has a local-path-storage namespace (its storage provisioner).
kubectl get namespaces
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
kubectl apply -f pod.yml -n dev
kubectl get pods
sleep 5
kubectl get pods -n dev
# Known difference: a real kind cluster also lists its kube-system and local-path-storage pods with -A.
kubectl get pods -A
# Deleting a namespace deletes everything in it; kubectl waits until it is gone.
kubectl delete namespace dev
kubectl get namespaces
kubectl get pods -A
kubectl create secret generic db-pass --from-literal=username=admin --from-literal=password='S!B\*d$zDsb='
kubectl get secrets
kubectl get secret db-pass -o yaml
kubectl describe secret db-pass
kubectl get secret db-pass -o jsonpath='{.data.password}' | base64 -d
echo
echo -n 'debug=true' > app.properties
kubectl create configmap app-config --from-literal=color=blue --from-file=app.properties
kubectl get configmaps
kubectl get configmap app-config -o yaml
kubectl describe configmap app-config
kubectl create secret docker-registry regcred --docker-server=https://index.docker.io/v1/ --docker-username=bibble235 --docker-password=pa55word --docker-email=bibble@example.com
kubectl get secret regcred -o yaml
kubectl get secret regcred -o jsonpath='{.data.\.dockerconfigjson}' | base64 -d
echo
kubectl create secret generic db-pass --from-literal=username=root
# create refuses an object that exists; apply takes over an object create made, after a warning.
kubectl create -f pod.yml
kubectl create -f pod.yml
kubectl apply -f pod.yml
kubectl apply -f pod.yml
