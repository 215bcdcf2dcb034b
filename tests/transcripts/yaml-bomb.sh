# A YAML alias bomb (10^6 nodes from 10,000-ish aliases) is refused, quickly.
cat > bomb.yml <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: bomb
data:
  a: &a [x, x, x, x, x, x, x, x, x, x]
  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
EOF
kubectl apply -f bomb.yml
kubectl get configmaps
