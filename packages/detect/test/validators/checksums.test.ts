import { describe, expect, it } from 'vitest';
import { abaRoutingValid } from '../../src/validators/aba-routing.ts';
import { sinValid } from '../../src/validators/canada-sin.ts';
import { ibanMod97, ibanValid } from '../../src/validators/iban.ts';
import { luhnCheckDigit, luhnValid } from '../../src/validators/luhn.ts';
import { aadhaarValid, bsnValid, dniLetter, dniValid } from '../../src/validators/national-ids.ts';
import { cardIssuer, paymentCardValid } from '../../src/validators/payment-card.ts';
import { nhsNumberValid } from '../../src/validators/uk-nhs.ts';
import { itinValid, ssnValid } from '../../src/validators/us-ssn.ts';
import { verhoeffCheckDigit, verhoeffValid } from '../../src/validators/verhoeff.ts';

describe('luhn', () => {
  it('accepts numbers with the right check digit and rejects a changed digit', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('4539 1488 0343 6467')).toBe(true);
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnValid('0')).toBe(false);
  });
});

describe('payment cards', () => {
  it('needs an issuer prefix with its length, consistent separators and Luhn', () => {
    const visa = `453914880343646${luhnCheckDigit('453914880343646')}`;
    expect(paymentCardValid(visa)).toBe(true);
    expect(cardIssuer('378282246310005')).toBe('amex');
    expect(paymentCardValid('378282246310005')).toBe(true);
    expect(paymentCardValid('3782822463100050')).toBe(false);
    expect(paymentCardValid('4539-1488 0343-6467')).toBe(false);
    expect(paymentCardValid('1234567812345670')).toBe(false);
    expect(paymentCardValid('4111111111111111')).toBe(false);
  });
});

describe('IBAN', () => {
  it('checks per-country length, BBAN structure and mod 97', () => {
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(ibanMod97('DE89370400440532013000')).toBe(1);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('DE88370400440532013000')).toBe(false);
    expect(ibanValid('DE8937040044053201300')).toBe(false);
    expect(ibanValid('XX89370400440532013000')).toBe(false);
  });
});

describe('US SSN and ITIN', () => {
  it('rejects invalid area, group and serial and published numbers', () => {
    expect(ssnValid('536-22-1234')).toBe(true);
    for (const bad of [
      '000-12-3456',
      '666-12-3456',
      '912-12-3456',
      '536-00-1234',
      '536-22-0000',
      '078-05-1120',
      '123-45-6789',
    ]) {
      expect(ssnValid(bad), bad).toBe(false);
    }
  });

  it('accepts ITIN group ranges only', () => {
    expect(itinValid('912-70-1234')).toBe(true);
    expect(itinValid('912-93-1234')).toBe(false);
    expect(itinValid('812-70-1234')).toBe(false);
  });
});

describe('ABA routing number', () => {
  it('checks the 3-7-1 weights and the Federal Reserve prefix', () => {
    expect(abaRoutingValid('021000021')).toBe(true);
    expect(abaRoutingValid('011000015')).toBe(true);
    expect(abaRoutingValid('021000022')).toBe(false);
    expect(abaRoutingValid('500000005')).toBe(false);
  });
});

describe('UK NHS number', () => {
  it('checks mod 11 and refuses a check value of 10', () => {
    expect(nhsNumberValid('943 476 5919')).toBe(true);
    expect(nhsNumberValid('9434765918')).toBe(false);
    expect(nhsNumberValid('1111111111')).toBe(false);
  });
});

describe('Canadian SIN', () => {
  it('is Luhn with a valid first digit', () => {
    expect(sinValid('046 454 286')).toBe(false);
    expect(sinValid('130 692 544')).toBe(true);
    expect(sinValid('130 692 545')).toBe(false);
  });
});

describe('national ids', () => {
  it('Dutch BSN passes the eleven-test', () => {
    expect(bsnValid('111222333')).toBe(true);
    expect(bsnValid('123456782')).toBe(true);
    expect(bsnValid('123456789')).toBe(false);
  });

  it('Spanish DNI/NIE control letter', () => {
    expect(dniLetter(12345678)).toBe('Z');
    expect(dniValid('12345678Z')).toBe(true);
    expect(dniValid('12345678A')).toBe(false);
    expect(dniValid('X1234567L')).toBe(true);
    expect(dniValid('X1234567A')).toBe(false);
  });

  it('Verhoeff and Aadhaar', () => {
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffCheckDigit('236')).toBe(3);
    expect(verhoeffValid('2364')).toBe(false);
    const body = '23456789012';
    expect(aadhaarValid(body + verhoeffCheckDigit(body))).toBe(true);
    expect(aadhaarValid(body + ((verhoeffCheckDigit(body) + 1) % 10))).toBe(false);
    expect(aadhaarValid(`1${body.slice(1)}${verhoeffCheckDigit(`1${body.slice(1)}`)}`)).toBe(false);
  });
});
