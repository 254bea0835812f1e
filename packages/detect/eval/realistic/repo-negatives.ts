import { chars, int, LOWER, pick } from '../random.ts';
import type { FileBuilder } from './labels.ts';

/*
 * Files shaped like the third-party text a repository or a system image carries (test logs,
 * ChangeLogs, commented server configs, colour tables, man pages, library sources), with the
 * look-alikes a scan of /etc, /usr/share/doc, the Python library and node_modules reported as
 * secrets or ids: `PASS: x.exp: ...` read as a password, `* passwd.c: Likewise.`, algorithm
 * names, RGB triplets passing Luhn as SINs, `ARABIC` holding a BIC label, `umac-64@openssh.com`.
 * Only the authors' mailboxes are true values.
 */

const FIRST = ['Ana', 'Boris', 'Chen', 'Dagny', 'Emeka', 'Farah', 'Goran', 'Hiroko'];
const LAST = ['Lindqvist', 'Okafor', 'Moreau', 'Tanaka', 'Novak', 'Haddad', 'Ferreira', 'Kowalski'];

/** An author line's name and mailbox, the mailbox recorded as personal data. */
function author(f: FileBuilder): string {
  const first = pick(f.rng, FIRST);
  const last = pick(f.rng, LAST);
  const mail = `${first.toLowerCase()}.${last.toLowerCase()}@${pick(f.rng, ['gnu.org', 'debian.org', 'kernel.org', 'posteo.de'])}`;
  return `${first} ${last} <${f.pii(mail, 'email')}>`;
}

/** A DejaGnu `check.log` (gdb, binutils): `Running` lines, results, and the summary. */
export function dejagnuLog(f: FileBuilder): string {
  const tests = ['break', 'watchpoint', 'passcount', 'auth-regs', 'step-test'];
  const lines = tests.flatMap((t) => [
    `Running /build/gdb/testsuite/gdb.base/${t}.exp ...`,
    `PASS: gdb.base/${t}.exp: set breakpoint at main`,
    `PASS: gdb.base/${t}.exp: continue to marker ${int(f.rng, 1, 9)}`,
    pick(f.rng, [
      `XFAIL: gdb.base/${t}.exp: step into (PRMS ${int(f.rng, 1000, 9999)})`,
      `KPASS: gdb.base/${t}.exp: finish`,
    ]),
  ]);
  return `Test run by builder on Mon Dec  7 03:12:44 2026
Native configuration is x86_64-pc-linux-gnu

		=== gdb tests ===

${lines.join('\n')}
Running /build/ld/testsuite/ld-scripts/phdrs2.exp ...
PASS: PHDRS2
Running /build/ld/testsuite/ld-scripts/include.exp ...
PASS: include-1
PASS: SFrame cfi_rel_offset test
UNSUPPORTED: gdb.base/passwd-prompt.exp: no tty

		=== gdb Summary ===

# of expected passes		${int(f.rng, 10000, 99999)}
# of expected failures		${int(f.rng, 10, 99)}
`;
}

/** A GNU ChangeLog: file lists, `Likewise.`, renamed tests, and author lines. */
export function gnuChangeLog(f: FileBuilder): string {
  return `2024-03-18  ${author(f)}

	* sm/passphrase.h: Likewise.
	* tests/migrations/extended-private-key-format.scm: Rename.
	* tests/Test-proxy-auth-basic.px: Likewise.
	* find/testsuite/find.gnu/execdir-pwd.exp: New test.
	* man/Attic/mkpasswd.8.xml, man/Attic/pw_auth.3.xml, man/chsh.1.xml,
	man/chpasswd.8.xml: Use the new entity.
	tofu/conflicting/1C005AF3-secret.gpg, tofu/conflicting/1C005AF3-1.txt,
	tofu-keys-secret.asc, tofu-2183839A-1.txt: New files.

2024-02-02  ${author(f)}

	* crypto/ec/ec_asn1.c (within i2d_ECPrivateKey, i2d_ECPKParameters,
	i2d_ECParameters): Check the return value.
	* ssl/ssl_ciph.c: Drop PSK-RC4-SHA, PSK-3DES-EDE-CBC-SHA, PSK-AES128-CBC-SHA,
	and the export suites.
	* src/chsh.c: Uses CHSH_AUTH, LOGIN_STRING.
	* src/http.c: check for auth_mode == URL_AUTH_HIDE_PASSWD.
	* doc/gpg.texi (--passphrase, --passphrase-file, --passphrase-fd):
	Describe the pinentry loopback.
`;
}

/** A Debian `changelog.Debian`: patch notes and the maintainer trailer. */
export function debianChangelog(f: FileBuilder): string {
  return `dpkg (1.${int(f.rng, 10, 22)}.${int(f.rng, 0, 30)}.${int(f.rng, 1, 9)}) unstable; urgency=low

  * Standards-Version updated to 4.6.0.1
  * Start preparing for 1.8.0.1; update zlib to 1.3.0.1-motley-71660e1.

 -- ${author(f)}  Thu, 24 Jan 2008 14:20:10 +0100

glibc (2.36-9+deb12u${int(f.rng, 1, 9)}) bookworm; urgency=medium

  * debian/patches/hurd-i386/git-auth-leak.diff: upstreamed.
  * debian/patches/hurd-i386/tg-sendmsg-SCM_CREDS.diff: rebased.
  - 118_arm_pass_all.dpatch: Regenerated.

 -- ${author(f)}  Sat, 04 May 2024 10:21:07 +0200
`;
}

/** A `pg_hba.conf` and a `postgresql.conf` with the stock comments and commented defaults. */
export function postgresConf(_f: FileBuilder): string {
  return `# METHOD can be "trust", "reject", "md5", "password", "scram-sha-256",
# "gss", "sspi", "ident", "peer", "pam", "ldap", "radius" or "cert".
# TYPE  DATABASE        USER            ADDRESS                 METHOD
local   all             postgres                                peer
host    all             all             samehost                scram-sha-256

# - Authentication -

#authentication_timeout = 1min		# 1s-600s
#password_encryption = scram-sha-256	# scram-sha-256 or md5
#db_user_namespace = off
#krb_server_keyfile = 'FILE:\${sysconfdir}/krb5.keytab'
`;
}

/** X11's `rgb.txt`: colour triplets, several of which pass Luhn as nine digits. */
export function rgbTxt(f: FileBuilder): string {
  const fixed = [
    ['255 250 250', 'snow'],
    ['245 222 179', 'wheat'],
    ['240 255 240', 'honeydew'],
    ['181 181 181', 'gray71'],
  ];
  const random = Array.from({ length: 6 }, (_, i) => [
    `${int(f.rng, 100, 255)} ${int(f.rng, 100, 255)} ${int(f.rng, 100, 255)}`,
    `${pick(f.rng, ['slate', 'sea', 'dark', 'light'])}${chars(f.rng, LOWER, 4)}${i}`,
  ]);
  return `! $Xorg: rgb.txt,v 1.3 2000/08/17 19:54:00 cpqbld Exp $
${[...fixed, ...random].map(([rgb, name]) => `${rgb}\t\t${name}`).join('\n')}
`;
}

/** The JDK's `management.properties`: every option documented in comments, `true|false` choices. */
export function managementProperties(_f: FileBuilder): string {
  return `# com.sun.management.jmxremote.ssl.need.client.auth=true|false
#      Default for this property is false. (Case for true/false ignored)
#
# com.sun.management.jmxremote.authenticate=true|false
#      Default for this property is true. (Case for true/false ignored)
#
# com.sun.management.jmxremote.password.file=filepath
#      Specifies location for password file
#      This is optional - default location is
#      \${JRE}/conf/management/jmxremote.password
`;
}

/** Man page fragments: an option list, SSH algorithm lists, IPv6 tokens, an ABNF rule. */
export function manPage(_f: FileBuilder): string {
  return `.IP "\\fB-auth_level\\fR, \\fB-verify_depth\\fR, \\fB-verify_email\\fR" 4
-policy_print, -purpose, -suiteB_128, -auth_level, -verify_depth, -verify_email, -verify_hostname
.IX Item "kPSK, kECDHEPSK, kDHEPSK, kRSAPSK"
#   MACs hmac-md5,hmac-sha1,umac-64@openssh.com
Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com
KexAlgorithms curve25519-sha256@libssh.org
.nf
Token=eui64
Token=::1a:2b:3c:4d
Token=prefixstable:2002:da8:1::
.fi
try this if your terminal just sleeps instead of giving you a password: prompt):
LANG=sd_IN@devanagari.UTF-8
`;
}

/** C and C++ headers: a regex scanner's tokens, member access, scopes, prototypes, enums. */
export function cppHeader(_f: FileBuilder): string {
  return `      else if (__c == '}')
	{
	  _M_state = _S_state_normal;
	  _M_token = _S_token_interval_end;
	}
      using arrival_token = __barrier_phase_t;
  Pass *ResultPass = Resolver->getAnalysisIfAvailable(PI);
  std::enable_if_t<is_detected<is_module_pass_t, PassT>::value>
  IsLoopNestPass = std::move(RHS.IsLoopNestPass);
  enum PopcntSupportKind { PSK_Software, PSK_SlowHardware, PSK_FastHardware };
SECStatus SSL_ClientCertCallbackComplete(PRFileDesc *fd, SECKEYPrivateKey *clientPrivateKey, CERTCertificate *clientCertificate);
SECItem *PK11_CreatePBEParams(SECItem *salt, SECItem *pwd, unsigned int iterations);
  Optional<COFF::AuxiliaryCLRToken> CLRToken;
`;
}

/** Library JavaScript and type declarations, minified and not. */
export function libraryJs(_f: FileBuilder): string {
  return `export declare function scrypt(password: KDFInput, salt: KDFInput, opts: ScryptOpts): Uint8Array;
    hr(token: Tokens.Hr): RendererOutput;
    type Token = XOAuth2Token;
set secretKey(value){cdk().traceProperty(this.node,"SecretKey"),this._secretKey=value}get serverCertificate(){return this._serverCertificate}
Object.defineProperty(exports,"__esModule",{value:!0}),exports.BitBucketSourceCredentials=exports.GitHubSourceCredentials=void 0;
        authSchemePreference: config?.authSchemePreference ?? loadNodeConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS),
if(e.password===this.options.password)return;if(auth!=="PASSWORD")throw new Error("x");
this.dockerCredentials=props.dockerCredentials??[],this.selfMutationEnabled=props.selfMutation??!0;
    const missingFields = ["accessToken", "clientId", "refreshToken", "dpopKey"].filter((k) => !token[k]);
        let data = Buffer.from(token, 'base64').toString().split('\\x00');
"fqnsReferenced":["aws-cdk-lib.SecretValue","aws-cdk-lib.aws_docdb.DatabaseSecret", "aws-cdk-lib.aws_docdb.RotationMultiUserOptions", "constructs.Construct"],
    "@aws-sdk/credential-provider-node": "^3.972.97",
      M1_INV: [ [ 1.2325947975032656, -.5557590239287523, .2736201534771583 ] ],
    "aria-busy": { "pass": "要素にはaria-busy属性が存在します" },
{"input": {"ChangeToken": "abcd12f2-46da-4fdb-b8d5-fbd4c466928f", "NextToken": "eyJ2IjoxLCJvZmZzZXQiOjUwfQ"}}
var styles = {"token-inline":"awsui_token-inline_1i2wg_2zsex_127","root-filtering-token":"awsui_root-filtering-token_xjuzf_85n7e_488"};
const redact = slowRedact({ paths: ['users.*.profile.preferences.apiKey', 'users[1].password'] });
`;
}

/** Python's library: defaults, indexing, codec tables naming Arabic letters. */
export function pythonLib(_f: FileBuilder): string {
  return `    def extract(self, member, path=None, pwd=None):
        """Extract a member from the archive to the current working directory."""
            self.password = config['password']
                    comment_token = line[pos:].rstrip('\\r\\n')
        tokenH, tokenL = token & 0xF0, token & 0x0F
    '\\ufeed'   #  0xF0 -> ARABIC LETTER WAW ISOLATED FORM
    0x00ee: 0xfecd,     #  ARABIC LETTER GHAIN ISOLATED FORM
    '\\u064d'   #  0xED -> ARABIC KASRATAN
`;
}

/** A `git log --stat` of a fuzzed project and a PostScript number table: digits that pass Luhn. */
export function fuzzerLog(f: FileBuilder): string {
  const run = Array.from({ length: 12 }, (_, i) => 6282 + 37 * i).join(' ');
  return `commit ${chars(f.rng, '0123456789abcdef', 40)}
Author: ${author(f)}
Date:   Sun Jun 19 10:41:45 2022 -0600

    [subset] add fuzzer test case, see https://chromestatus.com/feature/5068609911521280

 ...z-testcase-minimized-hb-shape-fuzzer-5762953198960640 | Bin 0 -> 62 bytes
 ...ase-minimized-hb-subset-fuzzer-5675720390475776 | Bin 299037 -> 131084 bytes
 [arabic] Disable fallback shaping under HB_NO_OT_SHAPE_COMPLEX_ARABIC_FALLBACK
 CMAKE_Swift_COMPILER

%%BeginData: widths
 ${run}
%%EndData
`;
}
