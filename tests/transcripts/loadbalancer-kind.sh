# kind has no load balancer either: its docs install MetalLB on the Docker network's
# 172.18.255.x addresses, which the lab does with `kubelab addon`. From the Docker host,
# the external address answers once a node announces it.
kubectl create deployment web --image=nigelpoulton/getting-started-k8s:2.0 --replicas=2 --port=8080
kubectl expose deployment web --type=LoadBalancer --port=80 --target-port=8080
sleep 20
kubectl get svc web
kubelab addon metallb 172.18.255.200-172.18.255.250
sleep 2
kubectl get svc web -o wide
kubectl describe svc web | grep -A4 Events
for i in $(seq 1 10); do curl -s http://172.18.255.200 | grep -o 'web-[a-z0-9-]*'; done | sort | uniq -c
# The address comes from the pool; the NodePort on a node's address still works too.
kubectl get nodes -o wide | head -3
NP=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')
curl -s -o /dev/null -w '%{http_code}\n' http://172.18.0.3:$NP
kubelab addon
kubectl delete svc web
kubectl delete deployment web
