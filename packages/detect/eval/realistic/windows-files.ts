import { chars, DIGITS, LOWER } from '../random.ts';
import type { FileBuilder } from './labels.ts';
import * as s from './secrets.ts';

/*
 * Files Windows and build-server administrators leave in shares and backups: an answer file for
 * unattended setup, a Group Policy Preferences file from SYSVOL and a Jenkins controller's
 * credentials.xml. Each holds its secrets the way the tool writes them, beside the values that
 * are not (setup's own redaction, an empty cpassword, Jenkins ids and descriptions).
 */

/** Random bytes (from the file's generator) as standard base64. */
function randomBytes(f: FileBuilder, n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, () => Math.floor(f.rng() * 256)));
}

/** A `{GUID}` in the capitals Windows writes. */
const guid = (f: FileBuilder) => `{${s.uuid(f.rng).toUpperCase()}}`;

/** `autounattend.xml`: the administrator and auto-logon passwords in plain text, a local account's in base64. */
export function unattendXml(f: FileBuilder): string {
  const admin = f.plant(s.password(f.rng), 'windows answer file', ['windows-unattend-password']);
  const autoLogon = f.plant(s.password(f.rng), 'windows answer file', ['windows-unattend-password']);
  // PlainText false: base64 of the UTF-16 password and the element name, decodable by anyone.
  const local = f.plant(
    Buffer.from(`${s.password(f.rng)}Password`, 'utf16le').toString('base64'),
    'windows answer file',
    ['windows-unattend-password'],
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="windowsPE">
    <component name="Microsoft-Windows-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <UserData>
        <ProductKey>
          <Key>W269N-WFGWX-YVC9B-4J6C9-T83GX</Key>
          <WillShowUI>OnError</WillShowUI>
        </ProductKey>
        <AcceptEula>true</AcceptEula>
        <FullName>IT Operations</FullName>
        <Organization>Example Corp</Organization>
      </UserData>
    </component>
  </settings>
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <OOBE>
        <HideEULAPage>true</HideEULAPage>
        <ProtectYourPC>3</ProtectYourPC>
      </OOBE>
      <UserAccounts>
        <AdministratorPassword>
          <Value>${admin}</Value>
          <PlainText>true</PlainText>
        </AdministratorPassword>
        <LocalAccounts>
          <LocalAccount wcm:action="add" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
            <Password>
              <Value>${local}</Value>
              <PlainText>false</PlainText>
            </Password>
            <Description>Kiosk account</Description>
            <DisplayName>kiosk</DisplayName>
            <Group>Users</Group>
            <Name>kiosk</Name>
          </LocalAccount>
        </LocalAccounts>
      </UserAccounts>
      <AutoLogon>
        <Password>
          <Value>${autoLogon}</Value>
          <PlainText>true</PlainText>
        </Password>
        <Enabled>true</Enabled>
        <LogonCount>1</LogonCount>
        <Username>Administrator</Username>
      </AutoLogon>
      <TimeZone>W. Europe Standard Time</TimeZone>
    </component>
  </settings>
</unattend>
`;
}

/** A used answer file as setup leaves it in `C:\\Windows\\Panther`: every password replaced. */
export function pantherUnattend(_f: FileBuilder): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64">
      <UserAccounts>
        <AdministratorPassword>*SENSITIVE*DATA*DELETED*</AdministratorPassword>
      </UserAccounts>
      <AutoLogon>
        <Password>
          <Value>*SENSITIVE*DATA*DELETED*</Value>
          <PlainText>true</PlainText>
        </Password>
        <Username>Administrator</Username>
      </AutoLogon>
    </component>
  </settings>
</unattend>
`;
}

/** SYSVOL `Groups.xml`: a local administrator pushed with a cpassword, and a group change without one. */
export function gppGroups(f: FileBuilder): string {
  const cpassword = f.plant(
    randomBytes(f, 32).toString('base64').replace(/=+$/, ''),
    'group policy password',
    ['gpp-cpassword'],
  );
  const changed = `2025-0${chars(f.rng, '1234', 1)}-1${chars(f.rng, DIGITS, 1)} 0${chars(f.rng, DIGITS, 1)}:${chars(f.rng, '12345', 1)}${chars(f.rng, DIGITS, 1)}:17`;
  return `<?xml version="1.0" encoding="utf-8"?>
<Groups clsid="{3125E937-EB16-4b4c-9934-544FC6D24D26}"><User clsid="{DF5F1855-51E5-4d24-8B1A-D9BDE98BA1D1}" name="LocalAdmin" image="2" changed="${changed}" uid="${guid(f)}"><Properties action="U" newName="" fullName="Local administrator" description="Managed by GPO" cpassword="${cpassword}" changeLogon="0" noChange="1" neverExpires="1" acctDisabled="0" userName="LocalAdmin"/></User><Group clsid="{6D4A79E4-529C-4481-ABD0-F5BD7EA93BA7}" name="Administrators (built-in)" image="2" changed="${changed}" uid="${guid(f)}"><Properties action="U" newName="" description="" deleteAllUsers="0" deleteAllGroups="0" removeAccounts="0" groupSid="S-1-5-32-544" groupName="Administrators (built-in)"><Members><Member name="CORP\\Workstation Admins" action="ADD" sid="S-1-5-21-${chars(f.rng, DIGITS, 10)}-${chars(f.rng, DIGITS, 9)}-${chars(f.rng, DIGITS, 10)}-${chars(f.rng, DIGITS, 4)}"/></Members></Properties></Group><User clsid="{DF5F1855-51E5-4d24-8B1A-D9BDE98BA1D1}" name="Guest" image="3" changed="${changed}" uid="${guid(f)}"><Properties action="U" newName="" fullName="" description="" cpassword="" changeLogon="0" noChange="0" neverExpires="0" acctDisabled="1" userName="Guest"/></User>
</Groups>
`;
}

/** A Jenkins secret as the controller stores it: version 1, a 16-byte IV, the length, then AES blocks. */
function jenkinsSecret(f: FileBuilder, blocks: number): string {
  const head = Buffer.alloc(9);
  head[0] = 1;
  head.writeUInt32BE(16, 1);
  head.writeUInt32BE(blocks * 16, 5);
  return Buffer.concat([head, randomBytes(f, 16 + blocks * 16)]).toString('base64');
}

/** `JENKINS_HOME/credentials.xml`: a username/password, a secret text and an SSH key passphrase, encrypted. */
export function jenkinsCredentials(f: FileBuilder): string {
  const accept = ['jenkins-encrypted-secret'];
  const password = f.plant(jenkinsSecret(f, 2), 'jenkins secret', accept);
  const token = f.plant(jenkinsSecret(f, 4), 'jenkins secret', accept);
  const passphrase = f.plant(jenkinsSecret(f, 2), 'jenkins secret', accept);
  return `<?xml version='1.1' encoding='UTF-8'?>
<com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin="credentials@1337.v60b_d7b_c7b_c9f">
  <domainCredentialsMap class="hudson.util.CopyOnWriteMap$Hash">
    <entry>
      <com.cloudbees.plugins.credentials.domains.Domain>
        <specifications/>
      </com.cloudbees.plugins.credentials.domains.Domain>
      <java.util.concurrent.CopyOnWriteArrayList>
        <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>
          <scope>GLOBAL</scope>
          <id>nexus-deploy</id>
          <description>Nexus deployment user</description>
          <username>deployment</username>
          <password>{${password}}</password>
          <usernameSecret>false</usernameSecret>
        </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>
        <org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl plugin="plain-credentials@183.va_de8f1dd5a_2b_">
          <scope>GLOBAL</scope>
          <id>${s.uuid(f.rng)}</id>
          <description>Slack notifier token</description>
          <secret>{${token}}</secret>
        </org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>
        <com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey plugin="ssh-credentials@349.vb_8b_6b_9709f5b_">
          <scope>GLOBAL</scope>
          <id>git-${chars(f.rng, LOWER, 6)}</id>
          <description>Git checkout key</description>
          <username>git</username>
          <passphrase>{${passphrase}}</passphrase>
          <privateKeySource class="com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey$FileOnMasterPrivateKeySource">
            <privateKeyFile>/var/lib/jenkins/.ssh/id_ed25519</privateKeyFile>
          </privateKeySource>
        </com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey>
      </java.util.concurrent.CopyOnWriteArrayList>
    </entry>
  </domainCredentialsMap>
</com.cloudbees.plugins.credentials.SystemCredentialsProvider>
`;
}
