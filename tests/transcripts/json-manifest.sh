# The same pod in JSON, as the seed notes show it (with the image fixed).
cat > pod.json <<'EOF'
{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {
    "name": "hello-pod",
    "labels": {
      "app": "web"
    }
  },
  "spec": {
    "containers": [
      {
        "name": "web-ctr",
        "image": "nigelpoulton/getting-started-k8s:1.0",
        "ports": [
          {
            "containerPort": 8080
          }
        ]
      }
    ]
  }
}
EOF
kubectl apply -f pod.json
sleep 10
kubectl get pods -o wide
kubectl get pod hello-pod -o yaml
kubectl delete -f pod.json --now
