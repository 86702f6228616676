"""Display names and aliases for the icons people name most often.

The derived names (:mod:`models.drafting.names`) are right for most of the
~2,500 icons, but the services students write about deserve the names they
actually use: "Amazon S3" and "S3", not "Simple Storage Service S3". One line
per icon: ``reference | label | alias; alias; …``. An icon listed here also
wins when several icons share a name (Kafka is ``onprem/queue/kafka``, not the
MSK icon).
"""

from __future__ import annotations

import hashlib
import re

# fmt: off
_TABLE = """
aws/storage/simple-storage-service-s3 | Amazon S3 | S3; Simple Storage Service; S3 bucket; S3 buckets
aws/storage/s3-glacier | Amazon S3 Glacier | Glacier; S3 Glacier
aws/storage/elastic-block-store-ebs | Amazon EBS | EBS; Elastic Block Store; EBS volume
aws/storage/elastic-file-system-efs | Amazon EFS | EFS; Elastic File System
aws/compute/lambda | AWS Lambda | Lambda; Lambda function; Lambda functions
aws/compute/ec2 | Amazon EC2 | EC2; Elastic Compute Cloud; EC2 instance; EC2 instances
aws/compute/fargate | AWS Fargate | Fargate
aws/compute/elastic-container-service | Amazon ECS | ECS; Elastic Container Service
aws/compute/elastic-kubernetes-service | Amazon EKS | EKS; Elastic Kubernetes Service
aws/compute/ec2-container-registry | Amazon ECR | ECR; Elastic Container Registry
aws/compute/elastic-beanstalk | AWS Elastic Beanstalk | Elastic Beanstalk; Beanstalk
aws/compute/app-runner | AWS App Runner | App Runner
aws/compute/batch | AWS Batch | AWS Batch
aws/compute/lightsail | Amazon Lightsail | Lightsail
aws/database/dynamodb | Amazon DynamoDB | DynamoDB; Dynamo
aws/database/dynamodb-streams | DynamoDB Streams | DynamoDB Stream
aws/database/rds | Amazon RDS | RDS; Relational Database Service
aws/database/aurora | Amazon Aurora | Aurora
aws/database/elasticache | Amazon ElastiCache | ElastiCache
aws/database/redshift | Amazon Redshift | Redshift
aws/database/neptune | Amazon Neptune | Neptune
aws/database/documentdb-mongodb-compatibility | Amazon DocumentDB | DocumentDB
aws/database/timestream | Amazon Timestream | Timestream
aws/integration/simple-queue-service-sqs | Amazon SQS | SQS; Simple Queue Service; SQS queue
aws/integration/simple-notification-service-sns | Amazon SNS | SNS; Simple Notification Service; SNS topic
aws/integration/eventbridge | Amazon EventBridge | EventBridge; CloudWatch Events
aws/integration/eventbridge-scheduler | EventBridge Scheduler | Amazon EventBridge Scheduler
aws/integration/eventbridge-pipes | EventBridge Pipes | Amazon EventBridge Pipes
aws/integration/step-functions | AWS Step Functions | Step Functions
aws/integration/appsync | AWS AppSync | AppSync
aws/integration/mq | Amazon MQ | Amazon MQ
aws/analytics/kinesis-data-streams | Amazon Kinesis Data Streams | Kinesis Data Streams; Kinesis
aws/analytics/kinesis-data-firehose | Amazon Data Firehose | Kinesis Data Firehose; Kinesis Firehose; Firehose
aws/analytics/athena | Amazon Athena | Athena
aws/analytics/glue | AWS Glue | Glue; Glue job; Glue jobs
aws/analytics/glue-data-catalog | AWS Glue Data Catalog | Glue Data Catalog; Glue Catalog
aws/analytics/glue-crawlers | AWS Glue crawler | Glue crawler; Glue crawlers
aws/analytics/emr | Amazon EMR | EMR; Elastic MapReduce
aws/analytics/quicksight | Amazon QuickSight | QuickSight
aws/analytics/lake-formation | AWS Lake Formation | Lake Formation
aws/analytics/managed-streaming-for-kafka | Amazon MSK | MSK; Managed Streaming for Apache Kafka
aws/analytics/amazon-opensearch-service | Amazon OpenSearch Service | OpenSearch Service; OpenSearch
aws/network/api-gateway | Amazon API Gateway | API Gateway
aws/network/cloudfront | Amazon CloudFront | CloudFront
aws/network/route-53 | Amazon Route 53 | Route 53; Route53
aws/network/elb-application-load-balancer | Application Load Balancer | ALB
aws/network/elb-network-load-balancer | Network Load Balancer | NLB
aws/network/elastic-load-balancing | Elastic Load Balancing | ELB
aws/network/vpc | Amazon VPC | VPC; Virtual Private Cloud
aws/network/nat-gateway | NAT gateway | NAT gateways
aws/network/internet-gateway | Internet gateway | IGW
aws/network/app-mesh | AWS App Mesh | App Mesh
aws/network/cloud-map | AWS Cloud Map | Cloud Map
aws/network/privatelink | AWS PrivateLink | PrivateLink
aws/network/global-accelerator | AWS Global Accelerator | Global Accelerator
aws/management/cloudwatch | Amazon CloudWatch | CloudWatch; CloudWatch metrics
aws/management/cloudwatch-logs | CloudWatch Logs | Amazon CloudWatch Logs; CloudWatch Logs log group
aws/management/cloudwatch-alarm | CloudWatch alarm | CloudWatch alarms
aws/management/cloudtrail | AWS CloudTrail | CloudTrail
aws/management/cloudformation | AWS CloudFormation | CloudFormation
aws/management/systems-manager-parameter-store | =Parameter Store | SSM Parameter Store
aws/management/systems-manager | AWS Systems Manager | Systems Manager; SSM
aws/management/amazon-managed-grafana | Amazon Managed Grafana | Managed Grafana
aws/management/amazon-managed-prometheus | Amazon Managed Service for Prometheus | Managed Prometheus; AMP
aws/management/amazon-managed-workflows-apache-airflow | Amazon MWAA | MWAA
aws/management/auto-scaling | AWS Auto Scaling | =Auto Scaling; Auto Scaling group; Auto Scaling groups
aws/security/identity-and-access-management-iam | AWS IAM | IAM; Identity and Access Management; IAM role
aws/security/cognito | Amazon Cognito | Cognito; Cognito user pool
aws/security/secrets-manager | AWS Secrets Manager | Secrets Manager
aws/security/key-management-service | AWS KMS | KMS; Key Management Service
aws/security/waf | AWS WAF | WAF; web application firewall
aws/security/shield | AWS Shield | Shield
aws/security/certificate-manager | AWS Certificate Manager | ACM; Certificate Manager
aws/security/guardduty | Amazon GuardDuty | GuardDuty
aws/devtools/x-ray | AWS X-Ray | X-Ray
aws/devtools/codebuild | AWS CodeBuild | CodeBuild
aws/devtools/codepipeline | AWS CodePipeline | CodePipeline
aws/devtools/codedeploy | AWS CodeDeploy | CodeDeploy
aws/devtools/codecommit | AWS CodeCommit | CodeCommit
aws/ml/sagemaker | Amazon SageMaker | SageMaker
aws/ml/bedrock | Amazon Bedrock | Bedrock
aws/ml/rekognition | Amazon Rekognition | Rekognition
aws/ml/comprehend | Amazon Comprehend | Comprehend
aws/ml/textract | Amazon Textract | Textract
aws/engagement/simple-email-service-ses | Amazon SES | SES; Simple Email Service
gcp/compute/run | Cloud Run | Google Cloud Run
gcp/compute/functions | Cloud Functions | Google Cloud Functions; Cloud Run functions
gcp/compute/app-engine | App Engine | Google App Engine; GAE
gcp/compute/kubernetes-engine | Google Kubernetes Engine | GKE; Kubernetes Engine
gcp/compute/compute-engine | Compute Engine | Google Compute Engine; GCE
gcp/database/sql | Cloud SQL | Google Cloud SQL
gcp/database/spanner | Cloud Spanner | Spanner; Google Cloud Spanner
gcp/database/bigtable | Cloud Bigtable | Bigtable
gcp/database/firestore | Firestore | Cloud Firestore
gcp/database/datastore | Datastore | Cloud Datastore
gcp/database/memorystore | Memorystore | Cloud Memorystore; Memorystore for Redis
gcp/storage/storage | =Cloud Storage | Google Cloud Storage; GCS; GCS bucket; Cloud Storage bucket
gcp/storage/filestore | Filestore | Cloud Filestore
gcp/storage/persistent-disk | =Persistent Disk | Google Persistent Disk
gcp/analytics/bigquery | BigQuery | Google BigQuery; BQ
gcp/analytics/pubsub | Pub/Sub | Cloud Pub/Sub; Google Pub/Sub; PubSub; Pub Sub
gcp/analytics/dataflow | Dataflow | Cloud Dataflow
gcp/analytics/dataproc | Dataproc | Cloud Dataproc
gcp/analytics/composer | Cloud Composer | Composer
gcp/analytics/looker | Looker | Looker Studio
gcp/analytics/data-catalog | =Data Catalog | Google Data Catalog
gcp/network/load-balancing | Cloud Load Balancing | Google Cloud Load Balancing
gcp/network/cdn | Cloud CDN | Google Cloud CDN
gcp/network/dns | Cloud DNS | Google Cloud DNS
gcp/network/armor | Cloud Armor | Google Cloud Armor
gcp/network/nat | Cloud NAT | Google Cloud NAT
gcp/network/virtual-private-cloud | Google VPC | VPC network; GCP VPC
gcp/api/api-gateway | API Gateway (Google Cloud) | Google API Gateway
gcp/api/apigee | Apigee | Apigee API Management
gcp/operations/monitoring | Cloud Monitoring | Google Cloud Monitoring; Stackdriver
gcp/operations/logging | Cloud Logging | Google Cloud Logging
gcp/security/iam | Cloud IAM | Google Cloud IAM; GCP IAM
gcp/security/secret-manager | =Secret Manager | Google Secret Manager
gcp/security/key-management-service | Cloud KMS | Google Cloud KMS
gcp/security/iap | Identity-Aware Proxy | IAP; Cloud IAP
gcp/devtools/build | Cloud Build | Google Cloud Build
gcp/devtools/container-registry | Container Registry | Google Container Registry; GCR
gcp/devtools/scheduler | Cloud Scheduler | Google Cloud Scheduler
gcp/devtools/tasks | Cloud Tasks | Google Cloud Tasks
gcp/ml/vertex-ai | Vertex AI | Google Vertex AI
azure/compute/function-apps | Azure Functions | Function Apps; Azure Function
azure/compute/app-services | Azure App Service | =App Service; =App Services
azure/compute/kubernetes-services | Azure Kubernetes Service | AKS
azure/compute/container-registries | Azure Container Registry | ACR
azure/database/cosmos-db | Azure Cosmos DB | Cosmos DB; CosmosDB
azure/database/sql-databases | Azure SQL Database | Azure SQL
azure/storage/blob-storage | Azure Blob Storage | Blob Storage; Azure Blob
azure/storage/storage-accounts | Azure Storage account | storage account
azure/integration/service-bus | Azure Service Bus | =Service Bus
azure/analytics/event-hubs | Azure Event Hubs | =Event Hubs; =Event Hub
azure/integration/api-management | Azure API Management | APIM
azure/network/front-doors | Azure Front Door | =Front Door
azure/security/key-vaults | Azure Key Vault | =Key Vault
azure/monitor/monitor | Azure Monitor | Azure Monitor
azure/monitor/application-insights | Application Insights | App Insights
azure/analytics/data-factories | Azure Data Factory | =Data Factory; ADF
azure/storage/data-lake-storage | Azure Data Lake Storage | =Data Lake Storage; ADLS; ADLS Gen2
azure/analytics/databricks | Azure Databricks | Azure Databricks
azure/analytics/synapse-analytics | Azure Synapse Analytics | Synapse Analytics; Synapse
azure/analytics/stream-analytics-jobs | Azure Stream Analytics | =Stream Analytics
azure/databases/azure-purview-accounts | Microsoft Purview | Azure Purview; Purview
azure/identity/active-directory | Microsoft Entra ID | Entra ID; Azure Active Directory; Azure AD
azure/integration/logic-apps | Azure Logic Apps | =Logic Apps; =Logic App
azure/compute/virtual-machine | Azure Virtual Machines | Azure VM; Azure VMs
azure/network/application-gateway | Azure Application Gateway | =Application Gateway
azure/iot/iot-hub | Azure IoT Hub | IoT Hub
azure/devops/pipelines | Azure Pipelines | Azure Pipelines
azure/devops/devops | Azure DevOps | Azure DevOps
azure/web/signalr | Azure SignalR Service | SignalR
azure/ml/machine-learning-service-workspaces | Azure Machine Learning | Azure ML
aws/iot/iot-core | AWS IoT Core | IoT Core
aws/iot/iot-greengrass | AWS IoT Greengrass | Greengrass; IoT Greengrass
aws/iot/iot-analytics | AWS IoT Analytics | IoT Analytics
aws/iot/iot-events | AWS IoT Events | IoT Events
gcp/iot/iot-core | Google Cloud IoT Core | Cloud IoT Core
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
onprem/ci/gitlabci | GitLab CI | GitLab CI/CD
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
firebase/develop/authentication | Firebase Authentication | Firebase Auth
firebase/develop/firestore | Cloud Firestore (Firebase) | Firebase Firestore
firebase/develop/hosting | Firebase Hosting | Firebase hosting
firebase/develop/functions | Cloud Functions for Firebase | Firebase Functions
firebase/develop/realtime-database | Firebase Realtime Database | Realtime Database
firebase/grow/messaging | Firebase Cloud Messaging | FCM
firebase/quality/crashlytics | Crashlytics | Firebase Crashlytics
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
"""
# fmt: on


def curated_names() -> dict[str, tuple[str, tuple[str, ...]]]:
    """``reference → (label, aliases)`` for the curated icons."""
    table: dict[str, tuple[str, tuple[str, ...]]] = {}
    for line in _TABLE.strip().splitlines():
        reference, label, aliases = (part.strip() for part in line.split("|"))
        names = [
            label.lstrip("="),
            *(alias.strip().lstrip("=") for alias in aliases.split(";") if alias.strip()),
        ]
        table[reference] = (names[0], tuple(names[1:]))
    return table


def table_fingerprint() -> str:
    """Changes whenever the table does, so a cached catalogue built from an older one is not reused."""
    return hashlib.sha256(_TABLE.encode("utf-8")).hexdigest()[:10]


def exact_case_names() -> frozenset[str]:
    """Curated names marked ``=``: everyday phrases that only count with their capitals."""
    names = re.findall(r"(?:^|[|;])\s*=([^|;\n]+)", _TABLE, flags=re.MULTILINE)
    return frozenset(name.strip() for name in names)
