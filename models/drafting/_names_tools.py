"""Hand-made names for the icons of tools, self-hosted software, SaaS and languages.

Same format as :mod:`models.drafting._curated` (which holds the cloud services):
``reference | label | alias; alias; …``, a leading ``=`` marks a name that only
counts written with its capitals.
"""

# fmt: off
TOOLS_TABLE = """
k8s/k8s | Kubernetes | K8s; Kubernetes cluster; Kubernetes clusters
onprem/queue/kafka | Kafka | Apache Kafka; Kafka topic; Kafka topics; Kafka broker; Kafka brokers
onprem/queue/rabbitmq | RabbitMQ | Rabbit MQ
onprem/queue/nats | NATS | NATS JetStream
onprem/queue/celery | Celery | Celery workers; Celery worker
onprem/queue/activemq | ActiveMQ | Apache ActiveMQ
onprem/queue/zeromq | ZeroMQ | ZMQ
onprem/database/postgresql | PostgreSQL | Postgres; Postgresql; psql
onprem/database/mysql | MySQL | MySQL database
onprem/database/mariadb | MariaDB | Maria DB
onprem/database/mongodb | MongoDB | Mongo
onprem/database/cassandra | Cassandra | Apache Cassandra
onprem/database/clickhouse | ClickHouse | Click House
onprem/database/influxdb | InfluxDB | Influx
onprem/database/cockroachdb | CockroachDB | Cockroach
onprem/database/neo4j | Neo4j | Neo4J
onprem/database/mssql | SQL Server | Microsoft SQL Server; MSSQL
onprem/database/oracle | Oracle Database | Oracle DB
onprem/database/duckdb | DuckDB | Duck DB
onprem/database/druid | Apache Druid | Druid
onprem/database/hbase | HBase | Apache HBase
onprem/database/couchdb | CouchDB | Apache CouchDB
onprem/database/scylla | ScyllaDB | Scylla
onprem/inmemory/redis | Redis | Redis cache; Valkey
onprem/inmemory/memcached | Memcached | memcache
onprem/monitoring/prometheus | Prometheus | Prometheus server
onprem/monitoring/grafana | Grafana | Grafana dashboards; Grafana dashboard
onprem/monitoring/thanos | Thanos | Thanos Query
onprem/monitoring/mimir | Grafana Mimir | Mimir
onprem/monitoring/cortex | Cortex | Cortex metrics
onprem/monitoring/datadog | Datadog | Datadog agent
onprem/monitoring/sentry | Sentry | Sentry SDK
onprem/monitoring/splunk | Splunk | Splunk Enterprise
onprem/monitoring/newrelic | New Relic | NewRelic
onprem/monitoring/prometheus-operator | Prometheus Operator | kube-prometheus
onprem/tracing/jaeger | Jaeger | Jaeger tracing
onprem/tracing/tempo | Grafana Tempo | Tempo
onprem/logging/loki | Loki | Grafana Loki
onprem/logging/fluentbit | Fluent Bit | Fluentbit; fluent-bit
onprem/aggregator/fluentd | Fluentd | fluentd
onprem/aggregator/vector | =Vector | Vector agent
onprem/logging/graylog | Graylog | Graylog server
onprem/network/nginx | NGINX | Nginx; nginx
onprem/network/envoy | Envoy | Envoy proxy
onprem/network/haproxy | HAProxy | HA Proxy
onprem/network/traefik | Traefik | Traefik proxy
onprem/network/istio | Istio | Istio service mesh
onprem/network/linkerd | Linkerd | Linkerd2
onprem/network/consul | Consul | HashiCorp Consul
onprem/network/kong | Kong | Kong Gateway
onprem/network/caddy | Caddy | Caddy server
onprem/network/apache | Apache HTTP Server | Apache httpd; httpd
onprem/network/tomcat | Tomcat | Apache Tomcat
onprem/network/gunicorn | Gunicorn | gunicorn
onprem/network/zookeeper | ZooKeeper | Apache ZooKeeper; Zookeeper
onprem/network/internet | =Internet | the Internet
onprem/dns/coredns | CoreDNS | Core DNS
onprem/security/vault | Vault | HashiCorp Vault
onprem/security/trivy | Trivy | Trivy scanner
onprem/analytics/spark | Apache Spark | Spark; PySpark; Spark job; Spark jobs
onprem/analytics/flink | Apache Flink | Flink; Flink job
onprem/analytics/beam | Apache Beam | Beam
onprem/analytics/hadoop | Hadoop | Apache Hadoop; HDFS
onprem/analytics/hive | Hive | Apache Hive; Hive metastore
onprem/analytics/presto | Presto | PrestoDB
onprem/analytics/trino | Trino | Trino cluster
onprem/analytics/dbt | dbt | dbt models; data build tool
onprem/analytics/databricks | Databricks | Databricks workspace
onprem/analytics/superset | Superset | Apache Superset
onprem/analytics/metabase | Metabase | Metabase dashboards
onprem/analytics/tableau | Tableau | Tableau dashboards
onprem/analytics/powerbi | Power BI | PowerBI
onprem/analytics/storm | Apache Storm | Storm
onprem/workflow/airflow | Airflow | Apache Airflow; Airflow DAG; Airflow DAGs
onprem/workflow/nifi | NiFi | Apache NiFi
onprem/workflow/kubeflow | Kubeflow | Kubeflow Pipelines
onprem/mlops/mlflow | MLflow | MLFlow
onprem/ci/jenkins | Jenkins | Jenkins pipeline
onprem/ci/github-actions | GitHub Actions | GitHub Actions workflow
onprem/ci/gitlabci | GitLab CI | GitLab CI/CD; GitLab Runner; GitLab runners
onprem/ci/circleci | CircleCI | Circle CI
onprem/vcs/github | GitHub | Github
onprem/vcs/gitlab | GitLab | Gitlab
onprem/vcs/git | Git | git repository
onprem/gitops/argocd | Argo CD | ArgoCD; Argo
onprem/gitops/flux | Flux | Flux CD; FluxCD
onprem/iac/terraform | Terraform | HashiCorp Terraform
onprem/iac/ansible | Ansible | Ansible playbook
onprem/iac/pulumi | Pulumi | Pulumi program
onprem/container/docker | Docker | Docker Engine; dockerd; Docker daemon
onprem/container/containerd | containerd | Containerd
onprem/container/crio | CRI-O | cri-o; crio
onprem/container/k3s | K3s | k3s
onprem/container/firecracker | Firecracker | Firecracker microVM; Firecracker microVMs
onprem/container/gvisor | gVisor | gvisor
onprem/container/lxc | LXC | Linux Containers
onprem/compute/nomad | Nomad | HashiCorp Nomad
onprem/registry/harbor | Harbor | Harbor registry
onprem/certificates/cert-manager | cert-manager | cert manager
onprem/certificates/lets-encrypt | Let's Encrypt | Lets Encrypt; LetsEncrypt
onprem/cd/spinnaker | Spinnaker | Spinnaker pipeline
onprem/cd/tekton | Tekton | Tekton Pipelines
onprem/search/solr | Solr | Apache Solr
onprem/storage/ceph | Ceph | Ceph cluster
onprem/auth/oauth2-proxy | OAuth2 Proxy | oauth2-proxy
onprem/identity/dex | Dex | Dex IdP
elastic/elasticsearch/elasticsearch | Elasticsearch | Elastic Search; ElasticSearch
elastic/elasticsearch/kibana | Kibana | Kibana dashboards
elastic/elasticsearch/logstash | Logstash | Logstash pipeline
elastic/beats/filebeat | Filebeat | filebeat
elastic/beats/metricbeat | Metricbeat | metricbeat
elastic/observability/apm | Elastic APM | APM Server
saas/analytics/snowflake | Snowflake | Snowflake warehouse
saas/cdn/cloudflare | Cloudflare | Cloudflare CDN
saas/cdn/fastly | Fastly | Fastly CDN
saas/cdn/akamai | Akamai | Akamai CDN
saas/identity/auth0 | Auth0 | Auth0 tenant
saas/identity/okta | Okta | Okta SSO
saas/chat/slack | Slack | Slack channel
saas/chat/teams | Microsoft Teams | MS Teams
saas/alerting/pagerduty | PagerDuty | Pagerduty
saas/alerting/opsgenie | Opsgenie | OpsGenie
saas/payment/stripe | Stripe | Stripe API
saas/payment/paypal | PayPal | Paypal
saas/communication/twilio | Twilio | Twilio API
saas/security/sonarqube | SonarQube | Sonar
programming/language/python | Python | Python 3
programming/language/nodejs | Node.js | Node; NodeJS; Node.js app
programming/language/typescript | TypeScript | Typescript
programming/language/javascript | JavaScript | Javascript
programming/language/java | Java | Java 17
programming/language/go | Go | Golang
programming/language/rust | Rust | Rust service
programming/language/kotlin | Kotlin | Kotlin service
programming/language/php | PHP | php
programming/language/ruby | Ruby | Ruby app
programming/language/scala | Scala | Scala job
programming/language/csharp | C# | CSharp
programming/language/bash | Bash | bash script
programming/framework/django | Django | Django app
programming/framework/flask | Flask | Flask app
programming/framework/fastapi | FastAPI | Fast API
programming/framework/spring | Spring Boot | Spring
programming/framework/rails | Ruby on Rails | Rails
programming/framework/react | React | ReactJS; React app; React SPA
programming/framework/vue | Vue.js | Vue; VueJS
programming/framework/angular | Angular | Angular app
programming/framework/nextjs | Next.js | NextJS; Next
programming/framework/svelte | Svelte | SvelteKit
programming/framework/graphql | GraphQL | GraphQL API
programming/framework/dotnet | .NET | dotnet; ASP.NET Core
programming/framework/laravel | Laravel | Laravel app
programming/framework/flutter | Flutter | Flutter app
programming/framework/vercel | Vercel | Vercel platform
programming/runtime/dapr | Dapr | Dapr sidecar
k8s/compute/pod | Pod | Pods; Kubernetes Pod
k8s/compute/deploy | Deployment | Kubernetes Deployment; Deployments
k8s/compute/sts | StatefulSet | StatefulSets
k8s/compute/ds | DaemonSet | DaemonSets
k8s/compute/rs | ReplicaSet | ReplicaSets
k8s/compute/job | Kubernetes Job | =Job
k8s/compute/cronjob | CronJob | CronJobs
k8s/network/svc | Kubernetes Service | ClusterIP Service
k8s/network/ing | Ingress | Ingress controller; Kubernetes Ingress
k8s/network/netpol | NetworkPolicy | network policy; NetworkPolicies
k8s/podconfig/cm | ConfigMap | ConfigMaps
k8s/podconfig/secret | Kubernetes Secret | =Secret
k8s/storage/pvc | PersistentVolumeClaim | PVC; persistent volume claim
k8s/storage/pv | PersistentVolume | PV; persistent volume
k8s/storage/sc | StorageClass | storage class
k8s/clusterconfig/hpa | HorizontalPodAutoscaler | HPA; Horizontal Pod Autoscaler
k8s/group/ns | =Namespace | Kubernetes namespace
k8s/rbac/sa | ServiceAccount | service account
k8s/ecosystem/helm | Helm | Helm chart; Helm charts
k8s/ecosystem/kustomize | Kustomize | kustomization
k8s/ecosystem/external-dns | ExternalDNS | external-dns
generic/os/linux-general | Linux | Linux host
generic/os/ubuntu | Ubuntu | Ubuntu Linux
generic/virtualization/vmware | VMware | vSphere; ESXi
generic/virtualization/qemu | QEMU | qemu
generic/virtualization/virtualbox | VirtualBox | Virtual Box
onprem/client/users | =Users | end users
azure/integration/sendgrid-accounts | SendGrid | Twilio SendGrid
onprem/proxmox/pve | Proxmox VE | Proxmox; Proxmox host
onprem/groupware/nextcloud | Nextcloud | Nextcloud server
saas/chat/telegram | =Telegram | Telegram bot
saas/chat/discord | Discord | Discord server; Discord bot
saas/chat/mattermost | Mattermost | Mattermost server
saas/chat/rocket-chat | Rocket.Chat | RocketChat
saas/logging/datadog | Datadog | Datadog agent
saas/logging/newrelic | New Relic | NewRelic
saas/logging/papertrail | Papertrail | Papertrail
saas/alerting/xmatters | xMatters | xmatters
saas/alerting/pushover | Pushover | Pushover
saas/media/cloudinary | Cloudinary | Cloudinary
saas/payment/adyen | Adyen | Adyen
saas/security/crowdstrike | CrowdStrike | Crowdstrike Falcon
saas/crm/zendesk | Zendesk | Zendesk
saas/crm/intercom | =Intercom | Intercom
saas/automation/n8n | n8n | N8N
onprem/monitoring/zabbix | Zabbix | Zabbix server
onprem/monitoring/nagios | Nagios | Nagios
onprem/monitoring/dynatrace | Dynatrace | Dynatrace
onprem/monitoring/humio | Humio | Falcon LogScale
onprem/logging/rsyslog | rsyslog | Rsyslog
onprem/logging/syslog-ng | syslog-ng | syslog ng
onprem/database/couchbase | Couchbase | Couchbase Server
onprem/database/dgraph | Dgraph | Dgraph
onprem/database/janusgraph | JanusGraph | Janusgraph
onprem/database/qdrant | Qdrant | Qdrant
onprem/inmemory/hazelcast | Hazelcast | Hazelcast
onprem/inmemory/aerospike | Aerospike | Aerospike
onprem/iac/awx | AWX | Ansible AWX
onprem/iac/puppet | =Puppet | Puppet agent
onprem/ci/teamcity | TeamCity | Teamcity
onprem/ci/travisci | Travis CI | TravisCI; Travis
onprem/ci/droneci | Drone CI | DroneCI
onprem/ci/concourseci | Concourse CI | Concourse
onprem/vcs/gitea | Gitea | Gitea
onprem/security/bitwarden | Bitwarden | Vaultwarden
onprem/storage/glusterfs | GlusterFS | Gluster
onprem/storage/portworx | Portworx | Portworx
onprem/network/pfsense | pfSense | Pfsense
onprem/network/opnsense | OPNsense | Opnsense
onprem/network/mikrotik | MikroTik | Mikrotik router
onprem/network/vyos | VyOS | Vyos
onprem/network/wildfly | WildFly | Wildfly
onprem/network/glassfish | GlassFish | Glassfish
onprem/network/tyk | Tyk | Tyk gateway
onprem/network/pomerium | Pomerium | Pomerium
onprem/network/powerdns | PowerDNS | Powerdns
onprem/queue/emqx | EMQX | Emqx
onprem/analytics/dremio | Dremio | Dremio
onprem/etl/embulk | Embulk | Embulk
onprem/workflow/digdag | Digdag | Digdag
onprem/mlops/polyaxon | Polyaxon | Polyaxon
onprem/registry/jfrog | JFrog Artifactory | Artifactory; JFrog
programming/framework/quarkus | Quarkus | Quarkus
programming/framework/micronaut | Micronaut | Micronaut
programming/framework/starlette | Starlette | Starlette
programming/framework/jhipster | JHipster | Jhipster
programming/language/erlang | Erlang | Erlang/OTP
programming/language/matlab | MATLAB | Matlab
"""
# fmt: on
