// The lab's copy of github.com/nigelpoulton/getting-started-k8s, the repository the seed
// notes clone: the Node.js app under App/ (as the notes' `cd getting-started-k8s/App` expects;
// upstream later moved it to App/v1; its shop links shortened as the catalogue's image serves
// them) and the Pod, Service and Deployment manifests.

export const GETTING_STARTED_FILES: Readonly<Record<string, string>> = {
  'App/Dockerfile': `FROM node:current-slim

LABEL MAINTAINER=nigelpoulton@hotmail.com

# Copy source code to /src in container
COPY . /src

# Install app and dependencies into /src in container
RUN cd /src; npm install

# Document the port the app listens on
EXPOSE 8080

# Run this command (starts the app) when the container starts
CMD cd /src && node ./app.js
`,
  'App/app.js': `// Simple node.js web app for demonstrating containerizing apps
// For quick demo purposes only (not properly maintained)
'use strict';

var express = require('express'),
    app = express();

app.set('views', 'views');
app.set('view engine', 'pug');

app.get('/', function(req, res) {
    res.render('home.pug', {
  });
});

app.listen(8080);
module.exports.getApp = app;`,
  'App/package.json': `{
  "name": "container-web-test",
  "private": true,
  "version": "0.0.2",
  "description": "Demo app for Web container demonstrations",
  "main": "app.js",
  "author": "Nigel Poulton <nigelpoulton@hotmail.com>",
  "license": "Will contain vulnerabilities!",
  "dependencies": {
    "express": "4.17.1",
    "pug": "3.0.2"
  }
}
`,
  'App/views/home.pug': `html
  head
    title='PS FTW'
    link(rel='stylesheet', href='https://stackpath.bootstrapcdn.com/bootstrap/4.4.1/css/bootstrap.min.css')
  body
    div.container
      div.jumbotron
        h1 Hello from Pluralsight
        p We hope you're enjoying learning Docker and Kubernetes!
        p 
          a.btn.btn-primary(href="https://www.amazon.com/dp/B08T21NW4Z" target="_blank") Quick Start Kubernetes

          a.btn.btn-outline-primary(href="https://www.amazon.com/dp/B072TS9ZQZ" target="_blank") The Kubernetes Book          
          
          a.btn.btn-primary(href="https://www.amazon.com/dp/1521822808" target="_blank") Docker Deep Dive
        p
        p Be careful. The last time I updated the packages in this app was July 2021.
`,
  'Pods/pod.yml': `# Simple Kubernetes Pod to deploy the app contained in nigelpoulton/getting-started-k8s:1.0
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
        - containerPort: 8080`,
  'Services/svc-nodeport.yml': `apiVersion: v1
kind: Service
metadata:
  name: ps-nodeport
spec:
  type: NodePort
  ports:
  - port: 80
    targetPort: 8080
    nodePort: 31111
    protocol: TCP
  selector:
    app: web
    `,
  'Services/svc-lb.yml': `# LoadBalancer Service. Will only work on supported cloud platforms (AKS, EKS, GKE, DOK, IBM, LKE etc...)
# Listens externally on 80 and forwards to Pod/container on 8080
apiVersion: v1
kind: Service
metadata:
  name: ps-lb
spec:
  type: LoadBalancer
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: web
`,
  'Deployments/deploy.yml': `# Simple deployment used to deploy and manage the app in nigelpoulton/getting-started-k8s:1.0
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-deploy
  labels:
    app: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec: 
      terminationGracePeriodSeconds: 1
      containers:
      - name: hello-pod
        image: nigelpoulton/getting-started-k8s:1.0
        imagePullPolicy: Always
        ports:
        - containerPort: 8080
`,
};
