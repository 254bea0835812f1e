import { ALNUM, chars, DIGITS, HEX, int, LOWER, pick, type Rng, UPPER } from '../random.ts';
import * as v from './blind-values.ts';
import type { FileBuilder } from './labels.ts';

/*
 * The blind corpus, part one: CRM and marketing exports, HR and payroll exports, SEPA and MT940
 * banking files, payment-provider and shop exports, a travel booking, and a payments testing
 * page. Written without reading the detectors: every personal value is labelled with the
 * detector the README names for it, whether or not a detector can be expected to find it.
 */

const pad2 = (n: number) => String(n).padStart(2, '0');
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csvRow = (cells: readonly (string | number)[]) => cells.map((c) => csvCell(String(c))).join(',');
const stamp = (r: Rng, year = 2024) =>
  `${year}-${pad2(int(r, 1, 11))}-${pad2(int(r, 1, 28))} ${pad2(int(r, 0, 23))}:${pad2(int(r, 0, 59))}:${pad2(int(r, 0, 59))}`;

/** A phone number as people and systems type it, labelled `phone-number`. */
function tel(f: FileBuilder, country: v.Country): string {
  const r = f.rng;
  const p = v.phone(r, country);
  const national = p.national;
  const variants: (() => string)[] = [() => p.intl, () => p.e164, () => national];
  if (country === 'DE') {
    const area = p.nsn.startsWith('1') ? 3 : 2;
    variants.push(
      () => `0${p.nsn.slice(0, area)}/${p.nsn.slice(area)}`,
      () => `+49 (0)${p.nsn.slice(0, area)} ${p.nsn.slice(area)}`,
    );
  }
  if (country === 'GB') variants.push(() => `+44 (0)${national.slice(1)}`);
  if (country === 'FR') variants.push(() => national.replace(/ /g, '.'));
  if (country === 'US' || country === 'CA')
    variants.push(
      () => `${p.nsn.slice(0, 3)}-${p.nsn.slice(3, 6)}-${p.nsn.slice(6)}`,
      () => `+1 (${p.nsn.slice(0, 3)}) ${p.nsn.slice(3, 6)}-${p.nsn.slice(6)}`,
    );
  return v.pii(f, pick(r, variants)(), 'phone-number');
}

const COUNTRIES: readonly v.Country[] = ['GB', 'DE', 'FR', 'US', 'IN', 'BR', 'ES', 'IT', 'NL', 'CA'];

export function hubspotContacts(f: FileBuilder): string {
  const r = f.rng;
  const rows = [
    csvRow([
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
      csvRow([
        `${int(r, 1, 9)}${chars(r, DIGITS, 10)}`,
        p.first,
        p.last,
        v.pii(f, p.email, 'email'),
        i % 3 === 0 ? '' : tel(f, c),
        i % 2 === 0 ? tel(f, c) : '',
        c,
        pick(r, ['Northwind Traders', 'Globex Logistik GmbH', 'Initech SARL', 'Umbrella Retail Ltd', '']),
        pick(r, ['lead', 'subscriber', 'customer', 'marketingqualifiedlead']),
        stamp(r),
        stamp(r),
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
    csvRow([
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
      csvRow([
        v.pii(f, p.email, 'email'),
        p.first,
        p.last,
        i % 2
          ? `${v.street(r)}  ${pick(r, ['London', 'Berlin', 'Lyon', 'Austin'])}  ${int(r, 10000, 99999)}  ${c}`
          : '',
        i % 3 ? tel(f, c) : '',
        int(r, 1, 5),
        stamp(r, 2022),
        ip,
        stamp(r, 2022),
        ip,
        (int(r, 36_000_000, 58_000_000) / 1e6).toFixed(7),
        (int(r, -5_000_000, 13_000_000) / 1e6).toFixed(7),
        pick(r, ['0', '1', '-6']),
        pick(r, ['1', '2', '-5']),
        pick(r, ['Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/Chicago']),
        c,
        pick(r, ['ENG', 'BE', 'ARA', 'TX']),
        stamp(r),
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
    csvRow([
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
      csvRow([
        pick(r, ['Northwind Traders', 'Globex Logistics', 'Initech Systems']),
        `Renewal FY25 - ${int(r, 50, 900)} seats`,
        `${p.first} ${p.last}`,
        v.pii(f, p.email, 'email'),
        tel(f, c),
        i % 2 ? tel(f, c) : '',
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
    csvRow([
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
    ['USA', 'USA-SSN', 'US', () => v.usSsn(r), 'us-ssn'],
    ['GBR', 'GBR-NINO', 'GB', () => v.ukNino(r, r() < 0.5), 'uk-nino'],
    ['DEU', 'DEU-STEUER-ID', 'DE', () => v.deTaxId(r), 'de-tax-id'],
    ['FRA', 'FRA-INSEE', 'FR', () => v.frNir(r, r() < 0.5), 'fr-nir'],
    ['ESP', 'ESP-DNI', 'ES', () => v.esDni(r), 'es-dni'],
    ['ESP', 'ESP-NIE', 'ES', () => v.esNie(r), 'es-dni'],
    [
      'ITA',
      'ITA-CF',
      'IT',
      (p, b) => v.itCodiceFiscale(r, p.first, p.last, b, r() < 0.5),
      'it-codice-fiscale',
    ],
    ['NLD', 'NLD-BSN', 'NL', () => v.nlBsn(r), 'nl-bsn'],
    ['SWE', 'SWE-PN', 'SE', (_p, b) => v.sePersonnummer(r, b), 'se-personnummer'],
    ['POL', 'POL-PESEL', 'PL', (_p, b) => v.plPesel(r, b), 'pl-pesel'],
    ['BRA', 'BRA-CPF', 'BR', () => v.brCpf(r, r() < 0.7), 'br-cpf'],
    ['IND', 'IND-AADHAAR', 'IN', () => v.inAadhaar(r, r() < 0.7), 'in-aadhaar'],
    ['IND', 'IND-PAN', 'IN', (p) => v.inPan(r, p.last), 'in-pan'],
    ['CAN', 'CAN-SIN', 'CA', () => v.caSin(r), 'canada-sin'],
    ['AUS', 'AUS-TFN', 'AU', () => v.auTfn(r), 'au-tfn'],
    ['CHE', 'CHE-AHV', 'CH', () => v.chAhv(r), 'ch-ahv'],
  ];
  kinds.forEach(([country, type, phoneCountry, make, detector], i) => {
    const p = v.person(r);
    const b = v.birth(r);
    rows.push(
      csvRow([
        `E${String(4000 + i * 37).padStart(6, '0')}`,
        `${p.first} ${p.last}`,
        country,
        type,
        v.pii(f, make(p, b), detector),
        v.pii(f, v.iso(b), 'date-of-birth'),
        `20${pad2(int(r, 10, 24))}-${pad2(int(r, 1, 12))}-${pad2(int(r, 1, 28))}`,
        v.pii(f, v.workEmail(p, 'globex-corp.com'), 'email'),
        v.pii(f, p.email, 'email'),
        tel(f, phoneCountry),
        `CC-${int(r, 1000, 9999)}`,
        v.notDeTaxId(r),
      ]),
    );
  });
  rows.push(
    csvRow([
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
    csvRow([
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
        v.pii(f, `${pad2(b[2])}.${pad2(b[1])}.${b[0]}`, 'date-of-birth'),
        `01.${pad2(int(r, 1, 12))}.20${pad2(int(r, 5, 23))}`,
        v.pii(f, v.deTaxId(r), 'de-tax-id'),
        String(int(r, 1, 5)),
        pick(r, ['rk', 'ev', '--']),
        v.pii(f, i % 3 === 0 ? v.paperIban(ib) : ib, 'iban'),
        v.pii(f, v.bic(r, country), 'swift-bic'),
        `${brutto.toLocaleString('de-DE')},00`,
        `${Math.round(brutto * 0.62).toLocaleString('de-DE')},${pad2(int(r, 0, 99))}`,
        '28.11.2024',
      ].join(';'),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function sepaPain001(f: FileBuilder): string {
  const r = f.rng;
  const msgId = `SAL-2024-11-${chars(r, `${UPPER}${DIGITS}`, 10)}`;
  const debtorIban = v.pii(f, v.iban(r, 'DE'), 'iban');
  const debtorBic = v.pii(f, v.bic(r, 'DE'), 'swift-bic');
  const txs = Array.from({ length: 7 }, (_, i) => {
    const p = v.person(r);
    const country = pick(r, ['DE', 'DE', 'AT', 'FR', 'ES', 'BE', 'NL'] as const);
    return `      <CdtTrfTxInf>
        <PmtId>
          <InstrId>${msgId}-${i + 1}</InstrId>
          <EndToEndId>PNR${10_000 + i * 13}-1124</EndToEndId>
        </PmtId>
        <Amt>
          <InstdAmt Ccy="EUR">${int(r, 1800, 6400)}.${pad2(int(r, 0, 99))}</InstdAmt>
        </Amt>
        <CdtrAgt>
          <FinInstnId>
            <BIC>${v.pii(f, v.bic(r, country, r() < 0.5), 'swift-bic')}</BIC>
          </FinInstnId>
        </CdtrAgt>
        <Cdtr>
          <Nm>${p.first} ${p.last}</Nm>
        </Cdtr>
        <CdtrAcct>
          <Id>
            <IBAN>${v.pii(f, v.iban(r, country), 'iban')}</IBAN>
          </Id>
        </CdtrAcct>
        <RmtInf>
          <Ustrd>Gehalt 11/2024 PNR ${10_000 + i * 13}</Ustrd>
        </RmtInf>
      </CdtTrfTxInf>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>${msgId}</MsgId>
      <CreDtTm>2024-11-27T16:42:08</CreDtTm>
      <NbOfTxs>7</NbOfTxs>
      <CtrlSum>${int(r, 20_000, 40_000)}.${pad2(int(r, 0, 99))}</CtrlSum>
      <InitgPty>
        <Nm>Globex Logistik GmbH</Nm>
        <Id><OrgId><Othr><Id>DE98ZZZ09999999999</Id></Othr></OrgId></Id>
      </InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>PMT-${chars(r, DIGITS, 12)}</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <BtchBookg>true</BtchBookg>
      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><CtgyPurp><Cd>SALA</Cd></CtgyPurp></PmtTpInf>
      <ReqdExctnDt>2024-11-28</ReqdExctnDt>
      <Dbtr><Nm>Globex Logistik GmbH</Nm></Dbtr>
      <DbtrAcct><Id><IBAN>${debtorIban}</IBAN></Id><Ccy>EUR</Ccy></DbtrAcct>
      <DbtrAgt><FinInstnId><BIC>${debtorBic}</BIC></FinInstnId></DbtrAgt>
      <ChrgBr>SLEV</ChrgBr>
${txs.join('\n')}
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
`;
}

export function mt940(f: FileBuilder): string {
  const r = f.rng;
  const own = v.pii(f, v.iban(r, 'DE'), 'iban');
  const lines = [':20:STARTUMSE', `:25:${own}`, `:28C:${int(r, 100, 330)}/1`, ':60F:C241129EUR184233,17'];
  for (let i = 0; i < 6; i++) {
    const p = v.person(r);
    const country = pick(r, ['DE', 'DE', 'NL', 'AT'] as const);
    const credit = r() < 0.5;
    lines.push(
      `:61:2411${pad2(29 + (i % 2))}11${pad2(29 + (i % 2))}${credit ? 'C' : 'D'}${int(r, 12, 4800)},${pad2(int(r, 0, 99))}N${pick(r, ['TRF', 'DDT', 'MSC'])}NONREF//${chars(r, DIGITS, 10)}`,
      `:86:${pick(r, ['166', '105', '177'])}?00${credit ? 'GUTSCHR. UEBERWEISUNG' : 'SEPA-LASTSCHRIFT'}?10${int(r, 100, 9999)}?20EREF+RE-2024-${chars(r, DIGITS, 6)}`,
      `?21SVWZ+Rechnung ${chars(r, DIGITS, 8)} Kd-Nr ${chars(r, DIGITS, 7)}?22vom ${pad2(int(r, 1, 28))}.11.2024`,
      `?30${v.pii(f, v.bic(r, country), 'swift-bic')}?31${v.pii(f, v.iban(r, country), 'iban')}?32${p.last.toUpperCase()}, ${p.first.toUpperCase()}?34${int(r, 0, 999)}`,
    );
  }
  lines.push(':62F:C241130EUR191004,55', '-');
  return `${lines.join('\r\n')}\r\n`;
}

export function stripePayments(f: FileBuilder): string {
  const r = f.rng;
  const rows = [
    csvRow([
      'id',
      'Created (UTC)',
      'Amount',
      'Currency',
      'Status',
      'Customer ID',
      'Customer Email',
      'Card ID',
      'Card Brand',
      'Card Last4',
      'Card Exp Month',
      'Card Exp Year',
      'Card Fingerprint',
      'Card Funding',
      'Card Issue Country',
      'Shipping Name',
      'Shipping Address Line1',
      'Shipping Address Postal Code',
      'card_number_masked (metadata)',
      'debug_pan (metadata)',
    ]),
  ];
  for (let i = 0; i < 12; i++) {
    const brand = pick(r, ['visa', 'mastercard', 'amex'] as const);
    const pan = v.card(r, brand);
    const p = v.person(r);
    const leak = i % 3 === 1;
    rows.push(
      csvRow([
        `ch_3${chars(r, ALNUM, 23)}`,
        stamp(r),
        `${int(r, 5, 900)}.${pad2(int(r, 0, 99))}`,
        pick(r, ['usd', 'eur', 'gbp']),
        pick(r, ['Paid', 'Paid', 'Refunded', 'Failed']),
        `cus_${chars(r, ALNUM, 14)}`,
        v.pii(f, p.email, 'email'),
        `card_1${chars(r, ALNUM, 23)}`,
        brand === 'amex' ? 'American Express' : brand === 'visa' ? 'Visa' : 'MasterCard',
        pan.slice(-4),
        int(r, 1, 12),
        int(r, 2025, 2030),
        chars(r, ALNUM, 16),
        pick(r, ['credit', 'debit']),
        pick(r, ['US', 'GB', 'DE', 'FR']),
        `${p.first} ${p.last}`,
        v.street(r),
        String(int(r, 10000, 99999)),
        `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`,
        leak ? v.pii(f, pan, 'payment-card') : '',
      ]),
    );
  }
  return `${rows.join('\n')}\n`;
}

export function paypalDownload(f: FileBuilder): string {
  const r = f.rng;
  const header = [
    'Date',
    'Time',
    'TimeZone',
    'Name',
    'Type',
    'Status',
    'Currency',
    'Gross',
    'Fee',
    'Net',
    'From Email Address',
    'To Email Address',
    'Transaction ID',
    'Shipping Address',
    'Item Title',
    'Item ID',
    'Invoice Number',
    'Receipt ID',
    'Balance',
    'Contact Phone Number',
    'Country Code',
    'Balance Impact',
  ];
  const rows = [header.map((h) => `"${h}"`).join(',')];
  for (let i = 0; i < 10; i++) {
    const p = v.person(r);
    const c = pick(r, ['US', 'GB', 'DE'] as const);
    const gross = int(r, 900, 45000) / 100;
    const receipt = v.notLuhn(r, String(int(r, 1, 9)), 16);
    rows.push(
      [
        `${pad2(int(r, 1, 30))}/11/2024`,
        `${pad2(int(r, 0, 23))}:${pad2(int(r, 0, 59))}:${pad2(int(r, 0, 59))}`,
        'PST',
        `${p.first} ${p.last}`,
        pick(r, ['Express Checkout Payment', 'Website Payment', 'Payment Refund']),
        'Completed',
        'USD',
        gross.toFixed(2),
        (-(gross * 0.0349 + 0.49)).toFixed(2),
        (gross * 0.9651 - 0.49).toFixed(2),
        v.pii(f, p.email, 'email'),
        v.pii(f, 'payments@northwind-traders.com', 'email'),
        chars(r, `${UPPER}${DIGITS}`, 17),
        `${v.street(r)}, ${pick(r, ['Portland, OR 97205', 'Manchester M1 1AE', '10115 Berlin'])}`,
        `Espresso grinder burr set ${int(r, 1, 9)}`,
        `SKU-${chars(r, DIGITS, 6)}`,
        `INV-2024-${chars(r, DIGITS, 6)}`,
        receipt.match(/.{4}/g)?.join('-') ?? receipt,
        `${int(r, 1000, 90000)}.${pad2(int(r, 0, 99))}`,
        i % 2 ? tel(f, c) : '',
        c,
        pick(r, ['Credit', 'Debit']),
      ]
        .map((x) => `"${x}"`)
        .join(','),
    );
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

export function shopifyOrders(f: FileBuilder): string {
  const r = f.rng;
  const header = [
    'Name',
    'Email',
    'Financial Status',
    'Paid at',
    'Fulfillment Status',
    'Currency',
    'Subtotal',
    'Shipping',
    'Total',
    'Lineitem quantity',
    'Lineitem name',
    'Lineitem sku',
    'Billing Name',
    'Billing Street',
    'Billing City',
    'Billing Zip',
    'Billing Country',
    'Billing Phone',
    'Shipping Phone',
    'Notes',
    'Note Attributes',
    'Payment Method',
    'Payment Reference',
    'Id',
    'Tags',
    'Risk Level',
    'Source',
    'Tracking Number',
    'Device IMEI (custom)',
  ];
  const rows = [csvRow(header)];
  for (let i = 0; i < 12; i++) {
    const p = v.person(r);
    const c = pick(r, ['GB', 'DE', 'FR', 'US', 'NL', 'ES'] as const);
    const total = int(r, 1500, 99000) / 100;
    const phoneCase = i % 4;
    const billingPhone = phoneCase === 0 ? '' : tel(f, c);
    const device = i % 5 === 2;
    rows.push(
      csvRow([
        `#${1001 + i}`,
        v.pii(f, p.email, 'email'),
        'paid',
        `${stamp(r)} +0100`,
        pick(r, ['fulfilled', 'unfulfilled', 'partial']),
        'EUR',
        total.toFixed(2),
        '4.90',
        (total + 4.9).toFixed(2),
        int(r, 1, 3),
        device ? 'Refurbished phone 128GB' : 'Organic cotton tee - M',
        device ? `PHN-${chars(r, DIGITS, 5)}` : v.ean13(r, pick(r, ['40', '50', '87'])),
        `${p.first} ${p.last}`,
        v.street(r),
        pick(r, ['Bristol', 'München', 'Lille', 'Denver', 'Utrecht', 'Sevilla']),
        String(int(r, 10000, 99999)),
        c,
        billingPhone,
        phoneCase === 3 ? billingPhone : '',
        i === 4 ? 'Please ring the bell twice, dog in garden' : '',
        i === 7 ? 'gift_message: Happy birthday!' : '',
        pick(r, ['Shopify Payments', 'PayPal Express Checkout', 'manual']),
        `c${chars(r, DIGITS, 14)}.${int(r, 1, 3)}`,
        `5${chars(r, DIGITS, 12)}`,
        pick(r, ['vip', 'wholesale', '']),
        'Low',
        'web',
        pick(r, [() => v.upsTracking(r), () => v.fedexTracking(r), () => `JJD${chars(r, DIGITS, 18)}`])(),
        device ? v.pii(f, v.imei(r), 'imei') : '',
      ]),
    );
  }
  return `${rows.join('\n')}\n`;
}

export function travelOrders(f: FileBuilder): string {
  const r = f.rng;
  const passport = (nat: string) => {
    if (nat === 'DE')
      return `${pick(r, ['C', 'F', 'G', 'H', 'J', 'K'])}${chars(r, 'CFGHJKLMNPRTVWXYZ0123456789', 8)}`;
    if (nat === 'FR') return `${chars(r, DIGITS, 2)}${chars(r, UPPER, 2)}${chars(r, DIGITS, 5)}`;
    if (nat === 'IN') return `${pick(r, ['K', 'L', 'M', 'N', 'P', 'R'])}${chars(r, DIGITS, 7)}`;
    return chars(r, DIGITS, 9);
  };
  const orders = Array.from({ length: 4 }, () => {
    const travelers = Array.from({ length: int(r, 1, 3) }, (_, i) => {
      const p = v.person(r);
      const nat = pick(r, ['DE', 'FR', 'GB', 'US', 'IN']);
      const b = v.birth(r);
      const c = (
        nat === 'GB' || nat === 'US' || nat === 'DE' || nat === 'FR' || nat === 'IN' ? nat : 'GB'
      ) as v.Country;
      const ph = v.phone(r, c);
      return {
        id: String(i + 1),
        dateOfBirth: v.pii(f, v.iso(b), 'date-of-birth'),
        gender: pick(r, ['MALE', 'FEMALE']),
        name: { firstName: p.first.toUpperCase(), lastName: p.last.toUpperCase() },
        documents: [
          {
            documentType: 'PASSPORT',
            birthPlace: pick(r, ['Madrid', 'Lyon', 'Leeds', 'Pune', 'Hamburg']),
            issuanceLocation: pick(r, ['Madrid', 'Paris', 'London', 'Mumbai', 'Hamburg']),
            issuanceDate: `20${pad2(int(r, 15, 23))}-${pad2(int(r, 1, 12))}-${pad2(int(r, 1, 28))}`,
            number: v.pii(f, passport(nat), 'passport-number'),
            expiryDate: `20${pad2(int(r, 26, 34))}-${pad2(int(r, 1, 12))}-${pad2(int(r, 1, 28))}`,
            issuanceCountry: nat,
            validityCountry: nat,
            nationality: nat,
            holder: true,
          },
        ],
        contact: {
          emailAddress: v.pii(f, p.email, 'email'),
          phones: [
            {
              deviceType: 'MOBILE',
              countryCallingCode: ph.e164.slice(1, ph.e164.length - ph.nsn.length),
              number: v.pii(f, ph.nsn, 'phone-number'),
            },
          ],
        },
        loyaltyPrograms: [{ programOwner: pick(r, ['LH', 'AF', 'BA']), id: chars(r, DIGITS, 12) }],
      };
    });
    return {
      type: 'flight-order',
      id: `eJzTd9f3NjIJdg${chars(r, ALNUM, 20)}`,
      queuingOfficeId: `NCE4D31${int(r, 0, 9)}`,
      associatedRecords: [
        {
          reference: chars(r, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 6),
          creationDate: `2024-11-${pad2(int(r, 1, 28))}T10:${pad2(int(r, 0, 59))}:00.000`,
          originSystemCode: 'GDS',
          flightOfferId: '1',
        },
      ],
      ticketNumbers: [`${pick(r, ['220', '057', '125'])}-${chars(r, DIGITS, 10)}`],
      price: { currency: 'EUR', total: `${int(r, 120, 2400)}.${pad2(int(r, 0, 99))}` },
      travelers,
    };
  });
  return `${JSON.stringify({ meta: { count: orders.length }, data: orders }, null, 2)}\n`;
}

/** A payments team's testing page: the documented test cards, IBANs and ids, nothing real. */
export function paymentsTestingDoc(_f: FileBuilder): string {
  return `# Testing payments in staging

Use Stripe's test cards; they never move money:

| scenario              | card number         | CVC | expiry |
| --------------------- | ------------------- | --- | ------ |
| success               | 4242 4242 4242 4242 | any | future |
| 3-D Secure required   | 4000 0027 6000 3184 | any | future |
| declined              | 4000 0000 0000 0002 | any | future |
| Amex                  | 3782 822463 10005   | any | future |

For SEPA Direct Debit use the test IBAN \`DE89370400440532013000\` (succeeds) or
\`DE62370400440532013001\` (fails). The ISO 13616 example \`GB82 WEST 1234 5698 7654 32\` is
rejected by the bank in staging.

Sample SSNs in the onboarding form fixtures must be invalid ones such as \`000-12-3456\`,
\`666-45-1234\` or \`987-65-4320\` (the 987-65-4320 to 987-65-4329 range is reserved for advertising).
Phone fields accept \`+1 555 0100\` style fictional numbers. Contact: support@example.com.

Version 4.12.0.1 of the SDK, build 20241128.3, request id 7c9e6679-7425-40de-944b-e07fc1f90ae7.
`;
}
