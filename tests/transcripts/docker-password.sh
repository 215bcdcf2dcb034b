# The seed notes' "Docker Password" chapter: a private image needs an image pull secret.
cat > bibbleweb.yml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: bibbleweb-pod
  labels:
    app: bibbleweb
spec:
  containers:
    - name: bibbleweb-container
      image: bibble235/bibbleweb:0.0.1
      ports:
       - containerPort: 443
  imagePullSecrets:
  - name: regcred
EOF
kubectl apply -f bibbleweb.yml
sleep 20
kubectl get pods
kubectl describe pod bibbleweb-pod
docker login
cat ~/.docker/config.json
kubectl create secret generic regcred \
    --from-file=.dockerconfigjson=$HOME/.docker/config.json \
    --type=kubernetes.io/dockerconfigjson
kubectl get secrets
kubectl get secret regcred -o yaml
kubectl delete pod bibbleweb-pod
kubectl apply -f bibbleweb.yml
sleep 15
kubectl get pods -o wide
kubectl describe pod bibbleweb-pod
