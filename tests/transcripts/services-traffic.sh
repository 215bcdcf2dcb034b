# preset: microk8s
# Traffic through a Service: kube-proxy spreads requests to a NodePort over the ready pods, at random.
kubectl create deployment web --image=nigelpoulton/getting-started-k8s:2.0 --replicas=5 --port=8080
cat > svc.yml <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: web-nodeport
spec:
  type: NodePort
  ports:
  - port: 80
    targetPort: 8080
    nodePort: 31111
  selector:
    app: web
EOF
kubectl apply -f svc.yml
sleep 20
kubectl get pods
kubectl get svc web-nodeport
curl -s localhost:31111
for i in $(seq 1 20); do curl -s localhost:31111 | grep -o 'web-[a-z0-9-]*'; done | sort | uniq -c
curl -s -o /dev/null -w '%{http_code}\n' http://192.168.1.70:31111/
kubectl logs deploy/web | tail -3
CIP=$(kubectl get svc web-nodeport -o jsonpath='{.spec.clusterIP}')
curl -s http://$CIP/ | grep -o 'web-[a-z0-9-]*'
# The node's resolver does not know cluster DNS names; only pods do.
curl hello-svc
curl localhost:31112
curl -m 2 http://10.152.183.99:80
echo $?
kubectl scale deployment web --replicas=0
sleep 40
kubectl get endpointslices
curl localhost:31111
echo $?
