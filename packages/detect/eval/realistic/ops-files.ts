import { ALNUM, chars, DIGITS, HEX, int, LOWER } from '../random.ts';
import type { FileBuilder } from './labels.ts';
import * as s from './secrets.ts';

/*
 * Files operations teams keep in their repositories: a Kubernetes Deployment and an ECS task
 * definition with `env` name/value pairs, a deploy script, a network device's running config,
 * Wi-Fi and LDAP client configs, an OpenVPN client profile and an Ansible inventory. Each holds
 * its secrets the way the tool writes them, beside the references and defaults that are not.
 */

/** A Deployment whose container env mixes literal secrets with secretKeyRef, configMapKeyRef and plain settings. */
export function k8sDeployment(f: FileBuilder): string {
  const r = f.rng;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
  labels:
    app: orders
spec:
  replicas: 3
  selector:
    matchLabels:
      app: orders
  template:
    metadata:
      labels:
        app: orders
    spec:
      containers:
        - name: orders
          image: registry.internal/orders:1.42.0
          ports:
            - containerPort: 8080
          env:
            - name: SPRING_PROFILES_ACTIVE
              value: prod
            - name: DB_HOST
              value: orders-db.internal
            - name: DB_PASSWORD
              value: "${f.plant(s.password(r), 'env entry')}"
            - name: DB_PASSWORD_FILE
              value: /var/run/secrets/orders/db-password
            - name: STRIPE_API_KEY
              valueFrom:
                secretKeyRef:
                  name: orders-stripe
                  key: api-key
            - name: JWT_SIGNING_SECRET
              value: ${f.plant(chars(r, ALNUM, 40), 'env entry')}
            - name: PASSWORD_MIN_LENGTH
              value: "12"
            - name: SECRET_NAME
              value: orders-db-credentials
            - name: FEATURE_FLAGS_TOKEN_URL
              value: https://flags.internal/oauth/token
            - name: LOG_LEVEL
              valueFrom:
                configMapKeyRef:
                  name: orders-config
                  key: log-level
          resources:
            limits:
              cpu: 500m
              memory: 512Mi
`;
}

/** An ECS task definition as `aws ecs describe-task-definition` prints it: environment and secrets. */
export function ecsTaskDefinition(f: FileBuilder): string {
  const r = f.rng;
  const account = chars(r, DIGITS, 12);
  const task = {
    family: 'billing-api',
    networkMode: 'awsvpc',
    cpu: '512',
    memory: '1024',
    executionRoleArn: `arn:aws:iam::${account}:role/billing-exec`,
    containerDefinitions: [
      {
        name: 'billing-api',
        image: `${account}.dkr.ecr.eu-west-1.amazonaws.com/billing-api:2024.11.3`,
        essential: true,
        portMappings: [{ containerPort: 8000, protocol: 'tcp' }],
        environment: [
          { name: 'APP_ENV', value: 'production' },
          { name: 'SENDGRID_API_KEY_NAME', value: 'billing-mailer' },
          { name: 'REDIS_PASSWORD', value: f.plant(s.password(r), 'env entry') },
          { name: 'PARTNER_API_TOKEN', value: f.plant(s.hexToken(r, 32), 'env entry') },
          { name: 'TOKEN_TTL_SECONDS', value: '3600' },
        ],
        secrets: [
          {
            name: 'DATABASE_PASSWORD',
            valueFrom: `arn:aws:secretsmanager:eu-west-1:${account}:secret:billing/db-${chars(r, ALNUM, 6)}`,
          },
          { name: 'API_SECRET', valueFrom: `arn:aws:ssm:eu-west-1:${account}:parameter/billing/api-secret` },
        ],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/billing-api', 'awslogs-region': 'eu-west-1' },
        },
      },
    ],
  };
  return `${JSON.stringify({ taskDefinition: task }, null, 4)}\n`;
}

/** A deploy script: registry and SSH logins with literal passwords among the safe forms. */
export function deployScript(f: FileBuilder): string {
  const r = f.rng;
  return `#!/usr/bin/env bash
set -euo pipefail
# Deploys the shop to the two app servers. Run from the CI runner.
REGISTRY=registry.internal:5000
TAG=\${1:-latest}

echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"
docker login -u deploy -p ${f.plant(s.password(r), 'password on a command line')} $REGISTRY
docker build -t $REGISTRY/shop:$TAG .
docker push $REGISTRY/shop:$TAG

for host in app-01 app-02; do
  sshpass -p '${f.plant(s.password(r), 'password on a command line')}' ssh -o StrictHostKeyChecking=no deploy@$host "docker pull $REGISTRY/shop:$TAG && docker compose up -d"
done
sshpass -e ssh deploy@app-03 uptime
redis-cli -h cache.internal -a "$REDIS_PASSWORD" FLUSHDB
mkdir -p /tmp/deploy && cp -p docker-compose.yml /tmp/deploy/
`;
}

/** Cisco's type 7 obfuscation, with the published key (for writing the config only). */
function type7(plain: string, offset: number): string {
  const key = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';
  let out = String(offset).padStart(2, '0');
  for (let i = 0; i < plain.length; i++)
    out += (plain.charCodeAt(i) ^ key.charCodeAt((offset + i) % key.length))
      .toString(16)
      .toUpperCase()
      .padStart(2, '0');
  return out;
}

/** A switch's `show running-config`: type 7 passwords, hashed secrets, SNMP communities. */
export function ciscoConfig(f: FileBuilder): string {
  const r = f.rng;
  return `!
version 15.2
service timestamps debug datetime msec
service password-encryption
!
hostname core-sw-01
!
enable secret 5 ${f.plant(`$1$${chars(r, `${ALNUM}./`, 4)}$${chars(r, `${ALNUM}./`, 22)}`, 'password hash')}
!
username netadmin privilege 15 password 7 ${f.plant(type7(s.password(r), int(r, 0, 15)), 'cisco type 7')}
username readonly privilege 1 secret 9 ${f.plant(`$9$${chars(r, `${ALNUM}./`, 14)}$${chars(r, `${ALNUM}./`, 43)}`, 'password hash')}
!
interface Vlan10
 ip address ${f.pii('10.10.0.1', 'ipv4-address')} 255.255.255.0
!
tacacs-server host ${f.pii('10.0.0.50', 'ipv4-address')} key 7 ${f.plant(type7(s.password(r), int(r, 0, 15)), 'cisco type 7')}
snmp-server community ${f.plant(`${chars(r, LOWER, 6)}${chars(r, DIGITS, 3)}${chars(r, '!#', 1)}`, 'snmp community')} RO 10
snmp-server community public RO
snmp-server location DC1-row4
!
line vty 0 4
 password 7 ${f.plant(type7(s.password(r), int(r, 0, 15)), 'cisco type 7')}
 login local
 transport input ssh
!
end
`;
}

/** wpa_supplicant.conf with one network's passphrase and an open network. */
export function wpaSupplicant(f: FileBuilder): string {
  const r = f.rng;
  return `ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev
update_config=1
country=DE

network={
    ssid="Office-5G"
    psk="${f.plant(s.password(r), 'wifi passphrase')}"
    key_mgmt=WPA-PSK
    priority=5
}

network={
    ssid="Guest"
    key_mgmt=NONE
}
`;
}

/** An LDAP client config and SSSD's: bind passwords and the settings around them. */
export function ldapConf(f: FileBuilder): string {
  const r = f.rng;
  return `# /etc/ldap.conf
base dc=corp,dc=example
uri ldaps://ldap.corp.example/
binddn cn=svc-nss,ou=services,dc=corp,dc=example
bindpw ${f.plant(s.password(r), 'password')}
pam_password exop
ssl start_tls
tls_cacertfile /etc/ssl/certs/corp-ca.pem

# /etc/sssd/sssd.conf
[domain/corp.example]
id_provider = ldap
ldap_uri = ldaps://ldap.corp.example
ldap_default_bind_dn = cn=svc-sssd,ou=services,dc=corp,dc=example
ldap_default_authtok_type = password
ldap_default_authtok = ${f.plant(s.password(r), 'password')}
cache_credentials = True
`;
}

/** An OpenVPN client profile: the CA and client certificates (public) and the tls-auth key. */
export function openvpnProfile(f: FileBuilder): string {
  const r = f.rng;
  const hex = Array.from({ length: 16 }, () => chars(r, HEX, 32)).join('\n');
  const staticKey = `-----BEGIN OpenVPN Static key V1-----\n${hex}\n-----END OpenVPN Static key V1-----`;
  const text = `client
dev tun
proto udp
remote vpn.corp.example 1194
resolv-retry infinite
nobind
persist-key
persist-tun
remote-cert-tls server
cipher AES-256-GCM
auth-user-pass
key-direction 1
<ca>
${s.pemKey(r, 'CERTIFICATE')}
</ca>
<cert>
${s.pemKey(r, 'CERTIFICATE')}
</cert>
<tls-auth>
#
# 2048 bit OpenVPN static key
#
${staticKey}
</tls-auth>
`;
  f.plantBlock(text, staticKey, 'openvpn static key', ['openvpn-static-key']);
  return text;
}

/** An Ansible INI inventory with connection passwords, and the key-file path that is not one. */
export function ansibleInventory(f: FileBuilder): string {
  const r = f.rng;
  return `[web]
web-01 ansible_host=${f.pii('10.20.1.11', 'ipv4-address')}
web-02 ansible_host=${f.pii('10.20.1.12', 'ipv4-address')}

[db]
db-01 ansible_host=${f.pii('10.20.2.21', 'ipv4-address')} ansible_user=root ansible_password=${f.plant(s.password(r), 'password')}

[all:vars]
ansible_user=deploy
ansible_ssh_private_key_file=~/.ssh/deploy_ed25519
ansible_become_pass=${f.plant(s.password(r), 'password')}
ansible_python_interpreter=/usr/bin/python3
`;
}

/** Postfix relaying through a provider: `main.cf` names the map, `sasl_passwd` holds the logins (SES's user is an access key id). */
export function postfixSaslPasswd(f: FileBuilder): string {
  const r = f.rng;
  return `# /etc/postfix/sasl_passwd — postmap after editing
[smtp.gmail.com]:587 alerts.${chars(r, LOWER, 5)}@example.com:${f.plant(s.password(r), 'mail relay', ['postfix-sasl-password'])}
[email-smtp.eu-west-1.amazonaws.com]:587 ${f.plant(`AKIA${chars(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`, 'aws key id', ['aws-access-key-id'])}:${f.plant(`B${chars(r, `${ALNUM}+/`, 43)}`, 'mail relay')}
`;
}

/** Postfix's `main.cf`: the relay and the map's path, no secret. */
export function postfixMainCf(_f: FileBuilder): string {
  return `myhostname = mail.corp.example.org
relayhost = [smtp.gmail.com]:587
smtp_sasl_auth_enable = yes
smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd
smtp_sasl_security_options = noanonymous
smtp_tls_security_level = encrypt
smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt
`;
}

/** Bitnami RabbitMQ chart values: the Erlang cookie and the admin password, beside an existing-secret reference. */
export function rabbitmqValues(f: FileBuilder): string {
  const r = f.rng;
  return `auth:
  username: admin
  password: ${f.plant(s.password(r), 'rabbitmq')}
  erlangCookie: ${f.plant(chars(r, ALNUM, 32), 'erlang cookie', ['erlang-cookie'])}
  existingErlangSecret: ""
  tls:
    enabled: false
clustering:
  enabled: true
  addressType: hostname
replicaCount: 3
persistence:
  enabled: true
  size: 8Gi
metrics:
  enabled: true
`;
}

/** Magento 2's `app/etc/env.php`: the encryption key and the database password. */
export function magentoEnvPhp(f: FileBuilder): string {
  const r = f.rng;
  return `<?php
return [
    'backend' => [
        'frontName' => 'admin_${chars(r, LOWER + DIGITS, 6)}'
    ],
    'crypt' => [
        'key' => '${f.plant(chars(r, HEX, 32), 'magento crypt key', ['magento-crypt-key'])}'
    ],
    'db' => [
        'table_prefix' => '',
        'connection' => [
            'default' => [
                'host' => 'localhost',
                'dbname' => 'magento',
                'username' => 'magento',
                'password' => '${f.plant(s.password(r), 'php config')}',
                'active' => '1'
            ]
        ]
    ],
    'MAGE_MODE' => 'production',
    'session' => [
        'save' => 'files'
    ],
    'cache_types' => [
        'config' => 1,
        'layout' => 1
    ],
    'install' => [
        'date' => 'Tue, 14 May 2024 09:21:44 +0000'
    ]
];
`;
}
