import { ALNUM, chars, DIGITS, HEX, int, LOWER, pick } from '../random.ts';
import * as nid from './blind-ids.ts';
import * as v from './blind-pii-values.ts';
import type { FileBuilder } from './labels.ts';

/*
 * The blind corpus: CRM and marketing exports and HR exports (a national-id export, a German
 * payroll journal). Written without reading the detectors: every personal value is labelled with
 * the detector the README names for it, whether or not a detector can be expected to find it.
 */

const COUNTRIES: readonly v.Country[] = ['GB', 'DE', 'FR', 'US', 'IN', 'BR', 'ES', 'IT', 'NL', 'CA'];

export function hubspotContacts(f: FileBuilder): string {
  const r = f.rng;
  const rows = [
    v.csvRow([
      'Record ID',
      'First Name',
      'Last Name',
      'Email',
      'Phone Number',
      'Mobile Phone Number',
      'Country/Region',
      'Company Name',
      'Lifecycle Stage',
      'Create Date',
      'Last Activity Date',
      'Annual Revenue',
      'Associated Deal IDs',
    ]),
  ];
  for (let i = 0; i < 16; i++) {
    const c = pick(r, COUNTRIES);
    const p = v.person(r);
    rows.push(
      v.csvRow([
        `${int(r, 1, 9)}${chars(r, DIGITS, 10)}`,
        p.first,
        p.last,
        v.pii(f, p.email, 'email'),
        i % 3 === 0 ? '' : v.tel(f, c),
        i % 2 === 0 ? v.tel(f, c) : '',
        c,
        pick(r, ['Northwind Traders', 'Globex Logistik GmbH', 'Initech SARL', 'Umbrella Retail Ltd', '']),
        pick(r, ['lead', 'subscriber', 'customer', 'marketingqualifiedlead']),
        v.stamp(r),
        v.stamp(r),
        pick(r, ['', '1250000', '48000000', '730000']),
        `${chars(r, DIGITS, 10)};${chars(r, DIGITS, 10)}`,
      ]),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function mailchimpUnsubscribed(f: FileBuilder): string {
  const r = f.rng;
  const rows = [
    v.csvRow([
      'Email Address',
      'First Name',
      'Last Name',
      'Address',
      'Phone Number',
      'MEMBER_RATING',
      'OPTIN_TIME',
      'OPTIN_IP',
      'CONFIRM_TIME',
      'CONFIRM_IP',
      'LATITUDE',
      'LONGITUDE',
      'GMTOFF',
      'DSTOFF',
      'TIMEZONE',
      'CC',
      'REGION',
      'UNSUB_TIME',
      'UNSUB_CAMPAIGN_TITLE',
      'UNSUB_CAMPAIGN_ID',
      'UNSUB_REASON',
      'LEID',
      'EUID',
    ]),
  ];
  for (let i = 0; i < 10; i++) {
    const c = pick(r, ['GB', 'DE', 'FR', 'US'] as const);
    const p = v.person(r);
    const ip = v.pii(f, v.publicIp(r), 'ipv4-address');
    rows.push(
      v.csvRow([
        v.pii(f, p.email, 'email'),
        p.first,
        p.last,
        i % 2
          ? `${v.street(r)}  ${pick(r, ['London', 'Berlin', 'Lyon', 'Austin'])}  ${int(r, 10000, 99999)}  ${c}`
          : '',
        i % 3 ? v.tel(f, c) : '',
        int(r, 1, 5),
        v.stamp(r, 2022),
        ip,
        v.stamp(r, 2022),
        ip,
        (int(r, 36_000_000, 58_000_000) / 1e6).toFixed(7),
        (int(r, -5_000_000, 13_000_000) / 1e6).toFixed(7),
        pick(r, ['0', '1', '-6']),
        pick(r, ['1', '2', '-5']),
        pick(r, ['Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/Chicago']),
        c,
        pick(r, ['ENG', 'BE', 'ARA', 'TX']),
        v.stamp(r),
        `Black Friday ${pick(r, ['Preview', 'Early Access'])} ${int(r, 1, 3)}`,
        chars(r, `${LOWER}${DIGITS}`, 10),
        pick(r, ['NORMAL', 'SPAM', 'NOSIGNUP', 'INAPPROPRIATE']),
        chars(r, DIGITS, 9),
        chars(r, HEX, 10),
      ]),
    );
  }
  return `${rows.join('\n')}\n`;
}

export function salesforceReport(f: FileBuilder): string {
  const r = f.rng;
  const sfid = (prefix: string) => `${prefix}${chars(r, ALNUM, 15)}`;
  const rows = [
    v.csvRow([
      'Account Name',
      'Opportunity Name',
      'Contact: Full Name',
      'Contact: Email',
      'Contact: Phone',
      'Contact: Mobile',
      'Contact: Birthdate',
      'Mailing Street',
      'Mailing City',
      'Stage',
      'Amount',
      'Close Date',
      'Opportunity ID',
      'Contact ID',
    ]),
  ];
  for (let i = 0; i < 9; i++) {
    const c = pick(r, ['US', 'CA', 'GB'] as const);
    const p = v.person(r, pick(r, ['northwind-traders.com', 'globex-logistics.co.uk', 'initech-systems.ca']));
    rows.push(
      v.csvRow([
        pick(r, ['Northwind Traders', 'Globex Logistics', 'Initech Systems']),
        `Renewal FY25 - ${int(r, 50, 900)} seats`,
        `${p.first} ${p.last}`,
        v.pii(f, p.email, 'email'),
        v.tel(f, c),
        i % 2 ? v.tel(f, c) : '',
        i % 3 === 0 ? '' : v.pii(f, ((b) => `${b[1]}/${b[2]}/${b[0]}`)(v.birth(r)), 'date-of-birth'),
        v.street(r),
        pick(r, ['Chicago', 'Toronto', 'Leeds']),
        pick(r, ['Prospecting', 'Negotiation/Review', 'Closed Won']),
        `$${int(r, 5, 400)},${int(r, 100, 999)}.00`,
        `${int(r, 1, 12)}/${int(r, 1, 28)}/2025`,
        sfid('006'),
        sfid('003'),
      ]),
    );
  }
  rows.push(
    '',
    '"Grand Totals (9 records)"',
    '',
    '"Confidential Information - Do Not Distribute"',
    '"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."',
  );
  return `${rows.join('\n')}\n`;
}

export function workdayNationalIds(f: FileBuilder): string {
  const r = f.rng;
  const rows = [
    v.csvRow([
      'Employee ID',
      'Legal Name',
      'Country',
      'National ID Type',
      'National ID',
      'Date of Birth',
      'Hire Date',
      'Work Email',
      'Personal Email',
      'Home Phone',
      'Cost Center',
      'Badge Number',
    ]),
  ];
  const kinds: [string, string, v.Country, (p: v.Person, b: [number, number, number]) => string, string][] = [
    ['USA', 'USA-SSN', 'US', () => nid.usSsn(r), 'us-ssn'],
    ['GBR', 'GBR-NINO', 'GB', () => nid.ukNino(r, r() < 0.5), 'uk-nino'],
    ['DEU', 'DEU-STEUER-ID', 'DE', () => nid.deTaxId(r), 'de-tax-id'],
    ['FRA', 'FRA-INSEE', 'FR', () => nid.frNir(r, r() < 0.5), 'fr-nir'],
    ['ESP', 'ESP-DNI', 'ES', () => nid.esDni(r), 'es-dni'],
    ['ESP', 'ESP-NIE', 'ES', () => nid.esNie(r), 'es-dni'],
    [
      'ITA',
      'ITA-CF',
      'IT',
      (p, b) => nid.itCodiceFiscale(r, p.first, p.last, b, r() < 0.5),
      'it-codice-fiscale',
    ],
    ['NLD', 'NLD-BSN', 'NL', () => nid.nlBsn(r), 'nl-bsn'],
    ['SWE', 'SWE-PN', 'SE', (_p, b) => nid.sePersonnummer(r, b), 'se-personnummer'],
    ['POL', 'POL-PESEL', 'PL', (_p, b) => nid.plPesel(r, b), 'pl-pesel'],
    ['BRA', 'BRA-CPF', 'BR', () => nid.brCpf(r, r() < 0.7), 'br-cpf'],
    ['IND', 'IND-AADHAAR', 'IN', () => nid.inAadhaar(r, r() < 0.7), 'in-aadhaar'],
    ['IND', 'IND-PAN', 'IN', (p) => nid.inPan(r, p.last), 'in-pan'],
    ['CAN', 'CAN-SIN', 'CA', () => nid.caSin(r), 'canada-sin'],
    ['AUS', 'AUS-TFN', 'AU', () => nid.auTfn(r), 'au-tfn'],
    ['CHE', 'CHE-AHV', 'CH', () => nid.chAhv(r), 'ch-ahv'],
  ];
  kinds.forEach(([country, type, phoneCountry, make, detector], i) => {
    const p = v.person(r);
    const b = v.birth(r);
    rows.push(
      v.csvRow([
        `E${String(4000 + i * 37).padStart(6, '0')}`,
        `${p.first} ${p.last}`,
        country,
        type,
        v.pii(f, make(p, b), detector),
        v.pii(f, v.iso(b), 'date-of-birth'),
        `20${v.pad2(int(r, 10, 24))}-${v.pad2(int(r, 1, 12))}-${v.pad2(int(r, 1, 28))}`,
        v.pii(f, v.workEmail(p, 'globex-corp.com'), 'email'),
        v.pii(f, p.email, 'email'),
        v.tel(f, phoneCountry),
        `CC-${int(r, 1000, 9999)}`,
        nid.notDeTaxId(r),
      ]),
    );
  });
  rows.push(
    v.csvRow([
      'E009999',
      'Contractor Placeholder',
      'USA',
      'USA-SSN',
      '000-00-0000',
      '1900-01-01',
      '2024-01-01',
      '',
      '',
      '',
      'CC-0000',
      '',
    ]),
  );
  rows.push(
    v.csvRow([
      'E010023',
      'Terminated Worker',
      'USA',
      'USA-SSN',
      'XXX-XX-4821',
      '',
      '2019-03-04',
      '',
      '',
      '',
      'CC-1200',
      '',
    ]),
  );
  return `${rows.join('\n')}\n`;
}

export function lohnjournal(f: FileBuilder): string {
  const r = f.rng;
  const rows = [
    'Personalnummer;Nachname;Vorname;Geburtsdatum;Eintritt;Steuer-ID;Steuerklasse;Konfession;IBAN;BIC;Brutto;Netto;Auszahlung',
  ];
  for (let i = 0; i < 12; i++) {
    const p = v.person(r);
    const b = v.birth(r);
    const country = pick(r, ['DE', 'DE', 'DE', 'AT', 'NL', 'FR'] as const);
    const ib = v.iban(r, country);
    const brutto = int(r, 2800, 9800);
    rows.push(
      [
        String(10_000 + i * 13),
        p.last,
        p.first,
        v.pii(f, `${v.pad2(b[2])}.${v.pad2(b[1])}.${b[0]}`, 'date-of-birth'),
        `01.${v.pad2(int(r, 1, 12))}.20${v.pad2(int(r, 5, 23))}`,
        v.pii(f, nid.deTaxId(r), 'de-tax-id'),
        String(int(r, 1, 5)),
        pick(r, ['rk', 'ev', '--']),
        v.pii(f, i % 3 === 0 ? v.paperIban(ib) : ib, 'iban'),
        v.pii(f, v.bic(r, country), 'swift-bic'),
        `${brutto.toLocaleString('de-DE')},00`,
        `${Math.round(brutto * 0.62).toLocaleString('de-DE')},${v.pad2(int(r, 0, 99))}`,
        '28.11.2024',
      ].join(';'),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
