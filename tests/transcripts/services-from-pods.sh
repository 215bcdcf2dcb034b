# Reaching Services from inside the cluster: kubectl exec, busybox one-offs, and cluster DNS.
kubectl create deployment hello --image=nginx --replicas=2 --port=80
kubectl expose deployment hello --name=hello-svc --port=80
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: hello-headless
spec:
  clusterIP: None
  selector:
    app: hello
  ports:
  - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: docs
spec:
  type: ExternalName
  externalName: kubernetes.io
EOF
sleep 30
kubectl get pods -o wide
kubectl get svc
kubectl exec deploy/hello -- curl -s http://hello-svc.default.svc.cluster.local
CIP=$(kubectl get svc hello-svc -o jsonpath='{.spec.clusterIP}')
kubectl exec deploy/hello -- curl -s -o /dev/null -w '%{http_code}\n' http://$CIP/
kubectl run tmp --image=busybox --rm -it --restart=Never -- wget -qO- http://hello-svc:80
kubectl run dns --image=busybox --restart=Never -- sleep 3600
sleep 10
kubectl exec dns -- cat /etc/resolv.conf
kubectl exec dns -- nslookup hello-svc
kubectl exec dns -- nslookup hello-headless
kubectl exec dns -- nslookup docs
kubectl exec dns -- nslookup nosuch
kubectl exec dns -- wget -O- http://hello-svc:80/nope
kubectl exec dns -- curl http://hello-svc
kubectl exec nosuch -- ls
kubectl exec dns
