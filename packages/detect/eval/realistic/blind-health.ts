import { chars, DIGITS, int, pick, type Rng, UPPER } from '../random.ts';
import * as nid from './blind-ids.ts';
import * as v from './blind-pii-values.ts';
import type { FileBuilder } from './labels.ts';
import * as s from './secrets.ts';

/*
 * The blind corpus: health records as interfaces write them: an HL7 v2 ADT feed (segments ended
 * by carriage returns), a FHIR transaction bundle and an X12 834 enrollment (one line, `~` ended).
 */

const usPhone = (r: Rng) => v.phone(r, 'US').nsn;
const STATES = [
  ['Springfield', 'IL', '62701'],
  ['Columbus', 'OH', '43215'],
  ['Austin', 'TX', '78701'],
  ['Portland', 'OR', '97205'],
] as const;

export function hl7Adt(f: FileBuilder): string {
  const r = f.rng;
  const messages = Array.from({ length: 4 }, (_, i) => {
    const p = v.person(r);
    const b = v.birth(r);
    const [city, st, zip] = pick(r, STATES);
    const ph = usPhone(r);
    const home = v.pii(f, `(${ph.slice(0, 3)})${ph.slice(3, 6)}-${ph.slice(6)}`, 'phone-number');
    const kin = v.person(r);
    const kph = usPhone(r);
    const ts = `202411${v.pad2(20 + i)}${v.pad2(int(r, 7, 18))}${v.pad2(int(r, 0, 59))}${v.pad2(int(r, 0, 59))}`;
    const npi = v.pii(f, nid.usNpi(r), 'us-npi');
    const doc = v.person(r);
    const medicare = i % 2 === 0;
    const segments = [
      `MSH|^~\\&|EPIC|MERCYHOSP|RHAPSODY|MERCYHOSP|${ts}||ADT^A04^ADT_A01|${chars(r, DIGITS, 10)}|P|2.5.1|||AL|NE`,
      `EVN|A04|${ts}|||${chars(r, UPPER, 2)}${int(r, 100, 999)}^${doc.last.toUpperCase()}^${doc.first.toUpperCase()}`,
      `PID|1||${chars(r, DIGITS, 8)}^^^MERCY^MR||${p.last.toUpperCase()}^${p.first.toUpperCase()}^${chars(r, UPPER, 1)}||${v.pii(f, v.ymd(b), 'date-of-birth')}|${pick(r, ['M', 'F'])}||2106-3|${v.street(r)}^^${city}^${st}^${zip}^USA^H||${home}^PRN^PH~^NET^Internet^${v.pii(f, p.email, 'email')}||ENG|${pick(r, ['M', 'S', 'D'])}||${chars(r, DIGITS, 9)}|${v.pii(f, nid.usSsn(r), 'us-ssn')}`,
      `NK1|1|${kin.last.toUpperCase()}^${kin.first.toUpperCase()}|SPO^Spouse^HL70063||${v.pii(f, `(${kph.slice(0, 3)})${kph.slice(3, 6)}-${kph.slice(6)}`, 'phone-number')}^PRN^PH`,
      `PV1|1|O|ER^${int(r, 1, 30)}^1^MERCY||||${npi}^${doc.last.toUpperCase()}^${doc.first.toUpperCase()}^^^^MD^^^NPI^L^^^NPI|||||||||||${chars(r, DIGITS, 10)}|||||||||||||||||||||||||${ts}`,
      medicare
        ? `IN1|1|MCR^Medicare Part B|CMS|CENTERS FOR MEDICARE AND MEDICAID|7500 SECURITY BLVD^^BALTIMORE^MD^21244||||||||||1|${p.last.toUpperCase()}^${p.first.toUpperCase()}|01|${v.ymd(b)}|||||||||||||||||||${v.pii(f, nid.usMbi(r), 'us-medicare-mbi')}`
        : `IN1|1|BCBS-PPO|${chars(r, DIGITS, 5)}|BLUE CROSS BLUE SHIELD|300 E RANDOLPH ST^^CHICAGO^IL^60601||||GRP${chars(r, DIGITS, 6)}|||||||1|${p.last.toUpperCase()}^${p.first.toUpperCase()}|01||||||||||||||||||||XOJ${chars(r, DIGITS, 9)}`,
    ];
    return segments.join('\r');
  });
  return `${messages.join('\r\n')}\r\n`;
}

export function fhirBundle(f: FileBuilder): string {
  const r = f.rng;
  const entries: unknown[] = [];
  for (let i = 0; i < 4; i++) {
    const p = v.person(r);
    const b = v.birth(r);
    const uk = i % 2 === 1;
    const id = s.uuid(r);
    const ph = v.phone(r, uk ? 'GB' : 'US');
    entries.push({
      fullUrl: `urn:uuid:${id}`,
      resource: {
        resourceType: 'Patient',
        id,
        meta: {
          versionId: String(int(r, 1, 9)),
          lastUpdated: `2024-11-${v.pad2(int(r, 1, 28))}T0${int(r, 0, 9)}:12:44.918+00:00`,
        },
        identifier: uk
          ? [
              {
                system: 'https://fhir.nhs.uk/Id/nhs-number',
                value: v.pii(f, nid.ukNhs(r, false), 'uk-nhs-number'),
              },
            ]
          : [
              {
                use: 'usual',
                type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
                system: 'urn:oid:1.2.36.146.595.217.0.1',
                value: chars(r, DIGITS, 7),
              },
              {
                type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'SS' }] },
                system: 'http://hl7.org/fhir/sid/us-ssn',
                value: v.pii(f, nid.usSsn(r), 'us-ssn'),
              },
            ],
        active: true,
        name: [{ use: 'official', family: p.last, given: [p.first] }],
        telecom: [
          { system: 'phone', value: v.pii(f, uk ? ph.national : ph.intl, 'phone-number'), use: 'mobile' },
          { system: 'email', value: v.pii(f, p.email, 'email') },
        ],
        gender: pick(r, ['female', 'male']),
        birthDate: v.pii(f, v.iso(b), 'date-of-birth'),
        address: [
          {
            use: 'home',
            line: [v.street(r)],
            city: uk ? 'Leeds' : 'Columbus',
            postalCode: uk ? 'LS1 4AP' : '43215',
            country: uk ? 'GB' : 'US',
          },
        ],
        generalPractitioner: [{ reference: `Practitioner/${s.uuid(r)}` }],
      },
      request: { method: 'PUT', url: `Patient/${id}` },
    });
  }
  const au = v.person(r);
  const auId = s.uuid(r);
  entries.push({
    fullUrl: `urn:uuid:${auId}`,
    resource: {
      resourceType: 'Patient',
      id: auId,
      identifier: [
        {
          type: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/v2-0203',
                code: 'MC',
                display: "Patient's Medicare Number",
              },
            ],
          },
          system: 'http://ns.electronichealth.net.au/id/medicare-number',
          value: v.pii(f, nid.auMedicare(r).replace(/ /g, ''), 'au-medicare'),
        },
      ],
      name: [{ use: 'official', family: au.last, given: [au.first] }],
      telecom: [
        { system: 'phone', value: v.pii(f, v.phone(r, 'AU').national, 'phone-number'), use: 'mobile' },
      ],
      gender: 'female',
      birthDate: v.pii(f, v.iso(v.birth(r)), 'date-of-birth'),
    },
    request: { method: 'PUT', url: `Patient/${auId}` },
  });
  const doc = v.person(r);
  entries.push({
    fullUrl: `urn:uuid:${s.uuid(r)}`,
    resource: {
      resourceType: 'Practitioner',
      identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: v.pii(f, nid.usNpi(r), 'us-npi') }],
      name: [{ family: doc.last, given: [doc.first], prefix: ['Dr'] }],
    },
  });
  entries.push({
    fullUrl: `urn:uuid:${s.uuid(r)}`,
    resource: {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] },
      effectiveDateTime: '2024-11-27T09:30:00Z',
      valueQuantity: {
        value: int(r, 50, 110) + 0.4,
        unit: 'kg',
        system: 'http://unitsofmeasure.org',
        code: 'kg',
      },
    },
  });
  return `${JSON.stringify({ resourceType: 'Bundle', id: s.uuid(r), type: 'transaction', timestamp: '2024-11-28T07:00:03Z', entry: entries }, null, 2)}\n`;
}

export function x12Enrollment(f: FileBuilder): string {
  const r = f.rng;
  const ctrl = chars(r, DIGITS, 9);
  const segs = [
    `ISA*00*          *00*          *ZZ*GLOBEXHR       *ZZ*BCBSIL         *241201*0930*^*00501*${ctrl}*0*P*:`,
    `GS*BE*GLOBEXHR*BCBSIL*20241201*0930*${int(r, 1, 9999)}*X*005010X220A1`,
    'ST*834*0001*005010X220A1',
    `BGN*00*${chars(r, DIGITS, 6)}*20241201*0930****4`,
    'N1*P5*GLOBEX LOGISTICS INC*FI*364512387',
    'N1*IN*BLUE CROSS BLUE SHIELD OF ILLINOIS*FI*361236610',
  ];
  for (let i = 0; i < 4; i++) {
    const p = v.person(r);
    const b = v.birth(r);
    const ssn = nid.usSsn(r).replace(/-/g, '');
    const [city, st, zip] = pick(r, STATES);
    segs.push(
      `INS*Y*18*021*28*A***FT`,
      `REF*0F*${v.pii(f, ssn, 'us-ssn')}`,
      `REF*1L*GRP${chars(r, DIGITS, 5)}`,
      'DTP*356*D8*20250101',
      `NM1*IL*1*${p.last.toUpperCase()}*${p.first.toUpperCase()}****34*${ssn}`,
      `PER*IP**HP*${v.pii(f, usPhone(r), 'phone-number')}*EM*${v.pii(f, p.email, 'email')}`,
      `N3*${v.street(r).toUpperCase()}`,
      `N4*${city.toUpperCase()}*${st}*${zip}`,
      `DMG*D8*${v.pii(f, v.ymd(b), 'date-of-birth')}*${pick(r, ['F', 'M'])}`,
      'HD*021**HLT*PPO*EMP',
      'DTP*348*D8*20250101',
    );
  }
  segs.push(`SE*${segs.length - 1}*0001`, `GE*1*${int(r, 1, 9999)}`, `IEA*1*${ctrl}`);
  return `${segs.join('~')}~`;
}
