# preset: microk8s
# The seed notes' third Service type: LoadBalancer. With no load balancer in the cluster its
# EXTERNAL-IP stays <pending> (the NodePort still works); MetalLB hands out addresses.
kubectl create deployment hello --image=nigelpoulton/getting-started-k8s:2.0 --replicas=3 --port=8080
sleep 20
kubectl expose deployment hello --type=LoadBalancer --port=8080
kubectl get svc hello
sleep 60
kubectl get svc hello
NP=$(kubectl get svc hello -o jsonpath='{.spec.ports[0].nodePort}')
curl -s -o /dev/null -w '%{http_code}\n' localhost:$NP
microk8s enable metallb
microk8s enable metallb:10.64.140.43-10.64.140.49
sleep 2
kubectl get svc
kubectl get svc hello -o jsonpath='{.status.loadBalancer}{"\n"}'
kubectl describe svc hello
for i in $(seq 1 12); do curl -s http://10.64.140.43:8080 | grep -o 'hello-[a-z0-9-]*'; done | sort | uniq -c
kubectl get events --field-selector involvedObject.name=hello
# A second LoadBalancer asks for a particular address; a third one for an address outside the pool.
kubectl create service loadbalancer web --tcp=80:8080
cat > pinned.yml <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: pinned
spec:
  type: LoadBalancer
  loadBalancerIP: 10.64.140.49
  selector:
    app: hello
  ports:
  - port: 80
    targetPort: 8080
YAML
kubectl apply -f pinned.yml
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: outside
spec:
  type: LoadBalancer
  loadBalancerIP: 10.64.141.1
  selector:
    app: hello
  ports:
  - port: 80
    targetPort: 8080
YAML
sleep 2
kubectl get svc
kubectl describe svc outside | grep -E 'LoadBalancer|AllocationFailed'
# Deleting a Service, or making it a ClusterIP one, gives its address back to the pool.
kubectl delete svc hello
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: pinned
spec:
  type: ClusterIP
  selector:
    app: hello
  ports:
  - port: 80
    targetPort: 8080
YAML
sleep 2
curl -m 2 http://10.64.140.43:8080
echo $?
kubectl get svc
# The pool's lowest free address goes to the next LoadBalancer.
kubectl create service loadbalancer api --tcp=80:8080
sleep 2
kubectl get svc api
kubectl delete deployment hello
