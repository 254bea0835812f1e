import { ALNUM, BASE64, chars, DIGITS, HEX, int, LOWER, pick, UPPER } from '../random.ts';
import * as nid from './blind-ids.ts';
import * as v from './blind-pii-values.ts';
import type { FileBuilder } from './labels.ts';
import * as s from './secrets.ts';

/*
 * The blind corpus: contacts and calendars (vCard, iCalendar), mail (.eml and mbox), directory
 * exports (LDIF, Active Directory CSV) and the password files beside them (/etc/shadow,
 * .htpasswd). Written without reading the detectors.
 */

export function vcards(f: FileBuilder): string {
  const r = f.rng;
  const cards = Array.from({ length: 5 }, (_, i) => {
    const p = v.person(r);
    const c = pick(r, ['DE', 'GB', 'FR', 'US', 'NL'] as const);
    const mobile = v.phone(r, c);
    const home = v.phone(r, c);
    const b = v.birth(r);
    const lines = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Apple Inc.//iPhone OS 17.1.2//EN',
      `N:${p.last};${p.first};;;`,
      `FN:${p.first} ${p.last}`,
      `EMAIL;type=INTERNET;type=HOME;type=pref:${v.pii(f, p.email, 'email')}`,
      `TEL;type=CELL;type=VOICE;type=pref:${v.pii(f, mobile.intl, 'phone-number')}`,
      `TEL;type=HOME;type=VOICE:${v.pii(f, home.national, 'phone-number')}`,
      `item1.ADR;type=HOME;type=pref:;;${v.street(r)};${pick(r, ['Hamburg', 'Bristol', 'Nantes', 'Boston', 'Utrecht'])};;${int(r, 10000, 99999)};${c}`,
      `item1.X-ABADR:${c.toLowerCase()}`,
      i % 2 === 0
        ? `BDAY;value=date:${v.pii(f, v.iso(b), 'date-of-birth')}`
        : `BDAY:${v.pii(f, v.ymd(b), 'date-of-birth')}`,
    ];
    if (i === 1) lines.push(`NOTE:Miete ab Jan auf ${v.pii(f, v.paperIban(v.iban(r, 'DE')), 'iban')}`);
    if (i === 3) lines.push(`NOTE:Passport ${v.pii(f, chars(r, DIGITS, 9), 'passport-number')} exp 2031`);
    lines.push(
      `REV:2024-11-${v.pad2(int(r, 1, 28))}T${v.pad2(int(r, 0, 23))}:${v.pad2(int(r, 0, 59))}:${v.pad2(int(r, 0, 59))}Z`,
      `UID:${s.uuid(r).toUpperCase()}`,
      'END:VCARD',
    );
    return lines.join('\r\n');
  });
  return `${cards.join('\r\n')}\r\n`;
}

/** RFC 5545 line folding at 75 octets, never inside a `keep` value. */
function fold(line: string, keep: readonly string[]): string {
  const parts: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest) > 75) {
    let cut = 74;
    for (const k of keep) {
      const at = rest.indexOf(k);
      if (at !== -1 && at < cut && at + k.length > cut) cut = at;
    }
    if (cut === 0) cut = rest.length;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts.filter((x) => x !== '').join('\r\n ');
}

export function icsInvite(f: FileBuilder): string {
  const r = f.rng;
  const org = v.person(r, 'globex-corp.com');
  const attendees = Array.from({ length: 5 }, (_, i) => v.person(r, i < 3 ? 'globex-corp.com' : undefined));
  const dial = v.phone(r, 'GB');
  const dialText = v.pii(f, dial.intl, 'phone-number');
  const meetingId = `${int(r, 800, 899)} ${chars(r, DIGITS, 4)} ${chars(r, DIGITS, 4)}`;
  const keep = [org.email, ...attendees.map((a) => a.email), dialText];
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    'DTSTART:20250114T090000Z',
    'DTEND:20250115T160000Z',
    `DTSTAMP:20241128T${v.pad2(int(r, 0, 23))}${v.pad2(int(r, 0, 59))}00Z`,
    `ORGANIZER;CN=${org.first} ${org.last}:mailto:${v.pii(f, org.email, 'email')}`,
    `UID:${chars(r, `${LOWER}${DIGITS}`, 26)}@google.com`,
    ...attendees.map(
      (a, i) =>
        `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=${i === 4 ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT'};PARTSTAT=${pick(r, ['ACCEPTED', 'NEEDS-ACTION', 'TENTATIVE'])};CN=${a.first} ${a.last};X-NUM-GUESTS=0:mailto:${v.pii(f, a.email, 'email')}`,
    ),
    `X-MICROSOFT-CDO-OWNERAPPTID:-${chars(r, DIGITS, 10)}`,
    'CREATED:20241128T101204Z',
    `DESCRIPTION:Q1 planning offsite. Hotel block under GLOBEX-Q1 (confirmation ${chars(r, DIGITS, 4)}-${chars(r, DIGITS, 4)}-${chars(r, DIGITS, 2)}).\\n\\nJoin by phone: ${dialText}\\nMeeting ID: ${meetingId}\\nWiFi at the venue: ask reception.\\n\\nInvitation from Google Calendar: https://calendar.google.com/calendar/`,
    'LAST-MODIFIED:20241128T101933Z',
    'LOCATION:Hotel Atlantic\\, An der Alster 72\\, 20099 Hamburg\\, Germany',
    'SEQUENCE:0',
    'STATUS:CONFIRMED',
    'SUMMARY:Q1 planning offsite (Hamburg)',
    'TRANSP:OPAQUE',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-P1D',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map((l) => fold(l, keep)).join('\r\n')}\r\n`;
}

export function invoiceDisputeEml(f: FileBuilder): string {
  const r = f.rng;
  const agent = v.person(r, 'globex-logistik.de');
  const customer = v.person(r);
  const boss = v.person(r, 'globex-logistik.de');
  const gIp = v.pii(f, v.publicIp(r), 'ipv4-address');
  const office = v.pii(f, v.phone(r, 'DE').intl, 'phone-number');
  const mobile = v.pii(f, v.phone(r, 'DE').intl, 'phone-number');
  const custPhone = v.pii(f, `0${v.phone(r, 'DE').nsn}`, 'phone-number');
  const custIban = v.pii(f, v.paperIban(v.iban(r, 'DE')), 'iban');
  const boundary = `000000000000${chars(r, HEX, 16)}`;
  const text = `Hallo ${boss.first},

bitte einmal pruefen, die Kundin sagt die Gutschrift fehlt noch.

Viele Gruesse
${agent.first} ${agent.last}
Accounts Receivable | Globex Logistik GmbH
Hauptstrasse 12, 20095 Hamburg
T ${office} | M ${mobile}
${v.pii(f, agent.email, 'email')}

---------- Forwarded message ---------
From: ${customer.first} ${customer.last} <${v.pii(f, customer.email, 'email')}>
Date: Wed, 27 Nov 2024 at 18:02
Subject: Rechnung RE-2024-118233 / Gutschrift
To: <${v.pii(f, 'buchhaltung@globex-logistik.de', 'email')}>

Guten Tag,

die Gutschrift zur Rechnung RE-2024-118233 (Sendung ${v.upsTracking(r)}) ist
noch nicht eingegangen. Bitte ueberweisen Sie auf ${custIban}.
Rueckfragen gern unter ${custPhone}.

On Tue, 26 Nov 2024 at 09:12, ${agent.first} ${agent.last} <${agent.email}> wrote:
> Vielen Dank fuer Ihre Nachricht, wir pruefen den Vorgang.
> Ticket ${chars(r, DIGITS, 7)}
`;
  return `Return-Path: <${agent.email}>
Delivered-To: ${v.pii(f, boss.email, 'email')}
Received: from mail-ej1-f54.google.com (mail-ej1-f54.google.com [${gIp}])
        by mx.globex-logistik.de (Postfix) with ESMTPS id 4Y0Qk52HxXz9sWn
        for <${boss.email}>; Thu, 28 Nov 2024 08:14:03 +0100 (CET)
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=globex-logistik.de; s=google;
        t=1732778043; x=1733382843;
        h=to:subject:message-id:date:from:in-reply-to:references:mime-version;
        bh=${chars(r, BASE64, 43)}=;
        b=${chars(r, BASE64, 76)}
         ${chars(r, BASE64, 76)}
         ${chars(r, BASE64, 36)}==
MIME-Version: 1.0
References: <CAF${chars(r, `${ALNUM}_-`, 40)}@mail.gmail.com>
In-Reply-To: <CAF${chars(r, `${ALNUM}_-`, 40)}@mail.gmail.com>
From: ${agent.first} ${agent.last} <${agent.email}>
Date: Thu, 28 Nov 2024 08:13:51 +0100
Message-ID: <CAK${chars(r, `${ALNUM}_-`, 44)}@mail.gmail.com>
Subject: Fwd: Rechnung RE-2024-118233 / Gutschrift
To: ${boss.first} ${boss.last} <${boss.email}>
Content-Type: multipart/alternative; boundary="${boundary}"

--${boundary}
Content-Type: text/plain; charset="UTF-8"

${text}
--${boundary}
Content-Type: text/html; charset="UTF-8"

<div dir="ltr">Hallo ${boss.first},<br><br>bitte einmal pruefen.<br><br>${agent.first} ${agent.last}<br>T ${office} | M ${mobile}<br><a href="mailto:${agent.email}">${agent.email}</a></div>

--${boundary}--
`;
}

export function supportMbox(f: FileBuilder): string {
  const r = f.rng;
  const msgs = Array.from({ length: 3 }, (_, i) => {
    const c = v.person(r);
    const ph = v.phone(r, pick(r, ['GB', 'US', 'IN'] as const));
    const b = v.birth(r);
    const ip = v.pii(f, v.publicIp(r), 'ipv4-address');
    const body = [
      'Hello,',
      '',
      i === 0
        ? `I can't log in since the update. My account email is ${v.pii(f, c.email, 'email')} and my date of birth is ${v.pii(f, `${v.pad2(b[2])}/${v.pad2(b[1])}/${b[0]}`, 'date-of-birth')} if you need to verify.`
        : i === 1
          ? `Please update my phone number to ${v.pii(f, ph.intl, 'phone-number')}, the old one is disconnected.`
          : `My NHS number is ${v.pii(f, nid.ukNhs(r), 'uk-nhs-number')}, the surgery says you have the wrong one on file.`,
      '',
      '>From the app: version 4.2.1.187 (build 20241128)',
      '',
      `${c.first}`,
    ];
    return `From ${c.email} Thu Nov 28 0${i}:1${i}:0${i} 2024
Return-Path: <${c.email}>
Received: from [${ip}] by mx1.globex-corp.com with ESMTPSA id ${chars(r, ALNUM, 12)}; Thu, 28 Nov 2024 0${i}:1${i}:0${i} +0000
From: ${c.first} ${c.last} <${v.pii(f, c.email, 'email')}>
To: support@globex-corp.com
Subject: ${pick(r, ['Login problem', 'Update my details', 'Wrong record'])}
Date: Thu, 28 Nov 2024 0${i}:1${i}:0${i} +0000
Message-ID: <${chars(r, HEX, 16)}.${chars(r, DIGITS, 10)}@${pick(r, ['outlook.com', 'gmail.com'])}>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 7bit
X-Mailer: iPhone Mail (21B101)

${body.join('\n')}
`;
  });
  v.pii(f, 'support@globex-corp.com', 'email');
  return `${msgs.join('\n')}\n`;
}

export function ldifExport(f: FileBuilder): string {
  const r = f.rng;
  const entries = Array.from({ length: 5 }, (_, i) => {
    const p = v.person(r, 'globex-corp.com');
    const uid = p.email.split('@')[0] ?? 'user';
    const ph = v.phone(r, pick(r, ['US', 'GB', 'DE'] as const));
    const mob = v.phone(r, pick(r, ['US', 'GB', 'DE'] as const));
    const lines = [
      `dn: uid=${uid},ou=People,dc=globex,dc=com`,
      'objectClass: top',
      'objectClass: inetOrgPerson',
      'objectClass: posixAccount',
      'objectClass: shadowAccount',
      'objectClass: sambaSamAccount',
      `cn: ${p.first} ${p.last}`,
      `sn: ${p.last}`,
      `givenName: ${p.first}`,
      `uid: ${uid}`,
      `mail: ${v.pii(f, p.email, 'email')}`,
      `telephoneNumber: ${v.pii(f, ph.intl, 'phone-number')}`,
      `mobile: ${v.pii(f, mob.intl, 'phone-number')}`,
      `employeeNumber: ${int(r, 10000, 99999)}`,
      `uidNumber: ${10000 + i}`,
      'gidNumber: 10000',
      `homeDirectory: /home/${uid}`,
      'loginShell: /bin/bash',
      `shadowLastChange: ${int(r, 19000, 20050)}`,
      `sambaSID: S-1-5-21-${chars(r, DIGITS, 10)}-${chars(r, DIGITS, 10)}-${chars(r, DIGITS, 10)}-${1000 + i}`,
    ];
    if (i % 2 === 0) {
      const b64 = Buffer.from(v.ssha(r)).toString('base64');
      lines.push(`userPassword:: ${v.secret(f, b64, 'ldap password hash (base64 {SSHA})')}`);
    } else if (i === 1) {
      lines.push(`userPassword: ${v.secret(f, v.ssha(r), 'ldap password hash {SSHA}')}`);
    } else {
      lines.push(`userPassword: {CRYPT}${v.secret(f, v.sha512crypt(r), 'sha512crypt hash')}`);
    }
    lines.push(
      `sambaNTPassword: ${v.secret(f, v.ntHash(r), 'NT hash')}`,
      `entryUUID: ${s.uuid(r)}`,
      `createTimestamp: 2023${v.pad2(int(r, 1, 12))}${v.pad2(int(r, 1, 28))}101533Z`,
    );
    return lines.join('\n');
  });
  return `version: 1\n\n${entries.join('\n\n')}\n`;
}

export function shadowFile(f: FileBuilder): string {
  const r = f.rng;
  const day = () => int(r, 19000, 20050);
  return `root:${v.secret(f, v.sha512crypt(r), 'sha512crypt hash')}:${day()}:0:99999:7:::
daemon:*:19326:0:99999:7:::
bin:*:19326:0:99999:7:::
sys:*:19326:0:99999:7:::
sync:*:19326:0:99999:7:::
www-data:*:19326:0:99999:7:::
sshd:!:19326::::::
systemd-network:!*:19326::::::
postgres:!:19411::::::
deploy:${v.secret(f, v.yescrypt(r), 'yescrypt hash')}:${day()}:0:99999:7:::
backup-svc:!${v.secret(f, v.sha512crypt(r), 'sha512crypt hash (locked)')}:${day()}:0:99999:7:::
jenkins:${v.secret(f, v.yescrypt(r), 'yescrypt hash')}:${day()}:0:99999:7:::
nobody:*:19326:0:99999:7:::
`;
}

export function htpasswd(f: FileBuilder): string {
  const r = f.rng;
  return `admin:${v.secret(f, v.apr1(r), 'apr1 hash')}
${chars(r, LOWER, 6)}:${v.secret(f, v.bcrypt(r, '2y'), 'bcrypt hash')}
grafana:${v.secret(f, v.shaHtpasswd(r), 'htpasswd {SHA} hash')}
legacy:${v.secret(f, chars(r, `./${DIGITS}${UPPER}${LOWER}`, 13), 'DES crypt hash')}
monitor:${v.secret(f, v.apr1(r), 'apr1 hash')}
`;
}

export function adUsersCsv(f: FileBuilder): string {
  const r = f.rng;
  const q = (x: string | number) => `"${String(x).replace(/"/g, '""')}"`;
  const rows = [
    '#TYPE Microsoft.ActiveDirectory.Management.ADUser',
    [
      'DistinguishedName',
      'Enabled',
      'GivenName',
      'Name',
      'ObjectClass',
      'ObjectGUID',
      'SamAccountName',
      'SID',
      'Surname',
      'UserPrincipalName',
      'mail',
      'telephoneNumber',
      'mobile',
      'EmployeeID',
      'Description',
      'LastLogonDate',
      'pwdLastSet',
    ]
      .map(q)
      .join(','),
  ];
  for (let i = 0; i < 10; i++) {
    const p = v.person(r, 'globex-corp.com');
    const sam = `${p.first[0]}${p.last}`.toLowerCase().replace(/[^a-z]/g, '');
    const c = pick(r, ['US', 'GB', 'DE'] as const);
    const desc =
      i === 6
        ? `Temp password ${v.secret(f, `${pick(r, ['Welcome', 'Globex', 'Winter'])}${int(r, 2023, 2025)}!${chars(r, ALNUM, 3)}`, 'password in a description')} - reset at first logon`
        : pick(r, ['Sales EMEA', 'Warehouse shift lead', 'Contractor (end 2025-03-31)', '']);
    rows.push(
      [
        `CN=${p.first} ${p.last},OU=Staff,OU=Hamburg,DC=corp,DC=globex,DC=com`,
        i === 9 ? 'False' : 'True',
        p.first,
        `${p.first} ${p.last}`,
        'user',
        s.uuid(r),
        sam,
        `S-1-5-21-${chars(r, DIGITS, 10)}-${chars(r, DIGITS, 9)}-${chars(r, DIGITS, 10)}-${int(r, 1100, 9999)}`,
        p.last,
        v.pii(f, p.email, 'email'),
        p.email,
        i % 3 === 0 ? '' : v.pii(f, v.phone(r, c).intl, 'phone-number'),
        i % 2 === 0 ? v.pii(f, v.phone(r, c).national, 'phone-number') : '',
        String(int(r, 100000, 999999)),
        desc,
        `${int(r, 1, 11)}/${int(r, 1, 28)}/2024 ${int(r, 1, 12)}:${v.pad2(int(r, 0, 59))}:${v.pad2(int(r, 0, 59))} ${pick(r, ['AM', 'PM'])}`,
        `1337${chars(r, DIGITS, 14)}`,
      ]
        .map(q)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
