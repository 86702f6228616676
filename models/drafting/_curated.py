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

from models.drafting._names_tools import TOOLS_TABLE

# fmt: off
_CLOUD_TABLE = """
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
firebase/develop/authentication | Firebase Authentication | Firebase Auth
firebase/develop/firestore | Cloud Firestore (Firebase) | Firebase Firestore
firebase/develop/hosting | Firebase Hosting | Firebase hosting
firebase/develop/functions | Cloud Functions for Firebase | Firebase Functions
firebase/develop/realtime-database | Firebase Realtime Database | Realtime Database
firebase/grow/messaging | Firebase Cloud Messaging | FCM
firebase/quality/crashlytics | Crashlytics | Firebase Crashlytics
"""
# fmt: on
_TABLE = _CLOUD_TABLE + TOOLS_TABLE


def curated_names() -> dict[str, tuple[str, tuple[str, ...]]]:
    """``reference → (label, aliases)`` for the curated icons."""
    table: dict[str, tuple[str, tuple[str, ...]]] = {}
    for line in filter(None, _TABLE.strip().splitlines()):
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
