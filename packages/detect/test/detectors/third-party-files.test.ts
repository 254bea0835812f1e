import { describe, expect, it } from 'vitest';
import { findingFor, scan } from './helpers.ts';

/*
 * False positives seen scanning third-party files nobody here wrote (a Debian system's /etc,
 * /usr/share/doc, man pages, C++ headers, the Python library, node_modules), each beside a true
 * value of the same shape nearby that must still be found.
 */

/** Findings of `detector` on `text`, as `[value start, value end)` slices of the text. */
async function valuesOf(text: string, detector: string, name = 'notes.txt'): Promise<string[]> {
  const findings = await scan(text, name);
  return findings
    .filter((f) => f.detector === detector)
    .map((f) => Buffer.from(text).subarray(f.location.byte_start, f.location.byte_end).toString());
}

describe('generic-secret on third-party files', () => {
  it.each([
    [
      'a DejaGnu test log',
      'Running ./gdb.base/break.exp ...\nPASS: gdb.base/break.exp: break main\nPASS: gdb.base/break.exp: run until main\nFAIL: gdb.base/break.exp: step\n',
    ],
    [
      'an Automake test log',
      'PASS: test-passwd-parse\nPASS: tests/auth-basic.sh 3 - digest\nXFAIL: t-flaky\n',
    ],
    ['a lone result with a description', 'PASS: PHDRS2 linker script\n'],
    [
      'GNU ChangeLog entries',
      '\t* sm/passphrase.h: Likewise.\n\t* tests/auth-basic.px: Rename.\n\t* src/chpasswd.c (main): Use xstrdup.\n',
    ],
    [
      'a Debian changelog',
      '  * debian/patches/git-auth-leak.diff: upstreamed.\n  - 118_arm_pass_all.dpatch: Regenerated.\n',
    ],
    [
      'a list of file names',
      '\t* man/Attic/mkpasswd.8.xml, man/Attic/pw_auth.3.xml, man/chsh.1.xml:\n\ttofu/conflicting/1C005AF3-secret.gpg, tofu/conflicting/1C005AF3-1.txt,\n',
    ],
    ['a list of C functions', '\t(within i2d_ECPrivateKey, i2d_ECPKParameters, i2d_ECParameters):\n'],
    ['a list of cipher suites', '\t PSK-RC4-SHA, PSK-3DES-EDE-CBC-SHA, PSK-AES128-CBC-SHA,\n'],
    ['a list of options', '-auth_level, -verify_depth, -verify_email, -verify_hostname\n'],
    ['documented choices', '# com.sun.management.jmxremote.ssl.need.client.auth=true|false\n'],
    ['an algorithm name', '#password_encryption = scram-sha-256\t# scram-sha-256 or md5\n'],
    [
      'a list of authentication methods',
      '# METHOD can be "trust", "reject", "md5", "password", "scram-sha-256",\n',
    ],
    ['an IPv6 interface token', 'Token=::1a:2b:3c:4d\nToken=prefixstable:2002:da8:1::\n'],
    ['a sentence ending', 'the new --credential= switch.\nCHSH_AUTH, LOGIN_STRING.\n'],
    ['a C++ scanner', '  _M_token = _S_token_ord_char;\n  using arrival_token = __barrier_phase_t;\n'],
    ['C++ member access', '  Pass *ResultPass = Resolver->getAnalysisIfAvailable(PI);\n  pri_psk->keyid\n'],
    [
      'C++ scopes',
      '  std::enable_if_t<is_detected<is_module_pass_t, PassT>::value>\n  IsPass = std::move(RHS.IsPass);\n',
    ],
    [
      'an enum of constants',
      '  enum PopcntSupportKind { PSK_Software, PSK_SlowHardware, PSK_FastHardware };\n',
    ],
    [
      'TypeScript parameter types',
      'function scrypt(password: KDFInput, salt: KDFInput) {}\nhr(token: Tokens.Hr): string\n',
    ],
    [
      'Python defaults',
      "def extract(self, member, path=None, pwd=None):\n    self.password = config['password']\n",
    ],
    [
      'minified JavaScript',
      'set secretKey(value){this._secretKey=value}get x(){}\nexports.Creds=exports.GitHubCreds=void 0;\nconst x={authSchemePreference: config?.authSchemePreference};\n',
    ],
    ['a comparison', 'if(e.password===this.options.password)return;if(auth!=="PASSWORD")x();\n'],
    [
      'a JSON list of qualified names',
      '["aws-cdk-lib.aws_docdb.DatabaseSecret", "aws-cdk-lib.aws_docdb.RotationMultiUserOptions"]\n',
    ],
    ['a translated message', '{"pass": "要素にはaria-busy属性が存在します"}\n'],
    [
      "a wheel's RECORD",
      'awscli/customizations/secretsmanager.py,sha256=Qm7ZtR2xLp9KvW4nB8cDYe0Jf5Wg1Hd6Bc3Zm9Rt4Kp,2318\n',
    ],
    [
      'a binutils test summary',
      'Running /build/binutils-G47RqV/binutils-2.40/ld/testsuite/ld-scripts/phdrs2.exp ...\nPASS: PHDRS2\nRunning /build/binutils-G47RqV/binutils-2.40/ld/testsuite/ld-scripts/include.exp ...\nPASS: include-1\n',
    ],
    ['a gdb backtrace', '    fileKey=fileKey@entry=0x0, ownerPassword=ownerPassword@entry=0x1165830,\n'],
    [
      'a signing key fingerprint',
      '  sig_key:        51:C4:0C:6D:7E:A5:6C:D8:8F:B4:3A:DF:91:78:4F:18:BC:D5:E4:C5\n',
    ],
    ['a PKCS#11 URI', 'pkcs11:token=Root%20CA%20Certificates;serial=1%3AROOTS%3ADEFAULT\n'],
    ['a call opened at the line end', '        comment_token = line[pos:].rstrip(\n'],
    ['a placeholder then a member', 'docs: correct descript of trailer.<token>.command\n'],
    [
      'a package path in a link',
      '<a href="/test/javax/security/auth/PrivateCredentialPermission">javax/security/auth/PrivateCredentialPermission</a>\n',
    ],
    [
      'a code sample whose key is its value',
      "    clientSecretConfig: {\n        jsonKey: 'jsonKey',\n        secretId: 'secretId',\n",
    ],
    [
      'a JSON list of field names',
      '  const missingFields = ["accessToken", "clientId", "refreshToken", "dpopKey"];\n',
    ],
    [
      'JavaScript names and operators',
      'resumptionToken: lastEventId,\nthis.dockerCredentials=props.dockerCredentials??[],\nthis.token=r}}const e=1\n',
    ],
    ['a Go type', '\tSecretOptions: map[string]Secret{\n'],
    ['a version range', '    "@aws-sdk/credential-provider-node": "^3.972.97",\n'],
    [
      'private fields and parser states',
      '"decodeUserPassword","#decodeUserPassword","buildObjectKey"\nlastToken = "?NonExpressionParenKeyword";\n',
    ],
    [
      'more minified JavaScript',
      'this.k=customApiKeySelector}}exports.W=1;\nthis.encryptionKey=props.encryption?.tableKey;\nif(passwordHistorySize>24)throw e;\nreturn"x-token-auth:"+e.token+"@"\n',
    ],
    ['an index cut at its bracket', 'var endToken = tokens[tokens.length - 1];\n'],
    [
      'names with colons, acronyms and versions',
      'KEY = "aws:asset:docker-build-secrets";\ntoken: GetWorkloadAccessTokenForJWT,\nx.SignWithCredentials = SignatureV4SignWithCredentials2;\n',
    ],
    ['a Go format string', 'resolve auth token: %vWebIdentityCredentialsmissing\n'],
    ['an ABNF rule', ' * token         = 1*tchar\n'],
    ['a CSS rule', 'x-pw-tool-item.record.toggled>x-div{clip-path:url(#icon-stop-circle)}\n'],
    [
      'a Go literal',
      '\tCredentials: map[string]interface{}{\n\tPassword: awscdk.SecretValue_*SecretsManager(jsii.String(\n',
    ],
    [
      'pagination and idempotency tokens',
      '"ChangeToken": "abcd12f2-46da-4fdb-b8d5-fbd4c466928f",\n--page-token="ala9glealanal908"\nNextToken: Xq7vLp2mZr9tWs4Kd\n',
    ],
    ['generated class names built on their keys', '{"token-inline":"awsui_token-inline_1i2wg_2zsex_127"}\n'],
    ['paths into objects', "paths: ['users.*.profile.preferences.apiKey', 'users[1].password']\n"],
  ])('%s holds no generic secret', async (_, text) => {
    expect(await valuesOf(text, 'generic-secret')).toEqual([]);
  });

  it.each([
    ['a YAML key named PASS', 'user: deploy\nPASS: Xq7vLp2mZr9t\n', 'Xq7vLp2mZr9t'],
    ['a password after a test log line', 'PASS: t-basic\nDB_PASSWORD=Xq7vLp2mZr9t\n', 'Xq7vLp2mZr9t'],
    ['a CSV row', 'billing,db_password,Xq7vLp2mZr9t,active\n', 'Xq7vLp2mZr9t'],
    ['a password ending in a period', 'password = Xq7vLp2mZr9t.\n', 'Xq7vLp2mZr9t.'],
    ['a password with brackets', 'ldap_default_authtok = b1^]Il(iSIk=v)YE@\n', 'b1^]Il(iSIk=v)YE@'],
    ['a password of words and digits', 'password: hsyxh-29atrO-4379\n', 'hsyxh-29atrO-4379'],
    [
      'a base64 secret with slashes',
      'secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzLEKEY"\n',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzLEKEY',
    ],
    ['a session token', 'session_token = Xq7vLp2mZr9tWs4Kd\n', 'Xq7vLp2mZr9tWs4Kd'],
    ['a pair in a JavaScript Map', 'const m = new Map([["token", "Xq7vLp2mZr9t"]]);\n', 'Xq7vLp2mZr9t'],
    ['a password after a backtrace', 'fileKey=fileKey@entry=0x0, password=Xk9mQ2vL7pRt\n', 'Xk9mQ2vL7pRt'],
    ['a quoted CSV row', '"1","db_password","Xq7v!Lp2mZr9t","active"\n', 'Xq7v!Lp2mZr9t'],
    [
      'a quoted value after a comma and a space',
      '1, db_password, "Xq7v!Lp2mZr9t", active\n',
      'Xq7v!Lp2mZr9t',
    ],
  ])('%s is still found', async (_, text, value) => {
    expect(findingFor(await scan(text, 'settings.txt'), 'generic-secret', value)).toBeDefined();
  });
});

describe('where a value is reported', () => {
  it('is where the pattern took it, not an earlier copy of its text in the key', async () => {
    const text = 'Xq7vLp2mZr9t_api_token: Xq7vLp2mZr9t\n';
    const finding = findingFor(await scan(text, 'settings.txt'), 'generic-secret', 'Xq7vLp2mZr9t');
    expect(finding?.location.byte_start).toBe(text.lastIndexOf('Xq7vLp2mZr9t'));
  });
});

describe('identifiers on third-party files', () => {
  it('an X11 colour table holds no Canadian SIN, a labelled one is found', async () => {
    const table = '255 250 250\t\tsnow\n245 222 179\t\twheat\n181 181 181\t\tgray71\n';
    expect(await valuesOf(table, 'canada-sin')).toEqual([]);
    expect(await valuesOf(`${table}SIN: 130 692 544\nemployee 130-692-544\n`, 'canada-sin')).toEqual([
      '130 692 544',
      '130-692-544',
    ]);
  });

  it('numbers in names, decimals, tables and URLs hold no card, a card on its own is found', async () => {
    const text = [
      ' ...z-testcase-minimized-hb-shape-fuzzer-5762953198960640 | Bin 0 -> 62 bytes',
      '      M1_INV: [ [ 1.2325947975032656, -.5557590239287523, .2736201534771583 ] ],',
      '  6282 6319 6357 6394 6432 6469 6507 6545 6583 6621',
      "insert ( 3221 _pg_lsn 11 10 -1 f b A f t ',' 0 6179 3220 0 750 751 2400 2401 - - 3816 d x f 0 -1 0 0 )",
      '* [Methods that change Array by copy](https://chromestatus.com/feature/5068609911521280)',
    ].join('\n');
    expect(await valuesOf(`${text}\n`, 'payment-card')).toEqual([]);
    const cards = 'card: 4539 1488 0343 6467\namex 3756 918427 03517\nvisa 4012735190465830 exp 12/27\n';
    expect(await valuesOf(`${text}\n${cards}`, 'payment-card')).toEqual([
      '4539 1488 0343 6467',
      '3756 918427 03517',
      '4012735190465830',
    ]);
  });

  it('a CSS colour is no BSB and an input mask no ITIN; labelled ones are found', async () => {
    const text = '--vscode-editorGroupHeader-tabsBackground:#252526;\nformatStr = "999-99-9999";\n';
    expect(await valuesOf(text, 'au-bsb')).toEqual([]);
    expect(await valuesOf(text, 'us-itin')).toEqual([]);
    const labelled = `${text}BSB: 062-000\nITIN: 912-70-1234\n`;
    expect(await valuesOf(labelled, 'au-bsb')).toEqual(['062-000']);
    expect(await valuesOf(labelled, 'us-itin')).toEqual(['912-70-1234']);
  });

  it('ARABIC and CMAKE_Swift_ are no SWIFT/BIC labels, `BIC:` and `bankBic` are', async () => {
    const text =
      '\'\\ufeed\'   #  0xF0 -> ARABIC LETTER WAW ISOLATED FORM\nCMAKE_Swift_COMPILER\nBIC: DEUTDEFF\n"bankBic": "COBADEFFXXX"\n';
    expect(await valuesOf(text, 'swift-bic')).toEqual(['DEUTDEFF', 'COBADEFFXXX']);
  });

  it('SSH algorithm names, retina images and locale names are no email, a mailbox beside them is', async () => {
    const text = [
      '#   MACs hmac-md5,hmac-sha1,umac-64@openssh.com',
      'Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com',
      'KexAlgorithms curve25519-sha256@libssh.org,sntrup761x25519-sha512@openssh.com',
      'icons: icons-64x64@2.tar logo@2x.png',
      'LANG=sd_IN@devanagari.UTF-8',
      '# send questions to user@somedomain.tld',
    ].join('\n');
    expect(await valuesOf(`${text}\n`, 'email')).toEqual([]);
    const people =
      'Author: Damien Miller <djm@openssh.com>\nalice.smith@mbox.kyoto, bob-2@acme.io\nkrb5-bugs@mit.edu, info@translate.org.za\n';
    expect(await valuesOf(`${text}\n${people}`, 'email')).toEqual([
      'djm@openssh.com',
      'alice.smith@mbox.kyoto',
      'bob-2@acme.io',
      'krb5-bugs@mit.edu',
      'info@translate.org.za',
    ]);
  });

  it('release numbers in changelogs are no IPv4 addresses, an address beside them is', async () => {
    const text = [
      'dpkg (1.14.16.4) unstable; urgency=low',
      '      Start preparing for 1.8.0.1',
      '  * Standards-Version updated to 4.6.0.1',
      "* `'x448'` (OID 1.3.101.111)",
      '   by 0x40F6B804: (within /usr/lib/libpng.so.2.1.0.9)',
      '* deps: update zlib to 1.3.0.1-motley-71660e1',
    ].join('\n');
    expect(await valuesOf(`${text}\n`, 'ipv4-address')).toEqual([]);
    const hosts = 'connect to 93.184.216.34 on port 443\nhost (93.184.216.35) answered\n';
    expect(await valuesOf(`${text}\n${hosts}`, 'ipv4-address')).toEqual(['93.184.216.34', '93.184.216.35']);
  });
});
