import { ALNUM, BASE64, chars, HEX } from '../random.ts';
import * as v from './blind-values.ts';
import type { FileBuilder } from './labels.ts';

/*
 * Blind corpus, part 1: CI pipelines and container and cloud templates,
 * written from the tools' documentation and from what real repositories hold, without reading
 * the detectors. Literal secrets are planted; encrypted values (Travis `secure:`, Ansible
 * Vault, SOPS `ENC[...]`), variable references and defaults are left unlabelled.
 */

const travisSecure = (f: FileBuilder) => `${chars(f.rng, BASE64, 342)}=`;

/** A `.travis.yml` whose older entries are encrypted and newer ones were pasted in plain. */
export function travisYml(f: FileBuilder): string {
  const r = f.rng;
  return `language: node_js
node_js:
  - "18"
  - "20"
dist: jammy
cache: npm
services:
  - docker
env:
  global:
    - secure: "${travisSecure(f)}"
    - secure: "${travisSecure(f)}"
    - DOCKER_USERNAME=acmebot
    - DOCKER_PASSWORD=${f.plant(v.password(r), 'password')}
    - COVERALLS_REPO_TOKEN=${f.plant(chars(r, ALNUM, 33), 'api key')}
    - NODE_ENV=test
before_install:
  - echo "$DOCKER_PASSWORD" | docker login -u "$DOCKER_USERNAME" --password-stdin
script:
  - npm ci
  - npm test -- --coverage
after_success:
  - npx coveralls < coverage/lcov.info
deploy:
  - provider: npm
    email: ${f.pii('releases@acme-widgets.dev', 'email')}
    api_key: ${f.plant(v.npmToken(r), 'npm token')}
    on:
      tags: true
  - provider: heroku
    api_key:
      secure: "${travisSecure(f)}"
    app: acme-widgets-staging
notifications:
  slack:
    rooms:
      - secure: "${travisSecure(f)}"
      - acme-widgets:${f.plant(chars(r, ALNUM, 24), 'slack')}#builds
    on_success: change
`;
}

/** A CircleCI config: contexts and project env vars, plus a token and a webhook typed in. */
export function circleciConfig(f: FileBuilder): string {
  const r = f.rng;
  return `version: 2.1

orbs:
  node: circleci/node@5.2.0
  aws-cli: circleci/aws-cli@4.1.3
  slack: circleci/slack@4.13.3

executors:
  app:
    docker:
      - image: cimg/node:20.11
      - image: cimg/postgres:15.5
        environment:
          POSTGRES_USER: circleci
          POSTGRES_DB: app_test
          POSTGRES_PASSWORD: postgres

jobs:
  test:
    executor: app
    environment:
      DATABASE_URL: postgres://circleci:postgres@localhost:5432/app_test
      CODECOV_TOKEN: ${f.plant(v.uuid4(r), 'api key')}
    steps:
      - checkout
      - node/install-packages
      - run: npm test
      - run: npx codecov
  deploy:
    executor: app
    steps:
      - checkout
      - aws-cli/setup:
          role_arn: arn:aws:iam::${v.awsAccount(r)}:role/circleci-deploy
          role_session_name: circleci-\${CIRCLE_BUILD_NUM}
      - run:
          name: Push image
          command: |
            echo "$DOCKERHUB_PASSWORD" | docker login -u "$DOCKERHUB_USERNAME" --password-stdin
            docker build -t acme/api:\${CIRCLE_SHA1} .
            docker push acme/api:\${CIRCLE_SHA1}
      - run:
          name: Notify
          command: |
            curl -X POST -H 'Content-type: application/json' \\
              --data '{"text":"api deployed: '"\${CIRCLE_SHA1:0:7}"'"}' \\
              ${f.plant(v.slackWebhook(r), 'slack webhook')}
      - run:
          name: Trigger e2e
          command: |
            curl -X POST https://circleci.com/api/v2/project/gh/acme/e2e/pipeline \\
              -H "Circle-Token: ${f.plant(v.circleciPat(r), 'api key')}" \\
              -H 'Content-Type: application/json' -d '{"branch":"main"}'

workflows:
  build-deploy:
    jobs:
      - test
      - deploy:
          context:
            - aws-prod
            - slack-secrets
          requires: [test]
          filters:
            branches:
              only: main
`;
}

/** Bitbucket Pipelines: repository variables, one pipe fed literals, a Sonar token. */
export function bitbucketPipelines(f: FileBuilder): string {
  const r = f.rng;
  return `image: python:3.12-slim

definitions:
  services:
    mysql:
      image: mysql:8.0
      variables:
        MYSQL_DATABASE: pipelines
        MYSQL_ROOT_PASSWORD: let_me_in
  steps:
    - step: &test
        name: Test
        caches: [pip]
        services: [mysql]
        script:
          - pip install -r requirements-dev.txt
          - pytest -q

pipelines:
  default:
    - step: *test
  branches:
    main:
      - step: *test
      - step:
          name: Sonar
          script:
            - pipe: sonarsource/sonarqube-scan:2.0.1
              variables:
                SONAR_HOST_URL: https://sonar.acme-widgets.dev
                SONAR_TOKEN: ${f.plant(v.sonarToken(r), 'api key')}
      - step:
          name: Deploy to S3
          deployment: production
          script:
            - pipe: atlassian/aws-s3-deploy:1.6.0
              variables:
                AWS_ACCESS_KEY_ID: ${f.plant(v.awsKeyId(r), 'aws', ['aws-access-key-id'])}
                AWS_SECRET_ACCESS_KEY: ${f.plant(v.awsSecret(r), 'aws', ['aws-secret-access-key'])}
                AWS_DEFAULT_REGION: eu-central-1
                S3_BUCKET: acme-widgets-site
                LOCAL_PATH: build
            - pipe: atlassian/aws-cloudfront-invalidate:0.6.0
              variables:
                AWS_ACCESS_KEY_ID: $AWS_ACCESS_KEY_ID
                AWS_SECRET_ACCESS_KEY: $AWS_SECRET_ACCESS_KEY
                DISTRIBUTION_ID: E${chars(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 13)}
    release/*:
      - step:
          name: Tag
          image:
            name: acme/release-tools:2.3
            username: $DOCKER_HUB_USER
            password: $DOCKER_HUB_PASSWORD
          script:
            - git tag v$(cat VERSION) && git push origin --tags
`;
}

/** Azure Pipelines: a variable group and pipeline secrets, beside a literal SP secret and storage key. */
export function azurePipelines(f: FileBuilder): string {
  const r = f.rng;
  const account = `acmewidgets${chars(r, '0123456789abcdefghijklmnopqrstuvwxyz', 4)}`;
  return `trigger:
  branches:
    include: [main]

pool:
  vmImage: ubuntu-22.04

variables:
  - group: prod-secrets
  - name: buildConfiguration
    value: Release
  - name: sqlAdminPassword
    value: '${f.plant(v.password(r), 'password')}'
  - name: azureSubscription
    value: 'acme-prod-sc'
  - name: storageConnection
    value: 'DefaultEndpointsProtocol=https;AccountName=${account};AccountKey=${f.plant(v.azureStorageKey(r), 'azure storage key')};EndpointSuffix=core.windows.net'

stages:
  - stage: Build
    jobs:
      - job: build
        steps:
          - task: UseDotNet@2
            inputs:
              version: '8.0.x'
          - script: dotnet build --configuration $(buildConfiguration)
          - task: Docker@2
            inputs:
              containerRegistry: acme-acr
              repository: widgets/api
              command: buildAndPush
              tags: $(Build.BuildId)
  - stage: Deploy
    dependsOn: Build
    jobs:
      - deployment: deploy
        environment: production
        strategy:
          runOnce:
            deploy:
              steps:
                - bash: |
                    az login --service-principal \\
                      -u ${v.uuid4(r)} \\
                      -p ${f.plant(v.azureClientSecret(r), 'azure client secret')} \\
                      --tenant ${v.uuid4(r)}
                    az webapp config appsettings set -g widgets-prod -n widgets-api \\
                      --settings "SqlPassword=$(sqlAdminPassword)" "AcrPassword=$(ACR_PASSWORD)"
                  displayName: Configure app settings
                - task: AzureCLI@2
                  inputs:
                    azureSubscription: $(azureSubscription)
                    scriptType: bash
                    scriptLocation: inlineScript
                    inlineScript: az storage blob upload-batch -d '$web' -s dist --account-name ${account}
`;
}

/** docker-compose.yml for a local stack, literal passwords beside env interpolation and secret files. */
export function dockerCompose(f: FileBuilder): string {
  const r = f.rng;
  const pg = v.password(r).replace(/[@:/?#%]/g, 'x');
  return `services:
  db:
    image: postgres:16.2-alpine@sha256:${chars(r, HEX, 64)}
    restart: unless-stopped
    environment:
      POSTGRES_USER: orders
      POSTGRES_PASSWORD: ${v.yamlValue(f.plant(pg, 'password'))}
      POSTGRES_DB: orders
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U orders"]
      interval: 10s
    volumes:
      - pgdata:/var/lib/postgresql/data

  mysql:
    image: mysql:8.0.36
    environment:
      - MYSQL_ROOT_PASSWORD=${f.plant(v.password(r), 'password')}
      - MYSQL_DATABASE=legacy
      - MYSQL_PASSWORD=\${LEGACY_DB_PASSWORD:-changeme}

  cache:
    image: redis:7.2
    command: redis-server --appendonly yes --requirepass "${f.plant(chars(r, ALNUM, 32), 'password')}"

  minio:
    image: quay.io/minio/minio:RELEASE.2024-03-15T01-07-19Z
    command: server /data --console-address ":9001"
    environment:
      MINIO_ROOT_USER: minioadmin
      MINIO_ROOT_PASSWORD: ${v.yamlValue(f.plant(v.password(r), 'password'))}

  api:
    build: .
    depends_on: [db, cache]
    ports:
      - "8080:8080"
    environment:
      DATABASE_URL: postgres://orders:${pg}@db:5432/orders
      REDIS_URL: redis://cache:6379/0
      STRIPE_SECRET_KEY: ${f.plant(v.stripeLive(r), 'stripe')}
      STRIPE_PUBLISHABLE_KEY: ${v.stripePublishable(r)}
      JWT_PUBLIC_KEY_PATH: /run/secrets/jwt.pub
      SENDGRID_API_KEY: \${SENDGRID_API_KEY}
    secrets:
      - jwt_private_key

  grafana:
    image: grafana/grafana:10.4.1
    environment:
      GF_SECURITY_ADMIN_PASSWORD__FILE: /run/secrets/grafana_admin
      GF_INSTALL_PLUGINS: grafana-piechart-panel

secrets:
  jwt_private_key:
    file: ./secrets/jwt.key
  grafana_admin:
    file: ./secrets/grafana_admin.txt

volumes:
  pgdata: {}
`;
}

/** A Dockerfile with build args (no default), a pinned digest, and secrets baked into ENV and RUN. */
export function dockerfile(f: FileBuilder): string {
  const r = f.rng;
  return `# syntax=docker/dockerfile:1.6
FROM node:20.11-alpine@sha256:${chars(r, HEX, 64)} AS build
ARG NPM_TOKEN
WORKDIR /src
COPY package*.json .npmrc.template ./
RUN echo "//registry.npmjs.org/:_authToken=\${NPM_TOKEN}" > .npmrc && npm ci && rm -f .npmrc
COPY . .
RUN npm run build

FROM python:3.12-slim AS reports
RUN pip install --no-cache-dir \\
    --extra-index-url https://ci-reader:${f.plant(v.password(r).replace(/[@:/?#%]/g, 'q'), 'password')}@nexus.acme-widgets.dev/repository/pypi-internal/simple \\
    acme-reports==3.4.1

FROM node:20.11-alpine
LABEL org.opencontainers.image.revision="${chars(r, HEX, 40)}" \\
      org.opencontainers.image.version="2.14.0"
ENV NODE_ENV=production \\
    PORT=8080 \\
    AWS_REGION=eu-west-1 \\
    AWS_ACCESS_KEY_ID=${f.plant(v.awsKeyId(r), 'aws', ['aws-access-key-id'])} \\
    AWS_SECRET_ACCESS_KEY=${f.plant(v.awsSecret(r), 'aws', ['aws-secret-access-key'])}
ENV MAPS_API_KEY=${f.plant(v.googleApiKey(r), 'google api key')}
WORKDIR /app
COPY --from=build /src/dist ./dist
RUN --mount=type=secret,id=sentry_token SENTRY_AUTH_TOKEN=$(cat /run/secrets/sentry_token) npx sentry-cli releases new 2.14.0
USER node
CMD ["node", "dist/server.js"]
`;
}

/** A serverless.yml: SSM and env references, and secrets typed into the environment block. */
export function serverlessYml(f: FileBuilder): string {
  const r = f.rng;
  return `service: notifications
frameworkVersion: '3'

provider:
  name: aws
  runtime: nodejs20.x
  region: eu-west-1
  stage: \${opt:stage, 'dev'}
  iam:
    role: arn:aws:iam::${v.awsAccount(r)}:role/notifications-lambda
  environment:
    STAGE: \${self:provider.stage}
    DB_PASSWORD: \${ssm:/notifications/\${self:provider.stage}/db-password}
    TWILIO_ACCOUNT_SID: ${v.twilioSid(r)}
    TWILIO_AUTH_TOKEN: ${f.plant(v.twilioAuth(r), 'api key')}
    TELEGRAM_BOT_TOKEN: "${f.plant(v.telegramBot(r), 'api key')}"
    SENDGRID_API_KEY: ${f.plant(v.sendgrid(r), 'api key')}
    SLACK_SIGNING_SECRET: \${env:SLACK_SIGNING_SECRET}
    DISCORD_WEBHOOK: ${f.plant(v.discordWebhook(r), 'webhook')}

custom:
  alertsTopic: arn:aws:sns:eu-west-1:${v.awsAccount(r)}:alerts
  secretArn: arn:aws:secretsmanager:eu-west-1:${v.awsAccount(r)}:secret:notifications/prod-${chars(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 6)}

functions:
  send:
    handler: src/send.handler
    events:
      - sqs:
          arn: arn:aws:sqs:eu-west-1:${v.awsAccount(r)}:notifications
          batchSize: 10
  digest:
    handler: src/digest.handler
    events:
      - schedule: cron(0 7 * * ? *)
`;
}

/** CloudFormation parameter overrides as `aws cloudformation create-stack --parameters file://` reads them. */
export function cfnParameters(f: FileBuilder): string {
  const r = f.rng;
  const params = [
    ['EnvironmentName', 'prod'],
    ['VpcId', `vpc-${chars(r, HEX, 17)}`],
    ['SubnetIds', `subnet-${chars(r, HEX, 17)},subnet-${chars(r, HEX, 17)}`],
    ['KeyName', 'ops-2024'],
    ['ImageId', `ami-${chars(r, HEX, 17)}`],
    ['DBMasterUsername', 'dbadmin'],
    ['DBMasterPassword', f.plant(v.password(r).replace(/["\\]/g, 'z'), 'password')],
    ['DBReadonlyPassword', '{{resolve:secretsmanager:prod/db/readonly:SecretString:password}}'],
    ['GitHubOAuthToken', f.plant(v.githubToken(r), 'github', ['github-token'])],
    ['CertificateArn', `arn:aws:acm:us-east-1:${v.awsAccount(r)}:certificate/${v.uuid4(r)}`],
    ['AlarmEmail', f.pii('oncall@acme-widgets.dev', 'email')],
    ['DatadogApiKey', f.plant(v.datadogApi(r), 'api key')],
  ];
  return `${JSON.stringify(
    params.map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
    null,
    2,
  )}\n`;
}

/** A SAM template: a NoEcho parameter with a literal default, dynamic references beside it. */
export function samTemplate(f: FileBuilder): string {
  const r = f.rng;
  return `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: reports API

Parameters:
  DBPassword:
    Type: String
    NoEcho: true
    Default: '${f.plant(v.password(r), 'password')}'
  ApiStage:
    Type: String
    Default: prod

Globals:
  Function:
    Runtime: python3.12
    Timeout: 30
    Environment:
      Variables:
        DB_HOST: !GetAtt ReportsDb.Endpoint.Address
        DB_PASSWORD: !Ref DBPassword
        OPENAI_API_KEY: '{{resolve:ssm-secure:/reports/openai-key:3}}'
        HF_HUB_OFFLINE: '1'

Resources:
  ReportsFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: app.handler
      Environment:
        Variables:
          ANTHROPIC_API_KEY: ${f.plant(v.anthropic(r), 'api key')}
      Events:
        Api:
          Type: Api
          Properties:
            Path: /reports
            Method: get
  ReportsDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: '20'
      MasterUsername: reports
      MasterUserPassword: !Ref DBPassword
  ReportsSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString:
        SecretStringTemplate: '{"username": "reports"}'
        GenerateStringKey: password
        PasswordLength: 32
        ExcludeCharacters: '"@/\\'
`;
}
