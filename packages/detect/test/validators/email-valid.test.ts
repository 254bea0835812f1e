import { describe, expect, it } from 'vitest';
import { emailValid } from '../../src/detectors/email.ts';

const ctx = { before: 'contact: ' };

describe('emailValid', () => {
  it.each([
    'alice@example.com',
    'Alice@EXAMPLE.COM',
    'ops@mail.Example.Org',
    'a.b@example.net',
    'root@localhost.local',
    'x@host.TEST',
    'y@site.invalid',
    'z@Example',
  ])('rejects %s, at a reserved domain in any case', (value) => {
    expect(emailValid(value, ctx)).toBe(false);
  });

  it.each([
    'alice@notexample.com',
    'bob@example.company',
    'carol@mytest.io',
    'dave@example-corp.com',
    'erin@local-host.de',
    'frank@EXAMPLES.COM',
  ])('accepts %s, whose domain only looks like a reserved one', (value) => {
    expect(emailValid(value, ctx)).toBe(true);
  });

  it('keeps its other rules after the reserved-domain check', () => {
    expect(emailValid('.alice@acme.io', ctx)).toBe(false);
    expect(emailValid('alice..b@acme.io', ctx)).toBe(false);
    expect(emailValid('alice@acme.IoX', ctx)).toBe(false);
    expect(emailValid('alice@acme.io', { before: 'https://' })).toBe(false);
    expect(emailValid('alice@acme.io', ctx)).toBe(true);
  });
});
