import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/types.ts';
import { fingerprintOf, scan } from './helpers.ts';

/*
 * Personal data whose only evidence is where it stands: a CSV column named for it, an HL7 or X12
 * field, an MT940 subfield. A date is a birth date only there, never beside it in the next field.
 */

function found(findings: readonly Finding[], detector: string): string[] {
  return findings
    .filter((f) => f.detector === detector)
    .map((f) => f.fingerprint)
    .sort();
}

const prints = (values: readonly string[]) => values.map(fingerprintOf).sort();

describe('personal data named by its field', () => {
  it('reports dates under a birth-date column of a CSV file, not the other dates of the row', async () => {
    const csv = [
      'Employee ID,Legal Name,Date of Birth,Hire Date',
      'E1,Ann Lee,1968-01-16,2017-10-12',
      'E2,Placeholder,1900-01-01,2024-01-01',
      '',
    ].join('\n');
    expect(found(await scan(csv, 'workers.csv'), 'date-of-birth')).toEqual(prints(['1968-01-16']));
    const salesforce = 'Contact: Full Name,Contact: Birthdate,Close Date\nAnn Lee,10/15/1967,6/5/2025\n';
    expect(found(await scan(salesforce, 'report.csv'), 'date-of-birth')).toEqual(prints(['10/15/1967']));
  });

  it('splits a semicolon CSV (a German Excel export) and reads its Geburtsdatum and BIC columns', async () => {
    const csv = [
      'Personalnummer;Nachname;Geburtsdatum;Eintritt;IBAN;BIC;Brutto',
      '10000;Murphy;23.11.1956;01.11.2007;DE84483403591061770874;COBADEFFXXX;8.965,00',
      '',
    ].join('\n');
    const findings = await scan(csv, 'Lohnjournal.csv');
    expect(found(findings, 'date-of-birth')).toEqual(prints(['23.11.1956']));
    expect(found(findings, 'swift-bic')).toEqual(prints(['COBADEFFXXX']));
    const dob = findings.find((f) => f.detector === 'date-of-birth');
    expect(dob?.location).toMatchObject({ column_name: 'Geburtsdatum', column_index: 2 });
  });

  it('reports an IMEI under a column whose name holds IMEI, not the other numbers of the row', async () => {
    const csv =
      'Name,Lineitem sku,Tracking Number,Device IMEI (custom)\n#1001,874295649637,616427178114,014935197541643\n';
    expect(found(await scan(csv, 'orders_export.csv'), 'imei')).toEqual(prints(['014935197541643']));
  });

  it('reads HL7 PID-7 and X12 DMG birth dates, not the other dates of the message', async () => {
    const hl7 = [
      'MSH|^~\\&|EPIC|MERCY|RHAPSODY|MERCY|20241120120945||ADT^A04^ADT_A01|44361|P|2.5.1',
      'PID|1||24606465^^^MERCY^MR||LINDQVIST^LEA^S||19520916|F||2106-3',
      'PV1|1|O|ER^7^1^MERCY||||||||||||||||||||||||||||||||||||||||20241120120945',
      '',
    ].join('\r');
    expect(found(await scan(hl7, 'adt.hl7'), 'date-of-birth')).toEqual(prints(['19520916']));
    const x12 = 'NM1*IL*1*IYER*ANN~\nDTP*356*D8*20250101~\nDMG*D8*19870806*F~\nDTP*348*D8*20250101~\n';
    expect(found(await scan(x12, '834.x12'), 'date-of-birth')).toEqual(prints(['19870806']));
  });

  it('reads a vCard BDAY, a Mongo $date at midnight and German "geboren am"', async () => {
    const vcf =
      'BEGIN:VCARD\nBDAY;value=date:1959-04-19\nREV:2024-11-12T19:12:16Z\nEND:VCARD\nBEGIN:VCARD\nBDAY:19501207\nEND:VCARD\n';
    expect(found(await scan(vcf, 'contacts.vcf'), 'date-of-birth')).toEqual(
      prints(['1959-04-19', '19501207']),
    );
    const mongo =
      '{"dob":{"$date":"1982-09-26T00:00:00.000Z"},"createdAt":{"$date":"2021-04-15T17:24:42.964Z"}}\n';
    expect(found(await scan(mongo, 'customers.json'), 'date-of-birth')).toEqual(prints(['1982-09-26']));
    const chat =
      '02.11.24, 10:59 - Marta: Für den Mietvertrag: geboren am 22.05.1958\n02.11.24, 11:02 - Marta: Einzug am 01.12.2024\n';
    expect(found(await scan(chat, 'chat.txt'), 'date-of-birth')).toEqual(prints(['22.05.1958']));
  });

  it('reads the counterparty BIC and IBAN of an MT940 :86: field', async () => {
    const sta =
      ':86:177?00SEPA-LASTSCHRIFT?20EREF+RE-2024-586979\n?30COBADEFFXXX?31DE84483403591061770874?32PATEL, KENJI\n';
    const findings = await scan(sta, 'MT940.sta');
    expect(found(findings, 'swift-bic')).toEqual(prints(['COBADEFFXXX']));
    expect(found(findings, 'iban')).toEqual(prints(['DE84483403591061770874']));
  });
});
