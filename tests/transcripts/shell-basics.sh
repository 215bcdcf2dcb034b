# The lab's shell: variables, command substitution, pipes, loops, && and ||, files, a typo, and time passing with sleep.
NAME=web
echo "hello $NAME"
echo $HOME
pwd
mkdir demo
cd demo
pwd
cd
pwd
IMAGE=nginx:1.27.3
kubectl run $NAME --image=$IMAGE
for i in $(seq 1 3); do kubectl run web-$i --image=nginx; done
sleep 5
kubectl get pods | grep web-
kubectl get pods --no-headers | wc -l
kubectl get pods -o wide --no-headers | grep -o 'kubelab-worker[0-9]*' | sort | uniq -c
kubectl get pods -o name | head -2
POD=$(kubectl get pods -o name | head -1)
echo "first pod is $POD"
echo "there are $(kubectl get pods --no-headers | wc -l) pods"
kubectl get pod nosuch && echo found || echo "not found"
kubectl get pod web > /dev/null && echo "web exists"
ls
echo 'apiVersion: v1' > notes.txt
cat notes.txt
ls -l
rm notes.txt
ls
kubctl get pods
echo $?
sleep 30
kubectl get pods
