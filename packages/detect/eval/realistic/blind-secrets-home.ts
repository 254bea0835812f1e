import { ALNUM, BASE64, chars, DIGITS, HEX, int, LOWER, pick, UPPER } from '../random.ts';
import * as v from './blind-values.ts';
import type { FileBuilder } from './labels.ts';

/*
 * Blind corpus, part 4: the credential files tools keep in a home directory (AWS, gh, git,
 * PyPI, rclone, Maven, NuGet, Gradle, RubyGems, Cargo, Terraform, Vault, gcloud, Azure) and
 * client configs people back up (FileZilla, WinSCP, Sublime SFTP, VS Code), written from the
 * tools' formats without reading the detectors.
 */

/** ~/.aws/credentials with long-term, temporary and local MinIO profiles. */
export function awsCredentials(f: FileBuilder): string {
  const r = f.rng;
  const aws = (value: string, detector: string) => f.plant(value, 'aws', [detector]);
  return `[default]
aws_access_key_id = ${aws(v.awsKeyId(r), 'aws-access-key-id')}
aws_secret_access_key = ${aws(v.awsSecret(r), 'aws-secret-access-key')}

[acme-prod]
aws_access_key_id=${aws(v.awsKeyId(r), 'aws-access-key-id')}
aws_secret_access_key=${aws(v.awsSecret(r), 'aws-secret-access-key')}
region=eu-west-1

[acme-prod-session]
aws_access_key_id = ${aws(v.awsTempKeyId(r), 'aws-access-key-id')}
aws_secret_access_key = ${aws(v.awsSecret(r), 'aws-secret-access-key')}
aws_session_token = ${aws(v.awsSessionToken(r), 'aws-session-token')}

[minio-local]
aws_access_key_id = minioadmin
aws_secret_access_key = minioadmin
`;
}

/** ~/.aws/config: roles, MFA, SSO and a credential process (negatives only). */
export function awsConfig(f: FileBuilder): string {
  const r = f.rng;
  const org = v.awsAccount(r);
  const prod = v.awsAccount(r);
  return `[default]
region = eu-west-1
output = json

[profile acme-prod-admin]
role_arn = arn:aws:iam::${prod}:role/OrganizationAccountAccessRole
source_profile = default
mfa_serial = arn:aws:iam::${org}:mfa/mkowalski
role_session_name = mkowalski
duration_seconds = 3600

[profile acme-dev]
sso_session = acme
sso_account_id = ${v.awsAccount(r)}
sso_role_name = AdministratorAccess
region = eu-central-1

[sso-session acme]
sso_start_url = https://d-${chars(r, `${HEX}`, 10)}.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile legacy]
credential_process = /usr/local/bin/aws-vault exec legacy --json
external_id = ${v.uuid4(r)}
`;
}

/** gh CLI hosts.yml with a github.com OAuth token and a GitHub Enterprise PAT. */
export function ghHosts(f: FileBuilder): string {
  const r = f.rng;
  const token = f.plant(v.githubToken(r, 'gho'), 'github', ['github-token']);
  return `github.com:
    users:
        mkowalski:
            oauth_token: ${token}
    git_protocol: ssh
    oauth_token: ${token}
    user: mkowalski
github.acme-widgets.dev:
    users:
        mkowalski:
            oauth_token: ${f.plant(v.githubFineGrained(r), 'github', ['github-fine-grained-pat'])}
    git_protocol: https
    user: mkowalski
`;
}

/** ~/.git-credentials as `git credential-store` writes it. */
export function gitCredentials(f: FileBuilder): string {
  const r = f.rng;
  return `https://mkowalski:${f.plant(v.githubToken(r), 'github', ['github-token'])}@github.com
https://oauth2:${f.plant(v.gitlabPat(r), 'gitlab')}@gitlab.com
https://mkowalski:${f.plant(v.bitbucketAppPassword(r), 'password')}@bitbucket.org
https://build-bot:${f.plant(chars(r, ALNUM, 20), 'password')}@git.acme-widgets.dev
`;
}

/** ~/.pypirc with PyPI and TestPyPI API tokens and a private index password. */
export function pypirc(f: FileBuilder): string {
  const r = f.rng;
  return `[distutils]
index-servers =
    pypi
    testpypi
    internal

[pypi]
username = __token__
password = ${f.plant(v.pypiToken(r), 'pypi token')}

[testpypi]
repository = https://test.pypi.org/legacy/
username = __token__
password = ${f.plant(`pypi-AgENdGVzdC5weXBpLm9yZw${chars(r, `${ALNUM}-_`, 150)}`, 'pypi token')}

[internal]
repository = https://nexus.acme-widgets.dev/repository/pypi-internal/
username = deploy
password = ${f.plant(v.password(r).replace(/^[#;%]/, 'j'), 'password')}
`;
}

/** rclone.conf: S3 keys, an obscured SFTP password, a Drive OAuth token, a B2 application key. */
export function rcloneConf(f: FileBuilder): string {
  const r = f.rng;
  const obscured = Buffer.from(Array.from({ length: 16 + int(r, 10, 20) }, () => int(r, 0, 255))).toString(
    'base64url',
  );
  const driveToken = JSON.stringify({
    access_token: f.plant(v.googleAccess(r), 'oauth token'),
    token_type: 'Bearer',
    refresh_token: f.plant(v.googleRefresh(r), 'oauth token'),
    expiry: '2026-11-30T11:42:10.123456+01:00',
  });
  return `[s3-backups]
type = s3
provider = AWS
access_key_id = ${f.plant(v.awsKeyId(r), 'aws', ['aws-access-key-id'])}
secret_access_key = ${f.plant(v.awsSecret(r), 'aws', ['aws-secret-access-key'])}
region = eu-west-1
storage_class = STANDARD_IA

[nas]
type = sftp
host = nas.home.arpa
user = backup
pass = ${f.plant(obscured, 'password')}
shell_type = unix
md5sum_command = md5sum

[gdrive]
type = drive
scope = drive
token = ${driveToken}
team_drive =

[b2]
type = b2
account = 002${chars(r, HEX, 22)}
key = ${f.plant(`K002${chars(r, `${ALNUM}+/`, 27)}`, 'api key')}
hard_delete = true
`;
}

/** Maven ~/.m2/settings.xml: server and proxy passwords, an env reference, a master-encrypted one. */
export function mavenSettings(f: FileBuilder): string {
  const r = f.rng;
  return `<?xml version="1.0" encoding="UTF-8"?>
<settings xmlns="http://maven.apache.org/SETTINGS/1.2.0"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://maven.apache.org/SETTINGS/1.2.0 https://maven.apache.org/xsd/settings-1.2.0.xsd">
  <servers>
    <server>
      <id>nexus-releases</id>
      <username>deployment</username>
      <password>${f.plant(v.password(r), 'password')}</password>
    </server>
    <server>
      <id>nexus-snapshots</id>
      <username>deployment</username>
      <password>\${env.NEXUS_PASSWORD}</password>
    </server>
    <server>
      <id>ossrh</id>
      <username>mk-sonatype</username>
      <password>{${chars(r, BASE64, 43)}=}</password>
    </server>
    <server>
      <id>github</id>
      <username>mkowalski</username>
      <password>${f.plant(v.githubToken(r), 'github', ['github-token'])}</password>
    </server>
  </servers>
  <proxies>
    <proxy>
      <id>corp</id>
      <active>true</active>
      <protocol>http</protocol>
      <host>proxy.corp.acme-widgets.dev</host>
      <port>3128</port>
      <username>mkowalski</username>
      <password>${f.plant(v.password(r), 'password')}</password>
      <nonProxyHosts>localhost|*.acme-widgets.dev</nonProxyHosts>
    </proxy>
  </proxies>
  <mirrors>
    <mirror>
      <id>nexus</id>
      <mirrorOf>*</mirrorOf>
      <url>https://nexus.acme-widgets.dev/repository/maven-public/</url>
    </mirror>
  </mirrors>
</settings>
`;
}

/** NuGet.Config with cleartext feed passwords and a DPAPI-encrypted API key (negative). */
export function nugetConfig(f: FileBuilder): string {
  const r = f.rng;
  return `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
    <add key="acme" value="https://pkgs.dev.azure.com/acme/_packaging/acme/nuget/v3/index.json" />
    <add key="github" value="https://nuget.pkg.github.com/acme-widgets/index.json" />
  </packageSources>
  <packageSourceCredentials>
    <acme>
      <add key="Username" value="az" />
      <add key="ClearTextPassword" value="${f.plant(chars(r, `${LOWER}234567`, 52), 'azure devops pat')}" />
    </acme>
    <github>
      <add key="Username" value="mkowalski" />
      <add key="ClearTextPassword" value="${f.plant(v.githubToken(r), 'github', ['github-token'])}" />
    </github>
  </packageSourceCredentials>
  <apikeys>
    <add key="https://www.nuget.org" value="AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA${chars(r, BASE64, 300)}" />
  </apikeys>
</configuration>
`;
}

/** ~/.gradle/gradle.properties with signing and repository passwords. */
export function gradleProperties(f: FileBuilder): string {
  const r = f.rng;
  return `org.gradle.jvmargs=-Xmx4g -XX:MaxMetaspaceSize=1g -Dfile.encoding=UTF-8
org.gradle.parallel=true
org.gradle.caching=true
android.useAndroidX=true
kotlin.code.style=official

signing.keyId=${chars(r, HEX.toUpperCase(), 8)}
signing.password=${f.plant(v.password(r), 'password')}
signing.secretKeyRingFile=/Users/mkowalski/.gnupg/secring.gpg

ossrhUsername=mk-sonatype
ossrhPassword=${f.plant(v.password(r), 'password')}
mavenCentralUsername=${chars(r, ALNUM, 8)}
mavenCentralPassword=${f.plant(chars(r, `${ALNUM}+/`, 44), 'password')}

artifactory_user=ci-publisher
artifactory_password=${f.plant(v.jfrogApiKey(r), 'api key')}
systemProp.http.proxyHost=proxy.corp.acme-widgets.dev
systemProp.http.proxyPort=3128
`;
}

/** ~/.gem/credentials as `gem signin` writes it, plus a GitHub Packages entry. */
export function gemCredentials(f: FileBuilder): string {
  const r = f.rng;
  return `---
:rubygems_api_key: ${f.plant(v.rubygems(r), 'api key')}
:github: Bearer ${f.plant(v.githubToken(r), 'github', ['github-token'])}
`;
}

/** ~/.cargo/credentials.toml as `cargo login` writes it. */
export function cargoCredentials(f: FileBuilder): string {
  const r = f.rng;
  return `[registry]
token = "${f.plant(v.cratesIo(r), 'api key')}"

[registries.acme-internal]
token = "Bearer ${f.plant(chars(r, ALNUM, 40), 'api key')}"
`;
}

/** ~/.terraform.d/credentials.tfrc.json as `terraform login` writes it. */
export function terraformCredentials(f: FileBuilder): string {
  const r = f.rng;
  return `${JSON.stringify(
    {
      credentials: {
        'app.terraform.io': { token: f.plant(v.terraformCloud(r), 'api key') },
        'tfe.acme-widgets.dev': { token: f.plant(v.terraformCloud(r), 'api key') },
      },
    },
    null,
    2,
  )}\n`;
}

/** ~/.vault-token: the token and nothing else (no context, no newline). */
export function vaultToken(f: FileBuilder): string {
  return f.plant(v.vaultToken(f.rng), 'vault token');
}

/** gcloud application_default_credentials.json (user credentials; the client id and secret are gcloud's public ones). */
export function gcloudAdc(f: FileBuilder): string {
  const r = f.rng;
  return `${JSON.stringify(
    {
      account: '',
      client_id: '764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com',
      client_secret: 'd-FL95Q19q7MQmFpd7hHD0Ty',
      quota_project_id: 'acme-analytics-prod',
      refresh_token: f.plant(v.googleRefresh(r), 'oauth token'),
      type: 'authorized_user',
      universe_domain: 'googleapis.com',
    },
    null,
    2,
  )}\n`;
}

/** `az ad sp create-for-rbac --sdk-auth` output, kept for a GitHub Actions secret. */
export function azureSdkAuth(f: FileBuilder): string {
  const r = f.rng;
  return `${JSON.stringify(
    {
      clientId: v.uuid4(r),
      clientSecret: f.plant(v.azureClientSecret(r), 'azure client secret'),
      subscriptionId: v.uuid4(r),
      tenantId: v.uuid4(r),
      activeDirectoryEndpointUrl: 'https://login.microsoftonline.com',
      resourceManagerEndpointUrl: 'https://management.azure.com/',
      activeDirectoryGraphResourceId: 'https://graph.windows.net/',
      sqlManagementEndpointUrl: 'https://management.core.windows.net:8443/',
      galleryEndpointUrl: 'https://gallery.azure.com/',
      managementEndpointUrl: 'https://management.core.windows.net/',
    },
    null,
    2,
  )}\n`;
}

/** FileZilla sitemanager.xml: a base64 password, a key-file site, a master-password-encrypted one. */
export function filezillaSites(f: FileBuilder): string {
  const r = f.rng;
  const pass = v.password(r);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
<FileZilla3 version="3.66.4" platform="windows">
\t<Servers>
\t\t<Server>
\t\t\t<Host>ftp.acme-widgets.dev</Host>
\t\t\t<Port>21</Port>
\t\t\t<Protocol>0</Protocol>
\t\t\t<Type>0</Type>
\t\t\t<User>webmaster</User>
\t\t\t<Pass encoding="base64">${f.plant(Buffer.from(pass).toString('base64'), 'password')}</Pass>
\t\t\t<Logontype>1</Logontype>
\t\t\t<PasvMode>MODE_DEFAULT</PasvMode>
\t\t\t<EncodingType>Auto</EncodingType>
\t\t\t<BypassProxy>0</BypassProxy>
\t\t\t<Name>shop prod ftp</Name>
\t\t\t<SyncBrowsing>0</SyncBrowsing>
\t\t\t<DirectoryComparison>0</DirectoryComparison>
\t\t</Server>
\t\t<Folder expanded="1">Clients
\t\t\t<Server>
\t\t\t\t<Host>sftp.example-logistics.com</Host>
\t\t\t\t<Port>22</Port>
\t\t\t\t<Protocol>1</Protocol>
\t\t\t\t<Type>0</Type>
\t\t\t\t<User>acme_upload</User>
\t\t\t\t<Keyfile>C:\\Users\\mkowalski\\.ssh\\logistics.ppk</Keyfile>
\t\t\t\t<Logontype>5</Logontype>
\t\t\t\t<Name>logistics sftp</Name>
\t\t\t</Server>
\t\t\t<Server>
\t\t\t\t<Host>ftp.printshop.example</Host>
\t\t\t\t<Port>21</Port>
\t\t\t\t<Protocol>0</Protocol>
\t\t\t\t<User>acme</User>
\t\t\t\t<Pass encoding="crypt" pubkey="${chars(r, `${UPPER}${DIGITS}`, 64)}">${chars(r, `${UPPER}${DIGITS}`, 96)}</Pass>
\t\t\t\t<Logontype>1</Logontype>
\t\t\t\t<Name>printshop</Name>
\t\t\t</Server>
\t\t</Folder>
\t</Servers>
</FileZilla3>
`;
}

/** WinSCP.ini: a session with an obfuscated stored password and one using a key file. */
export function winscpIni(f: FileBuilder): string {
  const r = f.rng;
  const obfuscated = `A35C${chars(r, HEX.toUpperCase(), 2 * int(r, 40, 60))}`;
  return `[Configuration\\Interface]
RandomSeedFile=%25USERPROFILE%25%5Cwinscp.rnd
[Configuration\\Security]
UseMasterPassword=0
[Sessions\\deploy@web-01.acme-widgets.dev]
HostName=web-01.acme-widgets.dev
UserName=deploy
Password=${f.plant(obfuscated, 'password')}
PortNumber=22
FSProtocol=2
RemoteDirectory=/var/www/shop
[Sessions\\backup@nas]
HostName=nas.home.arpa
UserName=backup
PublicKeyFile=C:%5CUsers%5Cmkowalski%5C.ssh%5Cnas.ppk
[SshHostKeys]
ssh-ed25519@22:web-01.acme-widgets.dev=0x${chars(r, HEX, 64)},0x${chars(r, HEX, 64)}
`;
}

/** Sublime SFTP's sftp-config.json (JSON with comments) with a password. */
export function sublimeSftpConfig(f: FileBuilder): string {
  const r = f.rng;
  return `{
    // The tab key will cycle through the settings when first created
    // Visit https://codexns.io/products/sftp_for_subime/settings for help

    // sftp, ftp or ftps
    "type": "sftp",

    "save_before_upload": true,
    "upload_on_save": true,
    "sync_down_on_open": false,
    "sync_skip_deletes": false,
    "sync_same_age": true,
    "confirm_downloads": false,
    "confirm_sync": true,
    "confirm_overwrite_newer": false,

    "host": "web-02.acme-widgets.dev",
    "user": "deploy",
    "password": "${f.plant(v.password(r), 'password')}",
    //"port": "22",

    "remote_path": "/var/www/shop/",
    "ignore_regexes": [
        "\\\\.sublime-(project|workspace)", "sftp-config(-alt\\\\d?)?\\\\.json",
        "sftp-settings\\\\.json", "/venv/", "\\\\.svn/", "\\\\.hg/", "\\\\.git/",
        "\\\\.bzr", "_darcs", "CVS", "\\\\.DS_Store", "Thumbs\\\\.db", "desktop\\\\.ini"
    ],
    //"file_permissions": "664",
    //"dir_permissions": "775",

    "connect_timeout": 30,
    //"keepalive": 120,
    //"ssh_key_file": "~/.ssh/id_rsa",
    //"sftp_flags": ["-F", "/path/to/ssh_config"],
}
`;
}

/** VS Code user settings.json: a SQLTools connection, REST Client variables, a proxy URL, terminal env. */
export function vscodeSettings(f: FileBuilder): string {
  const r = f.rng;
  const proxyPass = v.password(r).replace(/[@:/?#%]/g, 'u');
  return `{
  "editor.formatOnSave": true,
  "editor.rulers": [100],
  "workbench.colorTheme": "Default Dark Modern",
  "files.exclude": { "**/node_modules": true },
  "sqltools.connections": [
    {
      "previewLimit": 50,
      "server": "orders-db.data.internal",
      "port": 5432,
      "driver": "PostgreSQL",
      "name": "orders prod (ro)",
      "database": "orders",
      "username": "orders_ro",
      "password": "${f.plant(v.password(r), 'password')}"
    }
  ],
  "rest-client.environmentVariables": {
    "$shared": { "version": "v1" },
    "prod": {
      "baseUrl": "https://api.acme-widgets.dev",
      "token": "${f.plant(v.jwt(r, { sub: v.uuid4(r), aud: 'api.acme-widgets.dev', exp: int(r, 1_790_000_000, 1_800_000_000), scope: 'orders:read orders:write' }), 'jwt')}"
    }
  },
  "http.proxy": "http://mkowalski:${f.plant(proxyPass, 'password')}@proxy.corp.acme-widgets.dev:3128",
  "http.proxyStrictSSL": false,
  "terminal.integrated.env.osx": {
    "OPENAI_API_KEY": "${f.plant(v.openaiProject(r), 'api key')}",
    "HF_HOME": "/Users/mkowalski/.cache/huggingface"
  },
  "git.autofetch": ${pick(r, ['true', 'false'])}
}
`;
}
