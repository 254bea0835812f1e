import type { Detector } from '../types.ts';
import { looksRandom } from '../validators/secret-quality.ts';
import { optionalTimes, reAlternatives, rep } from './pattern-kit.ts';

/** A password's characters, ending on no sentence punctuation (`... is X.` keeps X). */
const VALUE = `([A-Za-z0-9!#$%&*+=?@^_~-]${rep('[A-Za-z0-9!#$%&*+/=?@^_~.-]', 8, 62)}[A-Za-z0-9!#$%&*+=?@^_~-])`;
/** A quote or code mark around a value in chat and tickets. */
const MARK = '[`\'"]?';
/** One to six words between `password` and its value (`for the customer portal`). */
const WORD = "[ \\t]{1,3}[A-Za-z][A-Za-z'-]{0,15}";
const WORDS = `${WORD}${optionalTimes(WORD, 5)}`;

/**
 * A password written in a sentence, as chat messages, tickets and runbooks hold them: `Temporary
 * password for the customer portal: X`, `the password is X`, `user is \`migrator\` /
 * \`X\``. Only a random-looking value counts (letters, digits and more, high entropy): prose
 * around the word `password` is common, a password-manager string in it is not.
 */
export const passwordInProse: Detector = {
  id: 'password-in-prose',
  name: 'Password in a message',
  category: 'credentials',
  severity: 'high',
  keywords: ['password', 'passwort', 'passphrase', 'user is', 'login is'],
  pattern: reAlternatives(
    [
      `(?:^|[^A-Za-z])(?:[pP]ass(?:word|wort|phrase)|PASS(?:WORD|PHRASE))${WORDS}[ \\t]{0,2}:[ \\t]{1,4}${MARK}${VALUE}`,
      `(?:^|[^A-Za-z])(?:[pP]ass(?:word|wort|phrase)|PASS(?:WORD|PHRASE))${optionalTimes(WORD, 6)}[ \\t]{1,3}(?:is|ist|was)[ \\t]{1,4}${MARK}${VALUE}`,
      `(?:^|[^A-Za-z])(?:[uU]ser(?:name)?|[lL]ogin)[ \\t]{1,3}is[ \\t]{1,3}${MARK}${rep('[A-Za-z0-9_.@-]', 2, 40)}${MARK}[ \\t]{0,2}/[ \\t]{0,2}${MARK}${VALUE}`,
    ].join('|'),
  ),
  valueGroup: 1,
  validate: (value) =>
    /[0-9]/.test(value) && /[A-Za-z]/.test(value) && looksRandom(value, { minEntropy: 3, minClasses: 3 }),
  contextWords: ['temporary', 'reset', 'login', 'credentials'],
  baseConfidence: 0.75,
  generic: true,
  mask: { keepStart: 1, keepEnd: 1 },
  validator: 'random-looking: letters, digits and another class, high entropy',
  example: '`password for <what>:` (or `password is`, `user is <name> /`) then a random-looking password',
  description: 'A password pasted into a chat message, a ticket or a runbook sentence.',
};

export const proseCredentialDetectors: readonly Detector[] = [passwordInProse];
