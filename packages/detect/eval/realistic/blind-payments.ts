import { ALNUM, chars, DIGITS, int, pick, UPPER } from '../random.ts';
import * as v from './blind-pii-values.ts';
import type { FileBuilder } from './labels.ts';

/*
 * The blind corpus: SEPA and MT940 banking files, Stripe, PayPal and Shopify exports, a flight
 * order with passports, and a payments testing page of documented test values (negatives only).
 */

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
          <InstdAmt Ccy="EUR">${int(r, 1800, 6400)}.${v.pad2(int(r, 0, 99))}</InstdAmt>
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
      <CtrlSum>${int(r, 20_000, 40_000)}.${v.pad2(int(r, 0, 99))}</CtrlSum>
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
      `:61:2411${v.pad2(29 + (i % 2))}11${v.pad2(29 + (i % 2))}${credit ? 'C' : 'D'}${int(r, 12, 4800)},${v.pad2(int(r, 0, 99))}N${pick(r, ['TRF', 'DDT', 'MSC'])}NONREF//${chars(r, DIGITS, 10)}`,
      `:86:${pick(r, ['166', '105', '177'])}?00${credit ? 'GUTSCHR. UEBERWEISUNG' : 'SEPA-LASTSCHRIFT'}?10${int(r, 100, 9999)}?20EREF+RE-2024-${chars(r, DIGITS, 6)}`,
      `?21SVWZ+Rechnung ${chars(r, DIGITS, 8)} Kd-Nr ${chars(r, DIGITS, 7)}?22vom ${v.pad2(int(r, 1, 28))}.11.2024`,
      `?30${v.pii(f, v.bic(r, country), 'swift-bic')}?31${v.pii(f, v.iban(r, country), 'iban')}?32${p.last.toUpperCase()}, ${p.first.toUpperCase()}?34${int(r, 0, 999)}`,
    );
  }
  lines.push(':62F:C241130EUR191004,55', '-');
  return `${lines.join('\r\n')}\r\n`;
}

export function stripePayments(f: FileBuilder): string {
  const r = f.rng;
  const rows = [
    v.csvRow([
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
      v.csvRow([
        `ch_3${chars(r, ALNUM, 23)}`,
        v.stamp(r),
        `${int(r, 5, 900)}.${v.pad2(int(r, 0, 99))}`,
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
        `${v.pad2(int(r, 1, 30))}/11/2024`,
        `${v.pad2(int(r, 0, 23))}:${v.pad2(int(r, 0, 59))}:${v.pad2(int(r, 0, 59))}`,
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
        `${int(r, 1000, 90000)}.${v.pad2(int(r, 0, 99))}`,
        i % 2 ? v.tel(f, c) : '',
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
  const rows = [v.csvRow(header)];
  for (let i = 0; i < 12; i++) {
    const p = v.person(r);
    const c = pick(r, ['GB', 'DE', 'FR', 'US', 'NL', 'ES'] as const);
    const total = int(r, 1500, 99000) / 100;
    const phoneCase = i % 4;
    const billingPhone = phoneCase === 0 ? '' : v.tel(f, c);
    const device = i % 5 === 2;
    rows.push(
      v.csvRow([
        `#${1001 + i}`,
        v.pii(f, p.email, 'email'),
        'paid',
        `${v.stamp(r)} +0100`,
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
            issuanceDate: `20${v.pad2(int(r, 15, 23))}-${v.pad2(int(r, 1, 12))}-${v.pad2(int(r, 1, 28))}`,
            number: v.pii(f, passport(nat), 'passport-number'),
            expiryDate: `20${v.pad2(int(r, 26, 34))}-${v.pad2(int(r, 1, 12))}-${v.pad2(int(r, 1, 28))}`,
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
          creationDate: `2024-11-${v.pad2(int(r, 1, 28))}T10:${v.pad2(int(r, 0, 59))}:00.000`,
          originSystemCode: 'GDS',
          flightOfferId: '1',
        },
      ],
      ticketNumbers: [`${pick(r, ['220', '057', '125'])}-${chars(r, DIGITS, 10)}`],
      price: { currency: 'EUR', total: `${int(r, 120, 2400)}.${v.pad2(int(r, 0, 99))}` },
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
