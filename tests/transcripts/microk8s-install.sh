# preset: microk8s
# The seed notes' "Installing Ubuntu" chapter on microk8s: install, wait, enable add-ons, look around.
sudo snap install microk8s --classic
sudo usermod -a -G microk8s $USER
sudo chown -f -R $USER ~/.kube
su - $USER
microk8s status --wait-ready
microk8s enable dashboard dns ingress
# Known difference: the lab does not run kube-system's own pods yet (calico, CoreDNS), so a real
# cluster lists more here: pods, the kube-dns service, daemonset, deployments and replicasets.
microk8s kubectl get all --all-namespaces
microk8s dashboard-proxy
microk8s kubectl get nodes -o wide
microk8s kubectl get svc
# A pod gets an address from Calico's pool, 10.1.0.0/16.
microk8s kubectl run web --image=nginx
sleep 10
microk8s kubectl get pods -o wide
