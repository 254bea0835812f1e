import { ALNUM, chars, DIGITS, HEX, int, LOWER, pick, type Rng, UPPER } from '../random.ts';
import * as nid from './blind-ids.ts';
import * as v from './blind-pii-values.ts';
import type { FileBuilder } from './labels.ts';
import * as s from './secrets.ts';

/*
 * The blind corpus, part three: a support-ticket export, chat exports, an nginx access log,
 * application JSON logs, and database exports (mongoexport, DynamoDB, an Elasticsearch bulk
 * file). Written without reading the detectors.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ULID = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const isoTs = (r: Rng) =>
  `2024-11-${v.pad2(int(r, 1, 28))}T${v.pad2(int(r, 0, 23))}:${v.pad2(int(r, 0, 59))}:${v.pad2(int(r, 0, 59))}Z`;

export function zendeskTickets(f: FileBuilder): string {
  const r = f.rng;
  const tickets = Array.from({ length: 4 }, (_, i) => {
    const c = v.person(r);
    const country = pick(r, ['GB', 'DE', 'US', 'FR'] as const);
    const ph = v.phone(r, country);
    const agent = v.person(r, 'globex-corp.com');
    const id = 48_000 + int(r, 100, 999);
    const descriptions = [
      () => {
        const country = pick(r, ['DE', 'FR', 'NL'] as const);
        return `Hi, I returned order #${chars(r, DIGITS, 9)} (tracking ${v.upsTracking(r)}) two weeks ago and still no refund. Please send it to ${v.paperIban(v.badIban(r, country))} -- sorry, typo, it is ${v.pii(f, v.paperIban(v.iban(r, country)), 'iban')}. You can reach me on ${v.pii(f, ph.national, 'phone-number')}.\n\nThanks,\n${c.first}`;
      },
      () =>
        `The checkout keeps failing. I tried my card ${v.pii(f, v.groupCard(v.card(r, 'visa')), 'payment-card')} exp 0${int(r, 1, 9)}/2${int(r, 6, 9)} three times, order total 129.99. Screenshot attached.`,
      () =>
        `Please change the delivery address on order ${chars(r, DIGITS, 9)} to ${v.street(r)}, and call me at ${v.pii(f, ph.intl, 'phone-number')} before delivery.`,
      () =>
        `Can't get into my account, the reset link expired. Registered with ${v.pii(f, c.email, 'email')}, date of birth ${v.pii(f, ((b) => `${MONTHS[b[1] - 1]} ${b[2]}, ${b[0]}`)(v.birth(r)), 'date-of-birth')} if you need to verify.`,
    ];
    return {
      id,
      url: `https://globex.zendesk.com/api/v2/tickets/${id}.json`,
      external_id: null,
      created_at: isoTs(r),
      updated_at: isoTs(r),
      type: 'incident',
      subject: pick(r, ['Refund not received', 'Checkout error', 'Change address', 'Login']),
      description: descriptions[i]?.() ?? '',
      priority: pick(r, ['normal', 'high']),
      status: pick(r, ['open', 'pending', 'solved']),
      requester: {
        id: Number(`3${chars(r, DIGITS, 12)}`),
        name: `${c.first} ${c.last}`,
        email: v.pii(f, c.email, 'email'),
      },
      via: { channel: 'web', source: { from: { ip: v.pii(f, v.publicIp(r), 'ipv4-address') }, rel: null } },
      custom_fields: [
        { id: 360_001_234_567 + i, value: `card ending ${chars(r, DIGITS, 4)}` },
        { id: 360_009_876_543, value: `ORD-2024-${chars(r, DIGITS, 6)}` },
      ],
      comments: [
        {
          id: Number(`2${chars(r, DIGITS, 13)}`),
          author_id: Number(`3${chars(r, DIGITS, 12)}`),
          public: i !== 3,
          body:
            i === 3
              ? `Reset done. Temporary password for the customer portal: ${v.secret(f, s.password(r), 'password in a ticket comment')} (customer must change it).`
              : `Thanks ${c.first}, I have escalated this to our payments team. ${agent.first}`,
          metadata: {
            system: {
              client:
                'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
              latitude: 53.55 + i / 100,
              longitude: 9.99,
            },
          },
        },
      ],
    };
  });
  return `${JSON.stringify({ tickets, next_page: null, count: tickets.length }, null, 2)}\n`;
}

export function slackExport(f: FileBuilder): string {
  const r = f.rng;
  const users = Array.from({ length: 3 }, () => `U0${chars(r, `${UPPER}${DIGITS}`, 8)}`);
  const ts = () => `${int(r, 1_732_780_000, 1_732_860_000)}.${chars(r, DIGITS, 6)}`;
  const c = v.person(r);
  const c2 = v.person(r);
  const ph = v.phone(r, 'FR');
  const b = v.birth(r);
  const dbPw = v.secret(f, s.password(r).replace(/[@:/#?]/g, 'x'), 'password in a chat');
  const texts = [
    `customer <mailto:${v.pii(f, c.email, 'email')}|${c.email}> says her refund went to the wrong account, can someone from payments look?`,
    `she called again from ${v.pii(f, ph.intl, 'phone-number')}, DOB ${v.pii(f, `${v.pad2(b[2])}/${v.pad2(b[1])}/${b[0]}`, 'date-of-birth')} for verification`,
    `refund tool db is reachable again: postgres://refunds:${dbPw}@${v.pii(f, '10.0.4.17', 'ipv4-address')}:5432/refunds`,
    `also <mailto:${v.pii(f, c2.email, 'email')}|${c2.email}> — order 100234${chars(r, DIGITS, 3)}, tracking ${v.fedexTracking(r)}`,
    'ok thanks, closing the loop in ticket 48211 :white_check_mark:',
  ];
  const msgs = texts.map((text, i) => ({
    client_msg_id: s.uuid(r),
    type: 'message',
    text,
    user: users[i % users.length],
    ts: ts(),
    blocks: [],
    team: `T0${chars(r, `${UPPER}${DIGITS}`, 8)}`,
    user_profile: {
      avatar_hash: chars(r, HEX, 12),
      first_name: pick(r, v.FIRST),
      real_name: `${pick(r, v.FIRST)} ${pick(r, v.LAST)}`,
      display_name: chars(r, LOWER, 6),
      is_restricted: false,
    },
  }));
  return `${JSON.stringify(msgs, null, 4)}\n`;
}

export function whatsappChat(f: FileBuilder): string {
  const r = f.rng;
  const tenant = v.person(r);
  const landlord = `${pick(r, v.FIRST)} ${pick(r, v.LAST)}`;
  const t = (day: number, h: number) => `${v.pad2(day)}.11.24, ${v.pad2(h)}:${v.pad2(int(r, 0, 59))}`;
  const b = v.birth(r);
  const kidBorn = [2019, int(r, 1, 12), int(r, 1, 28)] as [number, number, number];
  const lines = [
    `${t(2, 9)} - Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören.`,
    `${t(2, 9)} - ${landlord}: Hallo Frau ${tenant.last}, die Kaution bitte auf ${v.pii(f, v.paperIban(v.iban(r, 'DE')), 'iban')} überweisen`,
    `${t(2, 10)} - ${tenant.first} ${tenant.last}: Mache ich heute. Für den Mietvertrag: geboren am ${v.pii(f, `${v.pad2(b[2])}.${v.pad2(b[1])}.${b[0]}`, 'date-of-birth')}, Steuer-ID ${v.pii(f, nid.deTaxId(r), 'de-tax-id')}`,
    `${t(2, 10)} - ${tenant.first} ${tenant.last}: Meine neue Nummer ist ${v.pii(f, `0${v.phone(r, 'DE').nsn.replace(/^(\d{3})/, '$1 ')}`, 'phone-number')}`,
    `${t(3, 18)} - ${landlord}: Danke! Schlüsselübergabe am 15.12.2024 um 14:00?`,
    `${t(3, 18)} - ${tenant.first} ${tenant.last}: Passt. Meine Tochter ist am ${v.pii(f, `${v.pad2(kidBorn[2])}.${v.pad2(kidBorn[1])}.${kidBorn[0]}`, 'date-of-birth')} geboren, brauchen Sie das für die Meldebescheinigung?`,
    `${t(3, 19)} - ${landlord}: IMG-20241103-WA0007.jpg (Datei angehängt)`,
    `${t(4, 8)} - ${landlord}: Zählerstand Strom 048213,7 kWh, Zählernummer 1ESY1161${chars(r, DIGITS, 6)}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function nginxAccessLog(f: FileBuilder): string {
  const r = f.rng;
  const upstreams = ['10.0.3.21', '10.0.3.22', '10.0.3.23'].map((ip) => v.pii(f, ip, 'ipv4-address'));
  const agents = [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36',
    'GlobexApp/4.2.1.187 (iPhone; iOS 17.1.2; Scale/3.00)',
    'okhttp/4.12.0',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1',
  ];
  const lines: string[] = [];
  for (let i = 0; i < 36; i++) {
    const ip = v.pii(f, v.publicIp(r), 'ipv4-address');
    const time = `28/Nov/2024:${v.pad2(8 + Math.floor(i / 6))}:${v.pad2(int(r, 0, 59))}:${v.pad2(int(r, 0, 59))} +0000`;
    const p = v.person(r);
    const request = pick(r, [
      () => `GET /api/v2/customers/lookup?email=${v.pii(f, p.email, 'email')}&source=checkout HTTP/2.0`,
      () =>
        `POST /api/v1/otp/send?phone=${v.pii(f, v.phone(r, pick(r, ['DE', 'GB', 'IN'] as const)).e164, 'phone-number')}&channel=sms HTTP/1.1`,
      () => `GET /api/orders/${chars(r, DIGITS, 9)} HTTP/2.0`,
      () => `GET /track?tn=${v.upsTracking(r)} HTTP/1.1`,
      () => `GET /products/${v.ean13(r, '978')}?ref=search HTTP/2.0`,
      () => `GET /static/js/main.${chars(r, HEX, 8)}.js HTTP/2.0`,
      () => `GET /unsubscribe?e=${chars(r, HEX, 32)}&list=${chars(r, HEX, 10)} HTTP/1.1`,
      () => `GET /healthz HTTP/1.1`,
    ])();
    const status = pick(r, [200, 200, 200, 204, 301, 404, 429]);
    lines.push(
      `${ip} - - [${time}] "${request}" ${status} ${int(r, 0, 48_000)} "${pick(r, ['-', 'https://shop.globex-corp.com/checkout', 'https://www.google.com/'])}" "${pick(r, agents)}" rt=${(int(r, 1, 2400) / 1000).toFixed(3)} uct="0.000" upstream=${pick(r, upstreams)}:8080 req_id=${chars(r, HEX, 32)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function checkoutJsonl(f: FileBuilder): string {
  const r = f.rng;
  const lines: string[] = [];
  let t = 1_732_783_812_345;
  const base = () => {
    t += int(r, 50, 90_000);
    return {
      level: 30,
      time: t,
      pid: 1,
      hostname: `checkout-7d9f8b6c5-${chars(r, `${LOWER}${DIGITS}`, 5)}`,
      traceId: chars(r, HEX, 32),
      spanId: chars(r, HEX, 16),
    };
  };
  for (let i = 0; i < 14; i++) {
    const p = v.person(r);
    const country = pick(r, ['FR', 'DE', 'GB', 'ES', 'IT'] as const);
    lines.push(
      JSON.stringify({
        ...base(),
        msg: 'order placed',
        order: {
          id: `ORD-2024-${chars(r, DIGITS, 6)}`,
          total: int(r, 900, 40_000) / 100,
          currency: 'EUR',
          items: [
            {
              sku: `SKU-${chars(r, DIGITS, 5)}`,
              gtin: v.ean13(r, pick(r, ['40', '30', '80'])),
              qty: int(r, 1, 3),
            },
          ],
        },
        customer: {
          id: `cus_${chars(r, ALNUM, 14)}`,
          email: v.pii(f, p.email, 'email'),
          phone: v.pii(f, v.phone(r, country).intl, 'phone-number'),
          shippingAddress: {
            line1: v.street(r),
            city: pick(r, ['Lyon', 'Köln', 'Leeds', 'Bilbao', 'Torino']),
            postalCode: String(int(r, 10000, 99999)),
            country,
          },
        },
        shipment: { carrier: 'UPS', trackingNumber: v.upsTracking(r) },
      }),
    );
    if (i === 4) {
      const p2 = v.person(r);
      lines.push(
        JSON.stringify({
          ...base(),
          level: 50,
          msg: 'payment authorization failed',
          err: {
            type: 'CardError',
            message: 'Your card was declined.',
            code: 'card_declined',
            decline_code: 'insufficient_funds',
          },
          request: {
            method: 'POST',
            path: '/v1/payment_methods',
            body: {
              type: 'card',
              card: {
                number: v.pii(f, v.card(r, 'mastercard'), 'payment-card'),
                exp_month: int(r, 1, 12),
                exp_year: 2027,
                cvc: chars(r, DIGITS, 3),
              },
              billing_details: { name: `${p2.first} ${p2.last}`, email: v.pii(f, p2.email, 'email') },
            },
          },
        }),
      );
    }
    if (i === 8) {
      lines.push(
        JSON.stringify({
          ...base(),
          level: 40,
          msg: 'retrying psp call',
          attempt: 2,
          psp: {
            name: 'stripe',
            apiKey: v.secret(f, s.stripeKey(r), 'stripe key', ['stripe-secret-key']),
            timeoutMs: 8000,
          },
        }),
      );
    }
    if (i === 10) {
      lines.push(
        JSON.stringify({
          ...base(),
          msg: 'device registered',
          device: {
            imei: v.pii(f, v.imei(r), 'imei'),
            model: 'SM-S918B',
            os: 'Android 14',
            appVersion: '4.2.1.187',
            fcmToken: `${chars(r, `${ALNUM}-_`, 22)}:APA91b${chars(r, `${ALNUM}-_`, 134)}`,
          },
        }),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export function mongoExport(f: FileBuilder): string {
  const r = f.rng;
  const lines = Array.from({ length: 8 }, (_, i) => {
    const p = v.person(r);
    const b = v.birth(r);
    const doc = {
      _id: { $oid: v.objectId(r) },
      email: v.pii(f, p.email, 'email'),
      name: { first: p.first, last: p.last },
      phone: v.pii(f, v.phone(r, 'US').intl, 'phone-number'),
      dob: { $date: `${v.pii(f, v.iso(b), 'date-of-birth')}T00:00:00.000Z` },
      ssn: i % 2 === 0 ? v.pii(f, nid.usSsn(r), 'us-ssn') : null,
      addresses: [
        {
          type: 'home',
          street: v.street(r),
          city: 'Austin',
          state: 'TX',
          zip: `787${v.pad2(int(r, 1, 50))}`,
        },
      ],
      loyalty: {
        tier: pick(r, ['silver', 'gold']),
        points: { $numberInt: String(int(r, 0, 40_000)) },
        cardNo: `LOY${chars(r, DIGITS, 13)}`,
      },
      passwordHash: v.secret(f, v.bcrypt(r, '2b'), 'bcrypt hash'),
      createdAt: { $date: { $numberLong: String(int(r, 1_600_000_000_000, 1_732_000_000_000)) } },
      __v: { $numberInt: '0' },
    };
    return JSON.stringify(doc);
  });
  return `${lines.join('\n')}\n`;
}

export function dynamodbExport(f: FileBuilder): string {
  const r = f.rng;
  const lines = Array.from({ length: 8 }, (_, i) => {
    const p = v.person(r);
    const b = v.birth(r);
    const es = i % 2 === 0;
    const item: Record<string, unknown> = {
      pk: { S: `CUSTOMER#01J${chars(r, ULID, 23)}` },
      sk: { S: 'PROFILE' },
      email: { S: v.pii(f, p.email, 'email') },
      phone: { S: v.pii(f, v.phone(r, es ? 'ES' : 'IT').e164, 'phone-number') },
      nationalId: {
        S: v.pii(
          f,
          es
            ? i % 4 === 0
              ? nid.esDni(r)
              : nid.esNie(r)
            : nid.itCodiceFiscale(r, p.first, p.last, b, r() < 0.5),
          es ? 'es-dni' : 'it-codice-fiscale',
        ),
      },
      dob: { S: v.pii(f, v.iso(b), 'date-of-birth') },
      iban: { S: v.pii(f, v.iban(r, 'ES'), 'iban') },
      updatedAt: { N: String(int(r, 1_700_000_000, 1_732_900_000)) },
      marketingOptIn: { BOOL: r() < 0.5 },
      version: { N: String(int(r, 1, 20)) },
    };
    return JSON.stringify({ Item: item });
  });
  return `${lines.join('\n')}\n`;
}

export function elasticBulk(f: FileBuilder): string {
  const r = f.rng;
  const lines: string[] = [];
  for (let i = 0; i < 7; i++) {
    const p = v.person(r);
    const country = pick(r, ['NL', 'BE', 'DE', 'FR'] as const);
    lines.push(
      JSON.stringify({ index: { _index: 'customers-v3', _id: String(int(r, 1_000_000, 9_999_999)) } }),
    );
    lines.push(
      JSON.stringify({
        customer_number: `K-${chars(r, DIGITS, 7)}`,
        full_name: `${p.first} ${p.last}`,
        email: v.pii(f, p.email, 'email'),
        phone: v.pii(f, v.phone(r, country === 'BE' ? 'NL' : country).national, 'phone-number'),
        address: { street: v.street(r), postcode: `${int(r, 1000, 9999)} ${chars(r, UPPER, 2)}`, country },
        location: { lat: 52 + int(r, 0, 999_999) / 1e6, lon: 4 + int(r, 0, 999_999) / 1e6 },
        vat_id: i % 3 === 0 ? `${country}${chars(r, DIGITS, 9)}${country === 'NL' ? 'B01' : ''}` : null,
        bsn: country === 'NL' ? v.pii(f, nid.nlBsn(r), 'nl-bsn') : null,
        payout_iban:
          i % 2 === 0
            ? v.pii(f, v.iban(r, country === 'FR' ? 'FR' : country === 'BE' ? 'BE' : 'NL'), 'iban')
            : null,
        orders_count: int(r, 0, 80),
        customer_since: `20${v.pad2(int(r, 10, 24))}-${v.pad2(int(r, 1, 12))}-${v.pad2(int(r, 1, 28))}`,
        '@timestamp': isoTs(r),
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
